import { initialTransition, setup, transition, type SnapshotFrom } from 'xstate';
import type { Role } from './types';

/**
 * Events that move a Raft server between roles. `TIMEOUT` is the election timer (or the
 * scenario's `timeout` command); it carries whether PreVote is on so the machine, not the
 * caller, picks pre-candidate or candidate.
 */
export type RoleEvent =
  | { type: 'TIMEOUT'; preVote: boolean }
  | { type: 'PREVOTE_WON' }
  | { type: 'ELECTION_WON' }
  | { type: 'HIGHER_TERM' }
  | { type: 'LEADER_SEEN' }
  | { type: 'VOTE_LOST'; etcd: boolean }
  | { type: 'QUORUM_LOST' };

/** Entry actions, executed by the simulation (roles.ts) with the node's state and io. */
export type RoleAction = 'becomeFollower' | 'becomePreCandidate' | 'becomeCandidate' | 'becomeLeader';

/* Implementations are empty on purpose: the machine is run purely (initialTransition /
 * transition) and the simulation executes the returned actions by name. */
const noop = (): void => {};

/**
 * The Raft role statechart (thesis Figure 3.3 with PreVote, §9.6, and CheckQuorum, §6.2). It is
 * the one definition of the roles: the simulation drives it and the UI can draw it.
 *
 * - A timeout starts a pre-vote (PreVote on) or an election; a leader has no election timer.
 * - A term newer than one's own sends anyone back to follower (Figure 2, "all servers").
 * - A (pre-)candidate that hears AppendEntries from a leader of its term falls back (§5.2).
 * - Under the etcd profile, a (pre-)candidate refused by so many that it cannot win falls back
 *   too, keeping its term (etcd's VoteLost); the paper's waits for its timer.
 * - A leader that has not heard from a majority for an election timeout steps down (§6.2).
 */
export const raftRoleMachine = setup({
  types: { events: {} as RoleEvent },
  guards: {
    preVote: ({ event }) => event.type === 'TIMEOUT' && event.preVote,
    etcd: ({ event }) => event.type === 'VOTE_LOST' && event.etcd,
  },
  actions: {
    becomeFollower: noop,
    becomePreCandidate: noop,
    becomeCandidate: noop,
    becomeLeader: noop,
  },
}).createMachine({
  id: 'raftRole',
  initial: 'follower',
  states: {
    follower: {
      entry: 'becomeFollower',
      on: {
        TIMEOUT: [{ guard: 'preVote', target: 'precandidate' }, { target: 'candidate' }],
      },
    },
    precandidate: {
      entry: 'becomePreCandidate',
      on: {
        TIMEOUT: [
          { guard: 'preVote', target: 'precandidate', reenter: true },
          { target: 'candidate' },
        ],
        PREVOTE_WON: { target: 'candidate' },
        HIGHER_TERM: { target: 'follower' },
        LEADER_SEEN: { target: 'follower' },
        VOTE_LOST: { guard: 'etcd', target: 'follower' },
      },
    },
    candidate: {
      entry: 'becomeCandidate',
      on: {
        TIMEOUT: [
          { guard: 'preVote', target: 'precandidate' },
          { target: 'candidate', reenter: true },
        ],
        ELECTION_WON: { target: 'leader' },
        HIGHER_TERM: { target: 'follower' },
        LEADER_SEEN: { target: 'follower' },
        VOTE_LOST: { guard: 'etcd', target: 'follower' },
      },
    },
    leader: {
      entry: 'becomeLeader',
      on: {
        HIGHER_TERM: { target: 'follower' },
        QUORUM_LOST: { target: 'follower' },
      },
    },
  },
});

type RoleSnapshot = SnapshotFrom<typeof raftRoleMachine>;

/* The snapshot of a role is immutable and depends only on the role name, so each is resolved
 * once (machine.resolveState) and reused. */
const resolved = new Map<Role, RoleSnapshot>();

function snapshotOf(role: Role): RoleSnapshot {
  let s = resolved.get(role);
  if (!s) {
    s = raftRoleMachine.resolveState({ value: role });
    resolved.set(role, s);
  }
  return s;
}

/** Where an event would lead, for the error message of an impossible transition. */
function intendedTarget(event: RoleEvent): Role {
  switch (event.type) {
    case 'TIMEOUT':
      return event.preVote ? 'precandidate' : 'candidate';
    case 'PREVOTE_WON':
      return 'candidate';
    case 'ELECTION_WON':
      return 'leader';
    default:
      return 'follower';
  }
}

/**
 * One pure step of the machine: the next role and the entry actions to run. An event the
 * current role does not accept throws, as etcd-raft panics ("invalid transition leader →
 * candidate").
 */
export function nextRole(role: Role, event: RoleEvent): { role: Role; actions: RoleAction[] } {
  const snapshot = snapshotOf(role);
  if (!snapshot.can(event)) {
    throw new Error(`invalid transition ${role} → ${intendedTarget(event)} (${event.type})`);
  }
  const [next, actions] = transition(raftRoleMachine, snapshot, event);
  return { role: next.value as Role, actions: actions.map((a) => a.type as RoleAction) };
}

/** The machine's initial role and its entry actions (a node boots as a follower). */
export function initialRole(): { role: Role; actions: RoleAction[] } {
  const [snapshot, actions] = initialTransition(raftRoleMachine);
  return { role: snapshot.value as Role, actions: actions.map((a) => a.type as RoleAction) };
}
