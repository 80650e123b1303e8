import type { LogEntry, RaftState } from './types';

/** Log helpers. Indices start at 1 (Raft Figure 2); index 0 is the empty prefix, of term 0. */

export function lastIndex(log: readonly LogEntry[]): number {
  return log.length;
}

export function lastTerm(log: readonly LogEntry[]): number {
  return log.length === 0 ? 0 : log[log.length - 1].term;
}

/** Term of the entry at `index`; 0 for index 0; -1 when the log has no such entry. */
export function termAt(log: readonly LogEntry[], index: number): number {
  if (index === 0) return 0;
  if (index < 0 || index > log.length) return -1;
  return log[index - 1].term;
}

export function entryAt(log: readonly LogEntry[], index: number): LogEntry | undefined {
  return index >= 1 ? log[index - 1] : undefined;
}

/**
 * Raft §5.4.1: a log is at least as up to date as another if its last term is newer, or the
 * last terms are equal and it is at least as long.
 */
export function atLeastAsUpToDate(lastTermA: number, lastIndexA: number, lastTermB: number, lastIndexB: number): boolean {
  return lastTermA > lastTermB || (lastTermA === lastTermB && lastIndexA >= lastIndexB);
}

/** Deletes the entries from `from` on (a conflicting suffix, Raft §5.3). */
export function truncateFrom(state: RaftState, from: number): void {
  state.log.length = from - 1;
}

/** First index of the run of entries with the same term that contains `index` (the conflict hint). */
export function firstIndexOfTermRun(log: readonly LogEntry[], index: number): number {
  const term = termAt(log, index);
  let i = index;
  while (i > 1 && log[i - 2].term === term) i--;
  return i;
}

/** Last index ≤ `upTo` whose entry has `term`, or 0 (logs' terms never decrease, so stop early). */
export function lastIndexOfTerm(log: readonly LogEntry[], term: number, upTo: number): number {
  for (let i = Math.min(upTo, log.length); i >= 1; i--) {
    const t = log[i - 1].term;
    if (t === term) return i;
    if (t < term) return 0;
  }
  return 0;
}

/** How an entry reads in checker messages (narration words it per language: the `entry` formatter in narration/render.ts). */
export function describeValue(value: string | null): string {
  return value === null ? 'no-op' : `"${value}"`;
}

/**
 * The key-value state machine: "k=v" sets k to v. A command without "=" sets a key of that
 * name to the empty string. No-ops change nothing.
 */
export function applyToKv(kv: Map<string, string>, value: string | null): void {
  if (value === null) return;
  const eq = value.indexOf('=');
  if (eq < 0) kv.set(value, '');
  else kv.set(value.slice(0, eq).trim(), value.slice(eq + 1).trim());
}

/** "S1, S2, S4" for narration. */
export function nodeList(ids: readonly number[]): string {
  return ids.map((id) => `S${id}`).join(', ');
}
