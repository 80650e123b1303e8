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
}

/**
 * Raft §5.4.3, State Machine Safety: if a server has applied a log entry at a given index to its
 * state machine, no other server ever applies a different entry at that index. Each applied
 * entry is compared once with the first one applied at its index.
 */
export const stateMachineSafety: Checker<RaftState, Memory> = {
  invariant: 'State Machine Safety',
  init: () => ({ term: [0], value: [null], node: [0], applied: [], reported: [] }),
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
      for (let i = from; i <= upTo; i++) {
        const e = s.log[i - 1];
        if (i >= memory.term.length) {
          memory.term.push(e.term);
          memory.value.push(e.value);
          memory.node.push(id);
        } else if ((memory.term[i] !== e.term || memory.value[i] !== e.value) && !memory.reported.includes(i)) {
          memory.reported.push(i);
          report(
            `S${memory.node[i]} applied ${describeValue(memory.value[i])} (term ${memory.term[i]}) at index ${i}, but S${id} applied ${describeValue(e.value)} (term ${e.term}) there`,
          );
        }
      }
      applied[id] = s.lastApplied;
    }
  },
};
