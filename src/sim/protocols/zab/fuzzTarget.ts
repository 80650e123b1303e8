import type { FuzzTarget } from '../../fuzz/target';
import type { RandomStream } from '../../kernel/prng';
import type { Simulation } from '../../kernel/simulation';
import type { ScenarioEvent } from '../../scenario/schema';
import { describeValue } from './history';
import type { ZabState } from './types';
import { zxidHex } from './zxid';

const KEYS = ['x', 'y', 'z'];

/**
 * Swarm fuzzing for ZooKeeper. Each seed also draws the tick (250–1000 ms), syncLimit (2–5) and
 * initLimit (5–10) ticks, so that timeouts fire within a run, and sometimes one observer.
 */
export const zabFuzzTarget: FuzzTarget = {
  protocol: 'zab',
  sizes: [3, 7],
  params(rng: RandomStream, nodes: number) {
    return {
      tickTime: rng.pick([250, 500, 1000]),
      syncLimit: rng.int(2, 5),
      initLimit: rng.int(5, 10),
      ...(nodes >= 4 && rng.chance(0.3) ? { observers: [rng.int(1, nodes)] } : {}),
    };
  },
  workload(rng: RandomStream, nodes: number, from: number, to: number): ScenarioEvent[] {
    const count = rng.int(0, 30);
    const events: ScenarioEvent[] = [];
    for (let i = 0; i < count; i++) {
      events.push({ at: rng.int(from, to - 1), do: 'request', node: rng.int(1, nodes), value: `${rng.pick(KEYS)}=${i + 1}` });
    }
    return events.sort((a, b) => a.at - b.at);
  },
  /*
   * After the heal every link is clean (latency ≤ 80 ms) and every server is up. The slowest
   * ways back, one after the other: a LOOKING server whose notification timeout has doubled
   * through the faulty phase (≤ 6 s) waits up to about that long to send its vote again; a
   * connection that lost a packet stalls (TCP) until a timeout of at most initLimit ticks
   * (≤ 10 s) closes it; a leader stuck establishing gives up after initLimit ticks per phase
   * (≤ 2 × 10 s), and the next election with its finalizeWait and handshake takes under 1 s.
   * 40 s covers that chain with room to spare; most runs settle within 2 s.
   */
  settleMs: 40_000,
  unsettled: zabUnsettled,
};

/**
 * Null once exactly one server leads in the broadcast phase, every live voter follows it and
 * every live observer observes it (each up to date), the leader has committed its whole history,
 * and every live server's committed transactions agree with the leader's history.
 */
export function zabUnsettled(sim: Simulation): string | null {
  const n = sim.nodeCount;
  let leader = 0;
  for (let id = 1; id <= n; id++) {
    if (!sim.isUp(id)) continue;
    const s = sim.stateOf(id) as ZabState;
    if (s.state !== 'leading') continue;
    if (leader !== 0) return `two servers are LEADING: S${leader} and S${id}`;
    leader = id;
  }
  if (leader === 0) return 'nobody is LEADING';
  const ls = sim.stateOf(leader) as ZabState;
  if (ls.phase !== 'broadcast') return `S${leader} leads but is still in ${ls.phase}`;
  if (ls.commitIndex !== ls.history.length) return `S${leader} has not committed all of its history yet`;
  for (let id = 1; id <= n; id++) {
    if (!sim.isUp(id) || id === leader) continue;
    const s = sim.stateOf(id) as ZabState;
    const want = s.observer ? 'observing' : 'following';
    if (s.state !== want || s.leader !== leader) {
      return `S${id} is ${s.state.toUpperCase()}${s.leader === null ? '' : ` S${s.leader}`} (${s.phase}), not ${want} S${leader}`;
    }
    for (let i = 0; i < s.commitIndex; i++) {
      const mine = s.history[i];
      const theirs = ls.history[i];
      if (!theirs || mine.zxid !== theirs.zxid || mine.value !== theirs.value) {
        return `S${id}'s committed transaction ${i + 1} (${zxidHex(mine.zxid)} ${describeValue(mine.value)}) differs from leader S${leader}'s (${theirs ? `${zxidHex(theirs.zxid)} ${describeValue(theirs.value)}` : 'missing'})`;
      }
    }
  }
  return null;
}
