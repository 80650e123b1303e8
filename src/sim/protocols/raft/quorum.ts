import { followsEtcd, type RaftParams } from './params';
import type { RaftIO, RaftState } from './types';

/**
 * Votes or replicas needed out of `nodeCount`: a majority (> n/2, Raft §5.2), or with the
 * unsafe switch `quorum: "half"` only ≥ n/2, so that two halves of an even cluster can both win.
 * For odd n the two are the same.
 */
export function quorumSize(nodeCount: number, params: RaftParams): number {
  return params.unsafe.quorum === 'half' ? Math.ceil(nodeCount / 2) : Math.floor(nodeCount / 2) + 1;
}

/**
 * Raft §5.2: each server draws its election timeout from [min, max] on its own random stream,
 * so that usually one times out first. `randomizedTimeouts: false` uses min everywhere: nodes
 * that start together time out together and split the votes forever.
 *
 * As in etcd, a timeout is drawn when a server becomes a follower or starts an election
 * (`redraw`), and kept while it hears from the same leader: a heartbeat only restarts the timer.
 */
export function resetElectionTimer(state: RaftState, io: RaftIO, redraw = true): void {
  const [min, max] = io.params.electionTimeout;
  const kept = state.electionTimeoutMs;
  // Redraw also when a `set` event changed the range or turned randomization off.
  if (redraw || kept < min || kept > max || (!io.params.randomizedTimeouts && kept !== min)) {
    state.electionTimeoutMs = io.params.randomizedTimeouts ? io.rng.int(min, max) : min;
  }
  io.setTimer('election', state.electionTimeoutMs);
}

/**
 * How often a leader checks that a majority answered it: thesis §6.2 every (longest) election
 * timeout; etcd every base election timeout (tickHeartbeat's electionElapsed ≥ electionTimeout).
 */
export function checkQuorumPeriodMs(params: RaftParams): number {
  return followsEtcd(params) ? params.electionTimeout[0] : params.electionTimeout[1];
}

export function countTrue(flags: readonly boolean[]): number {
  let n = 0;
  for (let i = 1; i < flags.length; i++) if (flags[i]) n++;
  return n;
}

export function idsWhere(flags: readonly boolean[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < flags.length; i++) if (flags[i]) out.push(i);
  return out;
}
