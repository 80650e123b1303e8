import { advanceCommit } from './commit';
import { lastIndex, lastTerm, nodeList } from './log';
import { checkQuorumPeriodMs, idsWhere, quorumSize, resetElectionTimer } from './quorum';
import { initialRole, nextRole, type RoleAction, type RoleEvent } from './roleMachine';
import { broadcastAppend } from './send';
import { followsEtcd } from './params';
import type { RaftIO, RaftState } from './types';

/**
 * Moves the node through the role machine (roleMachine.ts) and runs the entry actions it returns,
 * etcd-raft's becomeFollower / becomeCandidate / becomeLeader. Role changes happen only here.
 */
export function transitionRole(state: RaftState, event: RoleEvent, io: RaftIO): void {
  const from = state.role;
  const next = nextRole(from, event);
  state.role = next.role;
  if (next.role !== from) io.changed('role', next.role);
  runEntryActions(state, next.actions, io);
}

/** The boot step: the machine's initial state (follower) and its entry action. */
export function enterInitialRole(state: RaftState, io: RaftIO): void {
  const initial = initialRole();
  state.role = initial.role;
  io.changed('role', initial.role);
  runEntryActions(state, initial.actions, io);
}

function runEntryActions(state: RaftState, actions: readonly RoleAction[], io: RaftIO): void {
  for (const action of actions) ENTRY[action](state, io);
}

const ENTRY: Record<RoleAction, (state: RaftState, io: RaftIO) => void> = {
  becomeFollower,
  becomePreCandidate,
  becomeCandidate,
  becomeLeader,
};

function becomeFollower(state: RaftState, io: RaftIO): void {
  io.cancelTimer('heartbeat');
  io.cancelTimer('checkQuorum');
  resetElectionTimer(state, io);
}

function setLeader(state: RaftState, io: RaftIO, leader: number | null): void {
  if (state.leader === leader) return;
  state.leader = leader;
  io.changed('leader', leader);
}

/** Who answered since the last CheckQuorum count: nobody yet but the leader itself. */
export function freshFlags(io: RaftIO): boolean[] {
  const flags = new Array<boolean>(io.nodeCount + 1).fill(false);
  flags[io.id] = true;
  return flags;
}

function noFlags(io: RaftIO): boolean[] {
  return new Array<boolean>(io.nodeCount + 1).fill(false);
}

function peers(io: RaftIO): number[] {
  const out: number[] = [];
  for (let id = 1; id <= io.nodeCount; id++) if (id !== io.id) out.push(id);
  return out;
}

/**
 * Thesis §9.6 (PreVote): before raising its term, a server asks whether it could win; a server
 * cut off from the majority then never inflates its term and disrupts the cluster on return.
 */
function becomePreCandidate(state: RaftState, io: RaftIO): void {
  setLeader(state, io, null);
  state.votes = freshFlags(io);
  state.refusals = noFlags(io);
  state.stats.preVotesStarted++;
  resetElectionTimer(state, io);
  const others = peers(io);
  io.narrate('raft.prevote.start', { node: io.id, term: state.term + 1, currentTerm: state.term, peers: nodeList(others) });
  const msg = {
    type: 'PreVote',
    term: state.term + 1,
    candidateId: io.id,
    lastLogIndex: lastIndex(state.log),
    lastLogTerm: lastTerm(state.log),
  } as const;
  for (const peer of others) io.send(peer, msg);
}

/** Raft §5.2: a candidate increments its term, votes for itself and asks everyone else for votes. */
function becomeCandidate(state: RaftState, io: RaftIO): void {
  state.term++;
  io.changed('term', state.term);
  state.votedFor = io.id;
  io.changed('votedFor', io.id);
  setLeader(state, io, null);
  state.votes = freshFlags(io);
  state.refusals = noFlags(io);
  state.stats.electionsStarted++;
  resetElectionTimer(state, io);
  const others = peers(io);
  io.narrate('raft.election.start', { node: io.id, term: state.term, peers: nodeList(others) });
  const msg = {
    type: 'RequestVote',
    term: state.term,
    candidateId: io.id,
    lastLogIndex: lastIndex(state.log),
    lastLogTerm: lastTerm(state.log),
  } as const;
  for (const peer of others) io.send(peer, msg);
}

/**
 * Raft §5.2–5.3: a new leader knows nothing of the followers' logs, so it starts each nextIndex
 * just past its own last entry and each matchIndex at 0, and asserts itself with AppendEntries
 * at once. With `leaderNoop` it first appends an empty entry of its term (thesis §6.4), so that
 * entries of earlier terms can be committed with it (§5.4.2).
 */
function becomeLeader(state: RaftState, io: RaftIO): void {
  io.cancelTimer('election');
  setLeader(state, io, io.id);
  state.leaderContactAt = io.now;
  state.stats.leadershipsWon++;
  const n = io.nodeCount;
  io.narrate('raft.election.won', {
    node: io.id,
    term: state.term,
    voters: nodeList(idsWhere(state.votes)),
    votes: idsWhere(state.votes).length,
    nodes: n,
    needed: quorumSize(n, io.params),
  });
  const next = lastIndex(state.log) + 1;
  state.nextIndex = new Array<number>(n + 1).fill(next);
  state.matchIndex = new Array<number>(n + 1).fill(0);
  state.recentlyActive = freshFlags(io);
  state.commitHeldBackAt = 0;
  if (io.params.leaderNoop) {
    state.log.push({ term: state.term, value: null });
    io.narrate('raft.leader.noop', { node: io.id, index: state.log.length, term: state.term });
  }
  broadcastAppend(state, io);
  if (io.params.checkQuorum) io.setTimer('checkQuorum', checkQuorumPeriodMs(io.params));
  // A one-node cluster is its own majority.
  advanceCommit(state, io);
}

/**
 * Figure 2, all servers: on seeing a term newer than its own, a server adopts it, forgets its
 * vote and the old leader, and becomes (or stays) a follower.
 */
export function adoptTerm(state: RaftState, term: number, io: RaftIO, from: number, msgType: string): void {
  const oldTerm = state.term;
  const oldRole = state.role;
  state.term = term;
  io.changed('term', term);
  if (state.votedFor !== null) {
    state.votedFor = null;
    io.changed('votedFor', null);
  }
  setLeader(state, io, null);
  io.narrate(oldRole === 'follower' ? 'raft.term.newer' : 'raft.term.stepDown', {
    node: io.id,
    from,
    msgType,
    term,
    oldTerm,
    role: oldRole,
  });
  if (oldRole !== 'follower') transitionRole(state, { type: 'HIGHER_TERM' }, io);
}

/** A (pre-)candidate hears AppendEntries from the leader of its term and falls back (Raft §5.2). */
export function fallBackToLeader(state: RaftState, leader: number, io: RaftIO): void {
  io.narrate(state.role === 'candidate' ? 'raft.candidate.leaderSeen' : 'raft.precandidate.leaderSeen', {
    node: io.id,
    leader,
    term: state.term,
  });
  transitionRole(state, { type: 'LEADER_SEEN' }, io);
}

/** Records the leader of the current term, heard from just now. */
export function heardFromLeader(state: RaftState, leader: number, io: RaftIO): void {
  setLeader(state, io, leader);
  state.leaderContactAt = io.now;
}

/**
 * etcd's VoteLost: refused by so many that it can no longer win, a (pre-)candidate becomes a
 * follower in its own term (becomeFollower(r.Term, None)), keeping its vote for itself.
 */
export function loseElection(state: RaftState, io: RaftIO): void {
  transitionRole(state, { type: 'VOTE_LOST', etcd: followsEtcd(io.params) }, io);
}

/** CheckQuorum (thesis §6.2): a leader that lost touch with a majority steps down. */
export function loseQuorum(state: RaftState, io: RaftIO): void {
  setLeader(state, io, null);
  transitionRole(state, { type: 'QUORUM_LOST' }, io);
}
