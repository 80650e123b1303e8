import { atLeastAsUpToDate, lastIndex, lastTerm, nodeList } from './log';
import { countTrue, idsWhere, quorumSize, resetElectionTimer } from './quorum';
import { followsEtcd } from './params';
import { adoptTerm, loseElection, transitionRole } from './roles';
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
 * etcd (stepCandidate, VoteLost): a refusal in the (pre-)candidate's own round is counted, and once
 * the servers that have not refused are fewer than a quorum it cannot win, so it becomes a
 * follower in its term at once. The paper's candidate ignores refusals and waits for its timer.
 */
function countRefusal(state: RaftState, from: number, io: RaftIO): void {
  if (!followsEtcd(io.params) || state.refusals[from]) return;
  state.refusals[from] = true;
  const refused = countTrue(state.refusals);
  const needed = quorumSize(io.nodeCount, io.params);
  if (io.nodeCount - refused >= needed) return;
  io.narrate(state.role === 'candidate' ? 'raft.election.lost' : 'raft.prevote.lost', {
    node: io.id,
    term: state.role === 'candidate' ? state.term : state.term + 1,
    refusers: nodeList(idsWhere(state.refusals)),
    refused,
    nodes: io.nodeCount,
    needed,
  });
  loseElection(state, io);
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
    // etcd answers no message of an older term but PreVote (and, with CheckQuorum or PreVote, AppendEntries).
    const etcd = followsEtcd(io.params);
    io.narrate(etcd ? 'raft.vote.ignore.staleTerm' : 'raft.vote.reject.staleTerm', { node: io.id, candidate, term: msg.term, currentTerm: state.term });
    if (!etcd) reply(io, from, state.term, false);
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
  if (knowsLeaderWithoutVoting(state, io)) {
    io.narrate('raft.vote.reject.knowsLeader', { node: io.id, candidate, term: msg.term, leader: state.leader });
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

/**
 * etcd's canVote: a server that has not voted in its current term votes in it only when it
 * knows no leader of that term (`r.Vote == None && r.lead == None`; a repeat of its vote is fine). The
 * paper lets a follower that learned the term from AppendEntries, and never voted, still vote.
 */
function knowsLeaderWithoutVoting(state: RaftState, io: RaftIO): boolean {
  return followsEtcd(io.params) && state.votedFor === null && state.leader !== null;
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
  if (state.role !== 'candidate' || (stale && !io.params.unsafe.countStaleVotes)) return;
  if (!msg.voteGranted) {
    if (!stale) countRefusal(state, from, io);
    return;
  }
  if (state.votes[from]) return;
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
 * changes nothing here: not the term, not the vote, not the timer. The etcd profile follows
 * etcd's Step instead (etcdPreVoteVerdict).
 */
export function handlePreVote(state: RaftState, from: number, msg: PreVote, io: RaftIO): void {
  const candidate = msg.candidateId;
  let granted = false;
  if (msg.term < state.term) {
    io.narrate('raft.prevote.reject.staleTerm', { node: io.id, candidate, term: msg.term, currentTerm: state.term });
  } else if (followsEtcd(io.params)) {
    const verdict = etcdPreVoteVerdict(state, msg, io);
    io.narrate(verdict.key, verdict.params);
    if (verdict.ignored) return;
    granted = verdict.ok;
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

/**
 * etcd's rules for a pre-vote of a term not behind its own: for a future term, a server inside a
 * leader's lease ignores it when CheckQuorum is on (no answer at all) and otherwise judges only
 * the log, even while it follows a leader or is one; for its own term it grants only a repeat of
 * its vote, or when it has not voted and knows no leader.
 */
function etcdPreVoteVerdict(state: RaftState, msg: PreVote, io: RaftIO): LogVerdict & { ignored?: boolean } {
  const candidate = msg.candidateId;
  if (msg.term > state.term) {
    if (io.params.checkQuorum && inLease(state, io)) {
      const key = state.role === 'leader' ? 'raft.prevote.ignore.isLeader' : 'raft.prevote.ignore.lease';
      return { ok: false, ignored: true, key, params: { ...leaseParams(state, io, candidate, msg.term), currentTerm: state.term } };
    }
  } else if (state.votedFor !== null && state.votedFor !== candidate) {
    return { ok: false, key: 'raft.prevote.reject.alreadyVoted', params: { node: io.id, candidate, term: msg.term, votedFor: state.votedFor } };
  } else if (state.votedFor === null && state.leader !== null) {
    return { ok: false, key: 'raft.prevote.reject.knowsLeader', params: { node: io.id, candidate, term: msg.term, leader: state.leader } };
  }
  const verdict = judgeLog(state, msg, io, 'prevote');
  // The paper's grant says no leader is heard from; etcd grants even while one is.
  if (verdict.ok && state.leader !== null && !io.params.unsafe.voteWithoutLogCheck) {
    return { ...verdict, key: 'raft.prevote.grant.despiteLeader', params: { ...verdict.params, leader: state.leader } };
  }
  return verdict;
}

export function handlePreVoteResponse(state: RaftState, from: number, msg: PreVoteResponse, io: RaftIO): void {
  if (!msg.voteGranted) {
    // A refusal from a newer term (as etcd): adopt it, or the pre-candidate could ask forever.
    if (msg.term > state.term) adoptTerm(state, msg.term, io, from, 'PreVoteResponse');
    else if (msg.term === state.term && state.role === 'precandidate') countRefusal(state, from, io);
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
