import { lookForLeader, stopLooking } from './election';
import { lead, stopLeading } from './leader';
import { followLeader, observeLeader, stopLearning } from './learner';
import { initialState, nextState, type ZabRoleAction, type ZabRoleEvent } from './roleMachine';
import type { Phase, ZabIO, ZabState } from './types';

/**
 * Moves the server through the role machine (roleMachine.ts) and runs the exit and entry actions
 * it returns: QuorumPeer.run's switch over LOOKING / FOLLOWING / LEADING / OBSERVING. State changes
 * happen only here.
 */
export function transitionState(state: ZabState, event: ZabRoleEvent, io: ZabIO): void {
  const from = state.state;
  const next = nextState(from, event);
  // Exit actions run in the old state, entry actions in the new one (xstate's order).
  let i = 0;
  for (; i < next.actions.length && EXITS.has(next.actions[i]); i++) ACTIONS[next.actions[i]](state, io);
  state.state = next.state;
  if (next.state !== from) io.changed('state', next.state);
  for (; i < next.actions.length; i++) ACTIONS[next.actions[i]](state, io);
}

/** The boot step: the machine's initial state (LOOKING) and its entry action. */
export function enterInitialState(state: ZabState, io: ZabIO): void {
  const initial = initialState();
  state.state = initial.state;
  io.changed('state', initial.state);
  for (const action of initial.actions) ACTIONS[action](state, io);
}

const EXITS = new Set<ZabRoleAction>(['stopLooking', 'stopLeading', 'stopLearning']);

const ACTIONS: Record<ZabRoleAction, (state: ZabState, io: ZabIO) => void> = {
  lookForLeader,
  stopLooking,
  lead,
  stopLeading,
  followLeader,
  observeLeader,
  stopLearning,
};

/** Back to LOOKING, from any state but LOOKING (the reason is narrated by the caller). */
export function goLooking(state: ZabState, io: ZabIO): void {
  transitionState(state, { type: 'LOOK' }, io);
}

export function setPhase(state: ZabState, phase: Phase, io: ZabIO): void {
  if (state.phase === phase) return;
  state.phase = phase;
  io.changed('phase', phase);
}

export function setLeader(state: ZabState, leader: number | null, io: ZabIO): void {
  if (state.leader === leader) return;
  state.leader = leader;
  io.changed('leader', leader);
}

/** Writes the acceptedEpoch file (QuorumPeer.setAcceptedEpoch). */
export function setAcceptedEpoch(state: ZabState, epoch: number, io: ZabIO): void {
  if (state.acceptedEpoch === epoch) return;
  state.acceptedEpoch = epoch;
  io.changed('acceptedEpoch', epoch);
}

/**
 * Writes the currentEpoch file (QuorumPeer.setCurrentEpoch) and, as updateElectionVote does, puts
 * the new epoch in the vote this server shows to late servers.
 */
export function setCurrentEpoch(state: ZabState, epoch: number, io: ZabIO): void {
  if (state.currentEpoch !== epoch) {
    state.currentEpoch = epoch;
    io.changed('currentEpoch', epoch);
  }
  if (state.vote.epoch !== epoch) {
    state.vote = { leader: state.vote.leader, zxid: state.vote.zxid, epoch };
    io.changed('vote', state.vote);
  }
}
