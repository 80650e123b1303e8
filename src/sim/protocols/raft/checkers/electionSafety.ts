import type { Checker } from '../../../kernel/protocol';
import type { RaftState } from '../types';
import { firstChanged, lastChanged, perNode } from '../../../kernel/checkerHelpers';

interface Memory {
  /** The leader recorded for each term. */
  leaderOf: Map<number, number>;
  /** recorded[id]: the term in which id was last recorded as leader, 0 if none (skips repeat lookups). */
  recorded: number[];
}

/** Raft §5.2, Election Safety: at most one leader can be elected in a given term. */
export const electionSafety: Checker<RaftState, Memory> = {
  invariant: 'Election Safety',
  init: () => ({ leaderOf: new Map(), recorded: [] }),
  check(cluster, memory, report) {
    const recorded = perNode(memory.recorded, cluster.nodeCount, 0);
    const last = lastChanged(cluster);
    for (let id = firstChanged(cluster); id <= last; id++) {
      const s = cluster.states[id];
      if (!s || s.role !== 'leader' || recorded[id] === s.term) continue;
      recorded[id] = s.term;
      const other = memory.leaderOf.get(s.term);
      if (other === undefined) memory.leaderOf.set(s.term, id);
      else if (other !== id) {
        report(`S${Math.min(id, other)} and S${Math.max(id, other)} are both leaders in term ${s.term}`);
      }
    }
  },
};
