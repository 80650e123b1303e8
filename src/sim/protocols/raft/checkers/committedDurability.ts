import type { Checker } from '../../../kernel/protocol';
import { firstChanged, lastChanged, perNode } from '../../../kernel/checkerHelpers';
import { describeValue } from '../log';
import type { RaftState } from '../types';
import { scanRanges } from './logScan';

interface Memory {
  /** The entry committed at each index (term, value), as the first node to commit it held it; index 0 unused. */
  term: number[];
  value: (string | null)[];
  /** held[id]: node id's log began with the committed entries 1..held[id], exactly, at the last check. */
  held: number[];
  /** Where each node's next look at its older entries starts (see logScan.ts). */
  cursor: number[];
}

/** The first index in from..to where the log differs from the committed entries, or null. */
function firstDifferent(log: RaftState['log'], memory: Memory, from: number, to: number): number | null {
  for (let i = from; i <= to; i++) {
    const e = log[i - 1];
    if (e.term !== memory.term[i] || e.value !== memory.value[i]) return i;
  }
  return null;
}

/**
 * Committed entries are durable (Raft §5.4, from the logs alone, no bookkeeping of the nodes'):
 * a node never says more is committed than its log holds, and once a node's log holds a
 * committed entry, that entry never changes or disappears from it (through crashes and restarts
 * too, since the log is on disk). A follower may still hold a stale entry at a committed index
 * it has not caught up to; only what it held in agreement with the committed entry counts.
 * Which held entries a check compares: see logScan.ts (all of them in logs of up to 32 entries).
 */
export const committedDurability: Checker<RaftState, Memory> = {
  invariant: 'Committed Durability',
  init: () => ({ term: [0], value: [null], held: [], cursor: [] }),
  check(cluster, memory, report) {
    const held = perNode(memory.held, cluster.nodeCount, 0);
    const last = lastChanged(cluster);
    for (let id = firstChanged(cluster); id <= last; id++) {
      const s = cluster.states[id];
      if (!s) continue;
      const log = s.log;
      if (s.commitIndex > log.length) report(`S${id} counts ${s.commitIndex} entries as committed but holds only ${log.length}`);
      // What it held of the committed entries is still there, unchanged.
      if (log.length < held[id]) {
        const i = log.length + 1;
        report(`S${id} lost the committed entry at index ${i} (${describeValue(memory.value[i])}, term ${memory.term[i]}): its log has ${log.length} entries`);
        held[id] = log.length;
      }
      const { olderFrom, olderTo, tailFrom, tailTo } = scanRanges(held[id], memory.cursor, id);
      const replaced = firstDifferent(log, memory, olderFrom, olderTo) ?? firstDifferent(log, memory, tailFrom, tailTo);
      if (replaced !== null) {
        const e = log[replaced - 1];
        report(`S${id} replaced the committed entry at index ${replaced}: ${describeValue(memory.value[replaced])} of term ${memory.term[replaced]} became ${describeValue(e.value)} of term ${e.term}`);
        held[id] = replaced - 1;
      }
      // Entries it commits that no one committed before.
      const committed = Math.min(s.commitIndex, log.length);
      for (let i = memory.term.length; i <= committed; i++) {
        memory.term.push(log[i - 1].term);
        memory.value.push(log[i - 1].value);
      }
      // How far its log now agrees with them.
      let i = held[id] + 1;
      const upTo = Math.min(log.length, memory.term.length - 1);
      while (i <= upTo && log[i - 1].term === memory.term[i] && log[i - 1].value === memory.value[i]) i++;
      held[id] = i - 1;
    }
  },
};
