import type { TraceEvent } from '../../kernel/trace';
import { renderNarration } from '../../narration/render';

/** One message in a line: its type and fields, log entries as term:value. */
export function describeMessage(msg: unknown): string {
  if (typeof msg !== 'object' || msg === null) return String(msg);
  const record = msg as Record<string, unknown>;
  const fields: string[] = [];
  for (const key of Object.keys(record)) {
    if (key === 'type') continue;
    const v = record[key];
    if (key === 'entries' && Array.isArray(v)) {
      fields.push(`entries=[${v.map((e: { term: number; value: string | null }) => `${e.term}:${e.value === null ? 'no-op' : e.value}`).join(' ')}]`);
    } else fields.push(`${key}=${typeof v === 'string' ? JSON.stringify(v) : String(v)}`);
  }
  return `${String(record.type)} ${fields.join(' ')}`;
}

function time(t: number): string {
  return String(t).padStart(6, ' ');
}

/**
 * A trace event as one readable line, for golden transcripts and debugging: time, who, what.
 * Narration is rendered with the English templates.
 */
export function transcriptLine(e: TraceEvent): string {
  switch (e.k) {
    case 'send':
      return `${time(e.t)} S${e.from} → S${e.to} #${e.id}${e.dup ? ' (duplicate)' : ''} ${describeMessage(e.msg)}`;
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
      return `${time(e.t)} VIOLATION ${e.message.startsWith(e.invariant) ? e.message : `${e.invariant}: ${e.message}`}`;
  }
}

/** Only the narration and violations, for a story-level view of a run. */
export function storyLines(events: readonly TraceEvent[]): string[] {
  const out: string[] = [];
  for (const e of events) if (e.k === 'narrate' || e.k === 'violation') out.push(transcriptLine(e));
  return out;
}
