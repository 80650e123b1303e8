import type { Txn } from './types';
import { counterOf, epochOf, makeZxid, zxidHex } from './zxid';

/** The last logged zxid (getLastLoggedZxid), 0 for an empty log. */
export function lastZxid(history: readonly Txn[]): number {
  return history.length > 0 ? history[history.length - 1].zxid : 0;
}

/** Index of the entry with this zxid, or -1. Histories are sorted by zxid, so this is a binary search. */
export function indexOfZxid(history: readonly Txn[], zxid: number): number {
  let lo = 0;
  let hi = history.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const z = history[mid].zxid;
    if (z === zxid) return mid;
    if (z < zxid) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** How many entries have a zxid ≤ `zxid` (what a TRUNC to `zxid` keeps). */
export function countUpTo(history: readonly Txn[], zxid: number): number {
  let lo = 0;
  let hi = history.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (history[mid].zxid <= zxid) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The value a synthesized transaction carries: every server that starts with zxid (e, c) in its
 * log has the same transaction there, so the committed histories of an initial state agree.
 */
export function synthesizedValue(zxid: number): string {
  return `init-${zxidHex(zxid)}`;
}

/**
 * The history implied by a last zxid (e, c): the transactions (e, 1) … (e, c) of epoch e. Earlier
 * epochs are not invented: a scenario that needs them starts the servers from a shared state.
 */
export function synthesizeHistory(last: number): Txn[] {
  const epoch = epochOf(last);
  const out: Txn[] = [];
  for (let c = 1; c <= counterOf(last); c++) {
    const zxid = makeZxid(epoch, c);
    out.push({ zxid, value: synthesizedValue(zxid) });
  }
  return out;
}

/** "x=1", or "(empty)" for an empty value, in checker messages (narration: the `txn` formatter in narration/render.ts). */
export function describeValue(value: string): string {
  return value === '' ? '(empty)' : value;
}
