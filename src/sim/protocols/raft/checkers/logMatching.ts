import type { Checker } from '../../../kernel/protocol';
import { describeValue } from '../log';
import type { RaftState } from '../types';
import { firstChanged, lastChanged, perNode } from '../../../kernel/checkerHelpers';
import { scanRanges } from './logScan';

interface Known {
  value: string | null;
  /** Term of the entry just before it (0 at index 1). */
  prevTerm: number;
  node: number;
  /** Set once a mismatch at this (index, term) was reported: one report per entry, not per node. */
  reported: boolean;
}

interface Memory {
  /**
   * Every (index, term) ever seen in any log with its value and predecessor's term: the first
   * term seen at an index in `first[index]` (the common case), any other term at that index in
   * `others` under "index:term".
   */
  firstTerm: number[];
  first: Known[];
  others: Map<string, Known>;
  /** checked[id]: length of node id's log at the last check. */
  checked: number[];
}

function lookup(memory: Memory, index: number, term: number): Known | undefined {
  const t = memory.firstTerm[index];
  if (t === term) return memory.first[index];
  return t === undefined ? undefined : memory.others.get(`${index}:${term}`);
}

function remember(memory: Memory, index: number, term: number, known: Known): void {
  if (memory.firstTerm[index] === undefined) {
    // Entries enter logs in index order, so these arrays grow without holes.
    memory.firstTerm[index] = term;
    memory.first[index] = known;
  } else memory.others.set(`${index}:${term}`, known);
}

/** Checks log[i - 1] of node id against the first entry seen with its index and term (or remembers it). */
function verify(memory: Memory, log: RaftState['log'], id: number, i: number, report: (message: string) => void): void {
  const e = log[i - 1];
  const prevTerm = i > 1 ? log[i - 2].term : 0;
  const k = lookup(memory, i, e.term);
  if (k === undefined) remember(memory, i, e.term, { value: e.value, prevTerm, node: id, reported: false });
  else if (k.reported) return;
  else if (k.value !== e.value && k.node === id) {
    k.reported = true;
    report(`S${id}'s entry at index ${i} in term ${e.term} changed from ${describeValue(k.value)} to ${describeValue(e.value)}`);
  } else if (k.value !== e.value) {
    k.reported = true;
    report(`S${k.node} and S${id} both have an entry at index ${i} in term ${e.term}, but S${k.node}'s is ${describeValue(k.value)} and S${id}'s is ${describeValue(e.value)}`);
  } else if (k.prevTerm !== prevTerm) {
    k.reported = true;
    report(
      `S${k.node} and S${id} agree on index ${i} (term ${e.term}) but not on the entry before it: index ${i - 1} has term ${k.prevTerm} on S${k.node} and term ${prevTerm} on S${id}`,
    );
  }
}

/**
 * Raft §5.3, Log Matching: if two logs contain an entry with the same index and term, the logs
 * are identical in all entries up through that index. Equivalently, by induction on the index:
 * every (index, term) pair always carries the same value and follows the same (index - 1, term)
 * pair. So every entry is checked against the first one seen with that index and term: the new
 * ones when they enter a log, and those a log already held again after every event at that node
 * (all of them in logs of up to 32 entries, else the newest; see logScan.ts), so an entry a node
 * replaces is checked without trusting the node to say so.
 */
export const logMatching: Checker<RaftState, Memory> = {
  invariant: 'Log Matching',
  init: () => ({ firstTerm: [0], first: [{ value: null, prevTerm: 0, node: 0, reported: false }], others: new Map(), checked: [] }),
  check(cluster, memory, report) {
    const checked = perNode(memory.checked, cluster.nodeCount, 0);
    const last = lastChanged(cluster);
    for (let id = firstChanged(cluster); id <= last; id++) {
      const s = cluster.states[id];
      if (!s) continue; // a down node's log does not change
      const log = s.log;
      const held = Math.min(checked[id], log.length);
      const { olderFrom, olderTo, tailFrom } = scanRanges(held, null, id);
      for (let i = olderFrom; i <= olderTo; i++) verify(memory, log, id, i, report);
      for (let i = tailFrom; i <= log.length; i++) verify(memory, log, id, i, report);
      checked[id] = log.length;
    }
  },
};
