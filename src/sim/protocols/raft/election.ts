import { atLeastAsUpToDate, lastIndex, lastTerm } from './log';
import { countTrue, idsWhere, quorumSize, resetElectionTimer } from './quorum';
import { adoptTerm, transitionRole } from './roles';
import type { PreVote, PreVoteResponse, RaftIO, RaftState, RequestVote, RequestVoteResponse } from './types';

/**
 * The election timer fired (or the scenario forced it): Raft §5.2. A leader has no election
 * timer; anyone else starts a pre-vote or an election through the role machine.
 */
export function onElectionTimeout(state: RaftState, io: RaftIO): void {
  if (state.role === 'leader') {
    io.narrate('raft.timeout.leader', { node: io.id, term: state.term });
    return;
  }
  if (state.role === 'candidate' || state.role === 'precandidate') {
    io.narrate(state.role === 'candidate' ? 'raft.election.timedOut' : 'raft.prevote.timedOut', {
      node: io.id,
      term: state.role === 'candidate' ? state.term : state.term + 1,
      votes: countTrue(state.votes),
      needed: quorumSize(io.nodeCount, io.params),
    });
  }
  transitionRole(state, { type: 'TIMEOUT', preVote: io.params.preVote }, io);
  checkPreVoteWon(state, io);
  checkElectionWon(state, io);
}

function checkPreVoteWon(state: RaftState, io: RaftIO): void {
  if (state.role !== 'precandidate') return;
  const votes = countTrue(state.votes);
  if (votes < quorumSize(io.nodeCount, io.params)) return;
  io.narrate('raft.prevote.won', {
    node: io.id,
    term: state.term + 1,
    voters: idsWhere(state.votes).map((id) => `S${id}`).join(', '),
    votes,
    nodes: io.nodeCount,
  });
  transitionRole(state, { type: 'PREVOTE_WON' }, io);
  checkElectionWon(state, io);
}

function checkElectionWon(state: RaftState, io: RaftIO): void {
  if (state.role !== 'candidate') return;
  if (countTrue(state.votes) >= quorumSize(io.nodeCount, io.params)) transitionRole(state, { type: 'ELECTION_WON' }, io);
}

/**
 * Thesis §4.2.3 and §9.6: a server that heard from a current leader less than a minimum election
 * timeout ago believes that leader alive and refuses to help unseat it. A leader is its own lease.
 */
function inLease(state: RaftState, io: RaftIO): boolean {
  if (state.role === 'leader') return true;
  return state.leader !== null && io.now - state.leaderContactAt < io.params.electionTimeout[0];
}

interface LogVerdict {
  ok: boolean;
  key: string;
  params: Record<string, unknown>;
}

/** Raft §5.4.1: vote only for a candidate whose log is at least as up to date as one's own. */
function judgeLog(state: RaftState, msg: RequestVote | PreVote, io: RaftIO, kind: 'vote' | 'prevote'): LogVerdict {
  const myLastTerm = lastTerm(state.log);
  const myLastIndex = lastIndex(state.log);
  const params = {
    node: io.id,
    candidate: msg.candidateId,
    term: msg.term,
    lastTerm: myLastTerm,
    lastIndex: myLastIndex,
    candLastTerm: msg.lastLogTerm,
    candLastIndex: msg.lastLogIndex,
  };
  if (io.params.unsafe.voteWithoutLogCheck) return { ok: true, key: `raft.${kind}.grant.noLogCheck`, params };
  if (atLeastAsUpToDate(msg.lastLogTerm, msg.lastLogIndex, myLastTerm, myLastIndex)) {
    return { ok: true, key: msg.lastLogTerm > myLastTerm ? `raft.${kind}.grant.newerTerm` : `raft.${kind}.grant`, params };
  }
  return {
    ok: false,
    key: msg.lastLogTerm < myLastTerm ? `raft.${kind}.reject.logTerm` : `raft.${kind}.reject.logIndex`,
    params,
  };
}

/** Raft Figure 2, RequestVote receiver: one vote per term, persisted, for an up-to-date log. */
export function handleRequestVote(state: RaftState, from: number, msg: RequestVote, io: RaftIO): void {
  const candidate = msg.candidateId;
  if (msg.term < state.term) {
    io.narrate('raft.vote.reject.staleTerm', { node: io.id, candidate, term: msg.term, currentTerm: state.term });
    reply(io, from, state.term, false);
    return;
  }
  if (msg.term > state.term) {
    // etcd with CheckQuorum: a server inside a leader's lease ignores the vote request and
    // keeps its term, so a partitioned server rejoining cannot depose a healthy leader.
    if (io.params.checkQuorum && inLease(state, io)) {
      // A leader is its own lease: it has heard from no leader, it is one.
      if (state.role === 'leader') io.narrate('raft.vote.ignore.isLeader', { node: io.id, candidate, term: msg.term, currentTerm: state.term });
      else io.narrate('raft.vote.ignore.lease', leaseParams(state, io, candidate, msg.term));
      return;
    }
    adoptTerm(state, msg.term, io, from, 'RequestVote');
  }
  if (state.votedFor !== null && state.votedFor !== candidate) {
    io.narrate(state.votedFor === io.id ? 'raft.vote.reject.votedSelf' : 'raft.vote.reject.alreadyVoted', {
      node: io.id,
      candidate,
      term: msg.term,
      votedFor: state.votedFor,
    });
    reply(io, from, state.term, false);
    return;
  }
  const verdict = judgeLog(state, msg, io, 'vote');
  io.narrate(verdict.key, verdict.params);
  if (verdict.ok) {
    if (state.votedFor !== candidate) {
      state.votedFor = candidate;
      io.changed('votedFor', candidate);
    }
    // Figure 2, followers: granting a vote restarts the election timer.
    resetElectionTimer(state, io);
  }
  reply(io, from, state.term, verdict.ok);
}

function reply(io: RaftIO, to: number, term: number, voteGranted: boolean): void {
  io.send(to, { type: 'RequestVoteResponse', term, voteGranted });
}

function leaseParams(state: RaftState, io: RaftIO, candidate: number, term: number): Record<string, unknown> {
  return {
    node: io.id,
    candidate,
    term,
    leader: state.leader,
    sinceMs: io.now - state.leaderContactAt,
    minMs: io.params.electionTimeout[0],
  };
}

export function handleRequestVoteResponse(state: RaftState, from: number, msg: RequestVoteResponse, io: RaftIO): void {
  if (msg.term > state.term) {
    adoptTerm(state, msg.term, io, from, 'RequestVoteResponse');
    return;
  }
  // A vote counts only in the term it was granted for; `countStaleVotes` also counts a late
  // grant from one of the candidate's earlier elections.
  const stale = msg.term < state.term;
  if (state.role !== 'candidate' || (stale && !io.params.unsafe.countStaleVotes) || !msg.voteGranted || state.votes[from]) return;
  state.votes[from] = true;
  io.narrate(stale ? 'raft.vote.receivedStale' : 'raft.vote.received', {
    node: io.id,
    from,
    term: state.term,
    grantedIn: msg.term,
    votes: countTrue(state.votes),
    needed: quorumSize(io.nodeCount, io.params),
  });
  checkElectionWon(state, io);
}

/**
 * Thesis §9.6, PreVote receiver: grant if the proposed term is not behind, the candidate's log is
 * up to date, and no leader was heard from within the minimum election timeout. A pre-vote
 * changes nothing here: not the term, not the vote, not the timer.
 */
export function handlePreVote(state: RaftState, from: number, msg: PreVote, io: RaftIO): void {
  const candidate = msg.candidateId;
  let granted = false;
  if (msg.term < state.term) {
    io.narrate('raft.prevote.reject.staleTerm', { node: io.id, candidate, term: msg.term, currentTerm: state.term });
  } else if (msg.term === state.term && state.votedFor !== null && state.votedFor !== candidate) {
    io.narrate('raft.prevote.reject.alreadyVoted', { node: io.id, candidate, term: msg.term, votedFor: state.votedFor });
  } else if (inLease(state, io)) {
    io.narrate(
      state.role === 'leader' ? 'raft.prevote.reject.isLeader' : 'raft.prevote.reject.lease',
      leaseParams(state, io, candidate, msg.term),
    );
  } else {
    const verdict = judgeLog(state, msg, io, 'prevote');
    io.narrate(verdict.key, verdict.params);
    granted = verdict.ok;
  }
  const response: PreVoteResponse = { type: 'PreVoteResponse', term: granted ? msg.term : state.term, voteGranted: granted };
  io.send(from, response);
}

export function handlePreVoteResponse(state: RaftState, from: number, msg: PreVoteResponse, io: RaftIO): void {
  if (!msg.voteGranted) {
    // A refusal from a newer term (as etcd): adopt it, or the pre-candidate could ask forever.
    if (msg.term > state.term) adoptTerm(state, msg.term, io, from, 'PreVoteResponse');
    return;
  }
  if (state.role !== 'precandidate' || msg.term !== state.term + 1 || state.votes[from]) return;
  state.votes[from] = true;
  io.narrate('raft.prevote.received', {
    node: io.id,
    from,
    term: msg.term,
    votes: countTrue(state.votes),
    needed: quorumSize(io.nodeCount, io.params),
  });
  checkPreVoteWon(state, io);
}
