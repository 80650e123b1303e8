import type { FuzzTarget } from '../../fuzz/target';
import type { RandomStream } from '../../kernel/prng';
import type { Simulation } from '../../kernel/simulation';
import type { ScenarioEvent } from '../../scenario/schema';
import { gossipMetrics } from './metrics';
import type { GossipState } from './state';
import type { ClusterSnapshot } from '../../kernel/protocol';

/**
 * Swarm fuzzing for gossip. Mostly SWIM with drawn suspicion, ping-req and reconnect settings
 * and a workload of rumors, leaves and rejoins; sometimes rumor mode with pull or push-pull
 * (push alone is excluded: a node that restarts after the pushes stopped can never learn the
 * rumor, by design).
 */
export const gossipFuzzTarget: FuzzTarget = {
  protocol: 'gossip',
  sizes: [3, 24],
  params(rng: RandomStream) {
    if (rng.chance(0.2)) return { mode: 'rumor', spread: rng.pick(['pull', 'pushpull']), fanout: rng.int(1, 4) };
    return {
      mode: 'swim',
      suspicionMult: rng.pick([2, 4, 5]),
      indirectChecks: rng.pick([0, 1, 3]),
      suspicionMaxTimeoutMult: rng.pick([1, 6]),
      reconnectInterval: rng.pick([10_000, 30_000]),
    };
  },
  workload(rng: RandomStream, nodes: number, from: number, to: number): ScenarioEvent[] {
    const events: ScenarioEvent[] = [{ at: rng.int(from, to - 1), do: 'rumor', node: rng.int(1, nodes) }];
    const churn = rng.int(0, 3);
    for (let i = 0; i < churn; i++) {
      const node = rng.int(1, nodes);
      const at = rng.int(from, to - 1);
      events.push({ at, do: 'leave', node });
      if (rng.chance(0.5)) events.push({ at: rng.int(at, to), do: 'join', node });
    }
    return events.sort((a, b) => a.at - b.at);
  },
  /*
   * After the heal: a member declared dead is found again by Serf's reconnect (one attempt per
   * interval, at most 30 s, by the member itself if it holds others dead) or learns of its death
   * through its own push-pull (every 30 s below 33 nodes) and refutes; then a suspicion of the
   * merge settles within the longest suspicion timeout (6 × 5 × log10(24) × 1 s ≈ 41 s).
   * 150 s covers two such rounds of bad luck.
   */
  settleMs: 150_000,
  unsettled: gossipUnsettled,
};

/** Null once every live member's view is right (SWIM) or every live node has the rumor (rumor mode). */
export function gossipUnsettled(sim: Simulation): string | null {
  const m = gossipMetrics(sim.snapshot() as ClusterSnapshot<GossipState>);
  if (m.mode === 'rumor') {
    const informed = m.informed as number;
    const live = m.live as number;
    return informed === 0 || informed === live ? null : `${informed} of ${live} live nodes have the rumor`;
  }
  const membership = m.membership as { agree: boolean; wrongEntries: number; suspectEntries: number };
  return membership.agree ? null : `${membership.wrongEntries} wrong member entries (${membership.suspectEntries} suspect)`;
}
