import type { TraceEvent } from '../kernel/trace';
import { renderNarration } from './render';

/** How a protocol writes one of its messages in a transcript line (type, then fields). */
export type MessageDescriber = (msg: unknown) => string;

/** The default: the message type, then each field as key=value. */
export function describeFields(msg: unknown): string {
  if (typeof msg !== 'object' || msg === null) return String(msg);
  const record = msg as Record<string, unknown>;
  const fields = Object.keys(record)
    .filter((k) => k !== 'type')
    .map((k) => `${k}=${typeof record[k] === 'string' ? JSON.stringify(record[k]) : JSON.stringify(record[k]) ?? 'undefined'}`);
  return `${String(record.type)} ${fields.join(' ')}`;
}

function time(t: number): string {
  return String(t).padStart(6, ' ');
}

/**
 * A trace event as one readable line, for golden transcripts (STYLE.md: a script in, the trace
 * out, reviewed as a diff) and debugging: time, who, what. Narration uses the English templates.
 */
export function transcriptLine(e: TraceEvent, describe: MessageDescriber = describeFields): string {
  switch (e.k) {
    case 'send':
      return `${time(e.t)} S${e.from} → S${e.to} #${e.id}${e.dup ? ' (duplicate)' : ''} ${describe(e.msg)}`;
    case 'deliver':
      return `${time(e.t)} S${e.to} ← S${e.from} #${e.id}`;
    case 'drop':
      return `${time(e.t)} S${e.from} → S${e.to} #${e.id} dropped (${e.reason})`;
    case 'timer':
      return `${time(e.t)} S${e.node} timer ${e.name}`;
    case 'state':
      return `${time(e.t)} S${e.node} ${e.field} = ${JSON.stringify(e.value)}`;
    case 'action':
      return `${time(e.t)} action ${JSON.stringify(e.action)}`;
    case 'narrate':
      return `${time(e.t)} S${e.node} says: ${renderNarration(e.key, e.params)}`;
    case 'violation':
      return `${time(e.t)} VIOLATION ${e.invariant}: ${e.message}`;
    case 'client': {
      const r = e.reply;
      const where = r.index === undefined ? '' : ` at index ${r.index} (term ${r.term})`;
      return `${time(e.t)} S${e.node} → client #${r.client} ${r.outcome}: ${JSON.stringify(r.value)}${where}`;
    }
  }
}

/** Only the narration and the violations: the story of a run. */
export function storyLines(events: readonly TraceEvent[]): string[] {
  return events.filter((e) => e.k === 'narrate' || e.k === 'violation').map((e) => transcriptLine(e));
}
