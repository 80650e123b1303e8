import type { Checker } from '../../../kernel/protocol';
import { describeValue } from '../log';
import type { RaftState } from '../types';
import { firstChanged, lastChanged, perNode } from '../../../kernel/checkerHelpers';

interface Memory {
  /** The entry first applied at each index (term, value) and by whom; index 0 unused. */
  term: number[];
  value: (string | null)[];
  node: number[];
  /** applied[id]: node id's lastApplied at the last check. */
  applied: number[];
  /** Indices already reported: one report per index, not per node. */
  reported: number[];
  /**
   * The state machine (the key-value store) first seen after each count of applied entries, as
   * a digest, and whose it was: two servers that applied the same entries hold the same store.
   * This sees what the log comparison cannot: an entry applied and then replaced within one
   * handled message, before any checker looked at the log.
   */
  store: number[];
  storeNode: number[];
  storeText: string[];
  storeReported: number[];
}

/**
 * Raft §5.4.3, State Machine Safety: if a server has applied a log entry at a given index to its
 * state machine, no other server ever applies a different entry at that index. Each applied
 * entry is compared once with the first one applied at its index, and each server's store with
 * the first store seen after as many applied entries (stores of up to MAX_COMPARED_KEYS keys).
 */
export const stateMachineSafety: Checker<RaftState, Memory> = {
  invariant: 'State Machine Safety',
  init: () => ({ term: [0], value: [null], node: [0], applied: [], reported: [], store: [], storeNode: [], storeText: [], storeReported: [] }),
  check(cluster, memory, report) {
    const n = cluster.nodeCount;
    const applied = perNode(memory.applied, n, 0);
    const last = lastChanged(cluster);
    for (let id = firstChanged(cluster); id <= last; id++) {
      const s = cluster.states[id];
      if (!s || s.lastApplied === applied[id]) continue;
      // After a restart lastApplied starts again from 0 and the node re-applies its log.
      const from = s.lastApplied < applied[id] ? s.lastApplied + 1 : applied[id] + 1;
      const upTo = Math.min(s.lastApplied, s.log.length);
      let differed = false;
      for (let i = from; i <= upTo; i++) {
        const e = s.log[i - 1];
        if (i >= memory.term.length) {
          memory.term.push(e.term);
          memory.value.push(e.value);
          memory.node.push(id);
        } else if ((memory.term[i] !== e.term || memory.value[i] !== e.value) && !memory.reported.includes(i)) {
          memory.reported.push(i);
          differed = true;
          const first = `${describeValue(memory.value[i])} (term ${memory.term[i]})`;
          const now = `${describeValue(e.value)} (term ${e.term})`;
          report(
            memory.node[i] === id
              ? `S${id} applied ${first} at index ${i}, and after a restart ${now} there`
              : `S${memory.node[i]} applied ${first} at index ${i}, but S${id} applied ${now} there`,
          );
        }
      }
      applied[id] = s.lastApplied;
      // A differing entry already said what broke; the store tells what the log no longer shows.
      if (!differed) compareStore(memory, id, s, report);
    }
  },
};

/** Stores larger than this are not compared (a digest costs a pass over the store): the per-index comparison still runs. */
const MAX_COMPARED_KEYS = 1024;

function compareStore(memory: Memory, id: number, s: RaftState, report: (message: string) => void): void {
  if (s.kv.size > MAX_COMPARED_KEYS) return;
  const at = s.lastApplied;
  const digest = storeDigest(s.kv);
  if (memory.store[at] === undefined) {
    memory.store[at] = digest;
    memory.storeNode[at] = id;
    memory.storeText[at] = storeText(s.kv);
  } else if (memory.store[at] !== digest && !memory.storeReported.includes(at)) {
    memory.storeReported.push(at);
    const entries = `${at} ${at === 1 ? 'entry' : 'entries'}`;
    const other = memory.storeNode[at];
    report(
      other === id
        ? `S${id}'s store after ${entries} applied was ${memory.storeText[at]} and is now ${storeText(s.kv)}`
        : `S${other} and S${id} have both applied ${entries}, but their stores differ: ${memory.storeText[at]} on S${other}, ${storeText(s.kv)} on S${id}`,
    );
  }
}

/** The store's contents in key order, e.g. `{x=2, y=9}`. */
function storeText(kv: ReadonlyMap<string, string>): string {
  return `{${[...kv.keys()].sort().map((k) => `${k}=${kv.get(k)}`).join(', ')}}`;
}

/** A 32-bit FNV-1a digest of the store's contents, independent of insertion order. */
function storeDigest(kv: ReadonlyMap<string, string>): number {
  let sum = 0;
  for (const [k, v] of kv) {
    let h = 0x811c9dc5;
    const text = `${k}\u0000${v}`;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    // Order-independent: the entries' digests are summed.
    sum = (sum + (h >>> 0)) >>> 0;
  }
  return (sum ^ kv.size) >>> 0;
}
