import type { FuzzTarget } from '../../fuzz/target';
import type { Simulation } from '../../kernel/simulation';
import type { RandomStream } from '../../kernel/prng';
import type { ScenarioEvent } from '../../scenario/schema';
import { describeValue, termAt } from './log';
import type { RaftState } from './types';

const KEYS = ['x', 'y', 'z'];

/**
 * Swarm fuzzing for Raft. Each seed also draws PreVote, CheckQuorum and the batch size; timeouts
 * stay randomized (fixed ones livelock by design) and the no-op stays on (without it a leader
 * elected after the last client write could never commit in its term, which "settled" requires).
 */
export const raftFuzzTarget: FuzzTarget = {
  protocol: 'raft',
  sizes: [3, 9],
  params(rng: RandomStream) {
    return {
      preVote: rng.chance(0.5),
      checkQuorum: rng.chance(0.5),
      maxEntriesPerAppend: rng.pick([1, 3, 64]),
    };
  },
  workload(rng: RandomStream, nodes: number, from: number, to: number): ScenarioEvent[] {
    const count = rng.int(0, 40);
    const events: ScenarioEvent[] = [];
    for (let i = 0; i < count; i++) {
      events.push({ at: rng.int(from, to - 1), do: 'request', node: rng.int(1, nodes), value: `${rng.pick(KEYS)}=${i + 1}` });
    }
    return events.sort((a, b) => a.at - b.at);
  },
  nemesis: raftNemesis,
  /*
   * After the heal every link is clean, latency ≤ 80 ms (the swarm's maximum), so one election
   * round takes at most an election timeout (300 ms) plus a round trip (160 ms). 5 s leaves room
   * for about ten rounds of split votes and one disruption by a rejoining server with a higher
   * term, then the no-op's round trip and a heartbeat to tell everyone.
   */
  settleMs: 5000,
  unsettled: raftUnsettled,
};

/** Null once exactly one live leader is known to every live node, has committed an entry of its term, and all committed prefixes agree with its log. */
export function raftUnsettled(sim: Simulation): string | null {
  const n = sim.nodeCount;
  let leader = 0;
  for (let id = 1; id <= n; id++) {
    if (!sim.isUp(id)) continue;
    const s = sim.stateOf(id) as RaftState;
    if (s.role !== 'leader') continue;
    if (leader !== 0) return `two live leaders: S${leader} and S${id}`;
    leader = id;
  }
  if (leader === 0) return 'no leader';
  const ls = sim.stateOf(leader) as RaftState;
  if (termAt(ls.log, ls.commitIndex) !== ls.term) return `leader S${leader} has not committed an entry of its term ${ls.term}`;
  for (let id = 1; id <= n; id++) {
    if (!sim.isUp(id)) continue;
    const s = sim.stateOf(id) as RaftState;
    if (s.leader !== leader) return `S${id} does not know that S${leader} leads (it thinks ${s.leader === null ? 'nobody' : `S${s.leader}`} does)`;
    for (let i = 1; i <= s.commitIndex; i++) {
      const mine = s.log[i - 1];
      const theirs = ls.log[i - 1];
      if (!mine || !theirs || mine.term !== theirs.term || mine.value !== theirs.value) {
        return `S${id}'s committed entry ${i} (${mine ? `${describeValue(mine.value)}, term ${mine.term}` : 'missing'}) differs from leader S${leader}'s (${theirs ? `${describeValue(theirs.value)}, term ${theirs.term}` : 'missing'})`;
      }
    }
  }
  return null;
}

/**
 * Raft's weak moments, as static events (a restart of a running node is a crash and an immediate
 * reboot: what is on disk survives, the rest is lost): a node restarting at a random moment;
 * two nodes timing out at once (dueling candidates of one term) while each other node, with
 * probability 0.7, restarts within 60 ms (after granting one candidate, before hearing the
 * other); a node taking a write and restarting before it could replicate it (a leader with an
 * entry only it holds, as in Figure 8).
 */
function raftNemesis(rng: RandomStream, nodes: number, from: number, to: number): ScenarioEvent[] {
  const events: ScenarioEvent[] = [];
  const count = rng.int(0, 6);
  for (let k = 0; k < count; k++) {
    const at = rng.int(from, to - 50);
    const node = rng.int(1, nodes);
    switch (rng.int(0, 2)) {
      case 0:
        events.push({ at, do: 'restart', node });
        break;
      case 1: {
        const other = node === nodes ? 1 : node + 1;
        events.push({ at, do: 'timeout', node }, { at, do: 'timeout', node: other });
        // Voters restarting between the two candidates' requests: granted one, not heard the other yet.
        for (let voter = 1; voter <= nodes; voter++) {
          if (voter !== node && voter !== other && rng.chance(0.7)) events.push({ at: at + rng.int(1, 60), do: 'restart', node: voter });
        }
        break;
      }
      default:
        events.push({ at, do: 'request', node, value: `n=${k + 1}` }, { at: at + rng.int(1, 30), do: 'restart', node });
    }
  }
  return events;
}
