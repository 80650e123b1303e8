import type { TraceEvent } from '../../kernel/trace';
import { storyLines, transcriptLine as transcriptLineWith } from '../../narration/transcript';

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

/** A Raft trace event as one transcript line (log entries written term:value). */
export function transcriptLine(e: TraceEvent): string {
  return transcriptLineWith(e, describeMessage);
}

export { storyLines };
