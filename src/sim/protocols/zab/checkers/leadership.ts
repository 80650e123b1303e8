import type { Checker } from '../../../kernel/protocol';
import { firstChanged, lastChanged, perNode } from '../../../kernel/checkerHelpers';
import type { ZabState } from '../types';

interface Memory {
  /** The leader established for each epoch. */
  leaderOf: Map<number, number>;
  /** recorded[id]: the epoch in which id was last recorded as established leader, -1 if none. */
  recorded: number[];
}

/**
 * At most one established leader per epoch (the TLA+ spec's Leadership1 / Leadership2). A leader
 * counts as established for its epoch from LeaderTransitionToSynchronization on: a quorum
 * acknowledged its new epoch (ACKEPOCH) and it wrote that epoch as its currentEpoch.
 */
export const leadership: Checker<ZabState, Memory> = {
  invariant: 'Leadership',
  init: () => ({ leaderOf: new Map(), recorded: [] }),
  check(cluster, memory, report) {
    const recorded = perNode(memory.recorded, cluster.nodeCount, -1);
    const last = lastChanged(cluster);
    for (let id = firstChanged(cluster); id <= last; id++) {
      const s = cluster.states[id];
      if (!s || s.state !== 'leading' || (s.phase !== 'synchronization' && s.phase !== 'broadcast')) continue;
      const epoch = s.currentEpoch;
      if (recorded[id] === epoch) continue;
      recorded[id] = epoch;
      const other = memory.leaderOf.get(epoch);
      if (other === undefined) memory.leaderOf.set(epoch, id);
      else if (other !== id) {
        report(
          `S${Math.min(id, other)} and S${Math.max(id, other)} both became the established leader of epoch ${epoch} (each got a "quorum" of ACKEPOCH)`,
        );
      }
    }
  },
};
