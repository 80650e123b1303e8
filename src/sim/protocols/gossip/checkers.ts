import type { Checker } from '../../kernel/protocol';
import { Status } from './memberTable';
import type { GossipState } from './state';

/**
 * Above this size the checker looks at CHECK_WINDOW nodes per event, round-robin, instead of
 * all of them: a full pass per event would make a 1,000-node run a thousand times slower. A
 * node that believes itself dead keeps believing it (nothing but a refutation repairs it, and
 * refuting is exactly what the broken node does not do), so the window still finds it.
 */
const CHECK_ALL_MAX_NODES = 200;
const CHECK_WINDOW = 16;

/**
 * SWIM §4.2: a member that hears itself suspected or declared dead refutes with a higher
 * incarnation, so a live member never holds itself suspect or dead. Broken on purpose by
 * `unsafe.noRefute`.
 */
export const neverSelfDead: Checker<GossipState, { cursor: number }> = {
  invariant: 'NeverSelfDead',
  init: () => ({ cursor: 0 }),
  check(cluster, memory, report) {
    const n = cluster.nodeCount;
    const all = n <= CHECK_ALL_MAX_NODES;
    const count = all ? n : CHECK_WINDOW;
    for (let i = 0; i < count; i++) {
      const id = all ? i + 1 : (memory.cursor++ % n) + 1;
      const s = cluster.states[id];
      if (!s || s.mode !== 'swim' || s.left) continue;
      const own = s.status[id];
      if (own === Status.suspect || own === Status.dead) {
        report(`S${id} believes itself ${own === Status.dead ? 'dead' : 'suspect'} (incarnation ${s.incarnation}) instead of refuting`);
      }
    }
  },
};
