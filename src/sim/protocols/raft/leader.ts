import { countTrue, checkQuorumPeriodMs, quorumSize } from './quorum';
import { freshFlags, loseQuorum } from './roles';
import { broadcastAppend } from './send';
import type { RaftParams } from './params';
import type { RaftIO, RaftState } from './types';

/** Raft §5.2: the leader's heartbeat keeps followers from timing out (and carries new entries). */
export function onHeartbeat(state: RaftState, io: RaftIO): void {
  if (state.role === 'leader') broadcastAppend(state, io);
}

/**
 * CheckQuorum (thesis §6.2): every election timeout a leader counts who answered it since the
 * last check; short of a majority it steps down, so clients stop waiting on a leader that
 * cannot commit, and a partitioned old leader does not linger.
 */
export function onCheckQuorum(state: RaftState, io: RaftIO): void {
  if (state.role !== 'leader' || !io.params.checkQuorum) return;
  const active = countTrue(state.recentlyActive);
  const needed = quorumSize(io.nodeCount, io.params);
  if (active < needed) {
    io.narrate('raft.checkQuorum.stepDown', { node: io.id, term: state.term, active, nodes: io.nodeCount, needed });
    loseQuorum(state, io);
    return;
  }
  state.recentlyActive.fill(false);
  state.recentlyActive[io.id] = true;
  io.setTimer('checkQuorum', checkQuorumPeriodMs(io.params));
}

/**
 * CheckQuorum switched on or off mid-run (a scenario's `set`): a leader starts counting who
 * answers it from now on, its first check one period later, or it stops checking.
 */
export function onCheckQuorumChanged(state: RaftState, previous: RaftParams, io: RaftIO): void {
  if (state.role !== 'leader' || previous.checkQuorum === io.params.checkQuorum) return;
  if (io.params.checkQuorum) {
    state.recentlyActive = freshFlags(io);
    io.setTimer('checkQuorum', checkQuorumPeriodMs(io.params));
  } else io.cancelTimer('checkQuorum');
}
