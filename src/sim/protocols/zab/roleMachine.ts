import { initialTransition, setup, transition, type SnapshotFrom } from 'xstate';
import type { ServerState } from './types';

/**
 * Events that move a ZooKeeper server between its states (QuorumPeer.run's loop over
 * getPeerState()). `ELECTED` ends lookForLeader: FastLeaderElection.setPeerState makes the server
 * LEADING if it elected itself, else OBSERVING or FOLLOWING by its learner type. `LOOK` is every
 * way back to the election: a leader that lost its quorum or its epoch, a learner whose leader
 * went silent, refused it, or closed the connection.
 */
export type ZabRoleEvent = { type: 'ELECTED'; self: boolean; observer: boolean } | { type: 'LOOK' };

/** Entry and exit actions, executed by the simulation (roles.ts) with the server's state and io. */
export type ZabRoleAction = 'lookForLeader' | 'stopLooking' | 'lead' | 'stopLeading' | 'followLeader' | 'observeLeader' | 'stopLearning';

/* Implementations are empty on purpose: the machine is run purely (initialTransition /
 * transition) and the simulation executes the returned actions by name. */
const noop = (): void => {};

/**
 * The ZooKeeper server statechart: one definition the simulation drives and the UI draws.
 *
 * - A server starts LOOKING and runs Fast Leader Election (lookForLeader).
 * - Elected, it leads (Leader.lead), follows (Follower.followLeader) or observes
 *   (Observer.observeLeader); an observer never leads (its vote is for nobody).
 * - Any failure of leading or learning returns it to LOOKING, where a new election round begins.
 */
export const zabRoleMachine = setup({
  types: { events: {} as ZabRoleEvent },
  guards: {
    electedSelf: ({ event }) => event.type === 'ELECTED' && event.self,
    isObserver: ({ event }) => event.type === 'ELECTED' && event.observer,
  },
  actions: {
    lookForLeader: noop,
    stopLooking: noop,
    lead: noop,
    stopLeading: noop,
    followLeader: noop,
    observeLeader: noop,
    stopLearning: noop,
  },
}).createMachine({
  id: 'zabServer',
  initial: 'looking',
  states: {
    looking: {
      entry: 'lookForLeader',
      exit: 'stopLooking',
      on: {
        ELECTED: [
          { guard: 'isObserver', target: 'observing' },
          { guard: 'electedSelf', target: 'leading' },
          { target: 'following' },
        ],
      },
    },
    following: {
      entry: 'followLeader',
      exit: 'stopLearning',
      on: { LOOK: { target: 'looking' } },
    },
    leading: {
      entry: 'lead',
      exit: 'stopLeading',
      on: { LOOK: { target: 'looking' } },
    },
    observing: {
      entry: 'observeLeader',
      exit: 'stopLearning',
      on: { LOOK: { target: 'looking' } },
    },
  },
});

type ServerSnapshot = SnapshotFrom<typeof zabRoleMachine>;

/* A state's snapshot depends only on its name, so each is resolved once and reused. */
const resolved = new Map<ServerState, ServerSnapshot>();

function snapshotOf(state: ServerState): ServerSnapshot {
  let s = resolved.get(state);
  if (!s) {
    s = zabRoleMachine.resolveState({ value: state });
    resolved.set(state, s);
  }
  return s;
}

function intendedTarget(event: ZabRoleEvent): ServerState {
  if (event.type === 'LOOK') return 'looking';
  return event.observer ? 'observing' : event.self ? 'leading' : 'following';
}

/**
 * One pure step of the machine: the next state and the exit and entry actions to run, in order.
 * An event the current state does not accept throws ("invalid transition following → leading").
 */
export function nextState(state: ServerState, event: ZabRoleEvent): { state: ServerState; actions: ZabRoleAction[] } {
  const snapshot = snapshotOf(state);
  if (!snapshot.can(event)) {
    throw new Error(`invalid transition ${state} → ${intendedTarget(event)} (${event.type})`);
  }
  const [next, actions] = transition(zabRoleMachine, snapshot, event);
  return { state: next.value as ServerState, actions: actions.map((a) => a.type as ZabRoleAction) };
}

/** The machine's initial state and its entry actions (a server boots LOOKING). */
export function initialState(): { state: ServerState; actions: ZabRoleAction[] } {
  const [snapshot, actions] = initialTransition(zabRoleMachine);
  return { state: snapshot.value as ServerState, actions: actions.map((a) => a.type as ZabRoleAction) };
}
