import type { Checker } from '../../../kernel/protocol';
import { firstChanged, lastChanged, perNode } from '../../../kernel/checkerHelpers';
import type { RaftState } from '../types';

interface Memory {
  /** Every write a client was told is done, as the reply said: index, term and value. */
  index: number[];
  term: number[];
  value: string[];
  /** leaderTerm[id]: the term of id's leadership being checked (0: none); checked[id]: how many acknowledged writes its log was found to hold. */
  leaderTerm: number[];
  checked: number[];
}

/**
 * The client's view of durability: a write acknowledged to its client (an `ok` reply, which says
 * where the write is) is in the log of every leader of its term or a later one, at that index
 * with that term and value. It is computed from the replies and the leaders' logs alone, so a
 * server that answers too early (before the entry is committed) is caught when a leader that
 * lacks the entry is elected. A leader's log only grows in its term, so each leadership is
 * compared once with each acknowledged write.
 */
export const acknowledgedWrites: Checker<RaftState, Memory> = {
  invariant: 'Acknowledged Writes',
  init: () => ({ index: [], term: [], value: [], leaderTerm: [], checked: [] }),
  check(cluster, memory, report) {
    for (const { reply } of cluster.replies) {
      if (reply.outcome !== 'ok' || reply.index === undefined || reply.term === undefined) continue;
      memory.index.push(reply.index);
      memory.term.push(reply.term);
      memory.value.push(reply.value);
    }
    const acknowledged = memory.index.length;
    if (acknowledged === 0) return;
    const leaderTerm = perNode(memory.leaderTerm, cluster.nodeCount, 0);
    const checked = perNode(memory.checked, cluster.nodeCount, 0);
    const last = lastChanged(cluster);
    for (let id = firstChanged(cluster); id <= last; id++) {
      const s = cluster.states[id];
      if (!s || s.role !== 'leader') continue;
      if (leaderTerm[id] !== s.term) {
        leaderTerm[id] = s.term;
        checked[id] = 0;
      }
      for (let k = checked[id]; k < acknowledged; k++) {
        const term = memory.term[k];
        // A leader of an older term than the write's is not bound by it.
        if (term > s.term) continue;
        const index = memory.index[k];
        const entry = s.log[index - 1];
        if (entry && entry.term === term && (entry.value ?? '') === memory.value[k]) continue;
        report(
          `S${id}, leader of term ${s.term}, lacks the write "${memory.value[k]}" its client was told is done at index ${index} (term ${term}); ` +
            (entry ? `it holds "${entry.value ?? 'no-op'}" of term ${entry.term} there` : `its log ends at ${s.log.length}`),
        );
      }
      checked[id] = acknowledged;
    }
  },
};
