import { describe, expect, it } from 'vitest';
import { raftProtocol } from '.';
import type { RaftParamsInput } from './params';
import { bootNode } from './testHarness';
import type { RaftMessage, RaftState, RequestVote } from './types';
import type { RecordingIO } from './testHarness';

function timeout(state: RaftState, io: RecordingIO): void {
  raftProtocol.onTimer(state, 'election', io);
}

function deliver(state: RaftState, io: RecordingIO, from: number, msg: RaftMessage): void {
  raftProtocol.onMessage(state, from, msg, io);
}

function requestVote(term: number, candidateId: number, lastLogIndex: number, lastLogTerm: number): RequestVote {
  return { type: 'RequestVote', term, candidateId, lastLogIndex, lastLogTerm };
}

function lastReply(io: RecordingIO): RaftMessage {
  const sent = io.take();
  return sent[sent.length - 1].msg;
}

describe('§5.2 one-round election outcomes', () => {
  it.each([
    { nodes: 1, granted: [], rejected: [], leads: true },
    { nodes: 3, granted: [2], rejected: [], leads: true },
    { nodes: 3, granted: [], rejected: [2, 3], leads: false },
    { nodes: 3, granted: [3], rejected: [2], leads: true },
    { nodes: 5, granted: [2], rejected: [3, 4, 5], leads: false },
    { nodes: 5, granted: [2, 3], rejected: [4, 5], leads: true },
    { nodes: 5, granted: [2, 2, 2], rejected: [], leads: false },
    { nodes: 5, granted: [5, 4, 3, 2], rejected: [], leads: true },
  ])('$nodes nodes, votes granted by $granted and refused by $rejected: leader = $leads', ({ nodes, granted, rejected, leads }) => {
    const { state, io } = bootNode(1, nodes);
    timeout(state, io);
    expect(state.term).toBe(1);
    expect(state.votedFor).toBe(1);
    const asked = io.take();
    expect(asked.map((s) => s.to)).toEqual(Array.from({ length: nodes - 1 }, (_, i) => i + 2));
    for (const { msg } of asked) expect(msg).toEqual(requestVote(1, 1, 0, 0));
    for (const from of rejected) deliver(state, io, from, { type: 'RequestVoteResponse', term: 1, voteGranted: false });
    for (const from of granted) deliver(state, io, from, { type: 'RequestVoteResponse', term: 1, voteGranted: true });
    expect(state.role).toBe(leads ? 'leader' : 'candidate');
    if (leads) {
      // §5.2: it asserts itself with AppendEntries at once (and, by default, a no-op of its term).
      expect(state.log).toEqual([{ term: 1, value: null }]);
      expect(io.take().every((s) => s.msg.type === 'AppendEntries')).toBe(true);
    }
  });

  it('a vote from an older term does not count (duplicates and stragglers)', () => {
    const { state, io } = bootNode(1, 3, { term: 4 });
    timeout(state, io);
    deliver(state, io, 2, { type: 'RequestVoteResponse', term: 4, voteGranted: true });
    expect(state.role).toBe('candidate');
  });

  it('a refusal from a newer term makes the candidate a follower in that term (§5.1)', () => {
    const { state, io } = bootNode(1, 3);
    timeout(state, io);
    deliver(state, io, 2, { type: 'RequestVoteResponse', term: 3, voteGranted: false });
    expect(state.role).toBe('follower');
    expect(state.term).toBe(3);
    expect(state.votedFor).toBeNull();
  });
});

describe('§5.2 and §5.4.1 vote rules', () => {
  it('§5.2: one vote per term, first come first served; the same candidate may ask again', () => {
    const { state, io } = bootNode(2, 3);
    deliver(state, io, 1, requestVote(1, 1, 0, 0));
    expect(lastReply(io)).toEqual({ type: 'RequestVoteResponse', term: 1, voteGranted: true });
    expect(state.votedFor).toBe(1);
    deliver(state, io, 3, requestVote(1, 3, 0, 0));
    expect(lastReply(io)).toEqual({ type: 'RequestVoteResponse', term: 1, voteGranted: false });
    expect(io.keys()).toContain('raft.vote.reject.alreadyVoted');
    deliver(state, io, 1, requestVote(1, 1, 0, 0));
    expect(lastReply(io)).toMatchObject({ voteGranted: true });
  });

  it('§5.1: a request from an older term is refused with the newer term', () => {
    const { state, io } = bootNode(2, 3, { term: 5 });
    deliver(state, io, 1, requestVote(4, 1, 9, 4));
    expect(lastReply(io)).toEqual({ type: 'RequestVoteResponse', term: 5, voteGranted: false });
  });

  it.each([
    { name: 'older last term', mine: [1, 2], cand: { lastLogIndex: 5, lastLogTerm: 1 }, granted: false, key: 'raft.vote.reject.logTerm' },
    { name: 'same last term, shorter', mine: [1, 2, 2], cand: { lastLogIndex: 2, lastLogTerm: 2 }, granted: false, key: 'raft.vote.reject.logIndex' },
    { name: 'same last term, as long', mine: [1, 2, 2], cand: { lastLogIndex: 3, lastLogTerm: 2 }, granted: true, key: 'raft.vote.grant' },
    { name: 'newer last term, shorter', mine: [1, 1, 1, 1], cand: { lastLogIndex: 2, lastLogTerm: 3 }, granted: true, key: 'raft.vote.grant.newerTerm' },
  ])('§5.4.1 up-to-date rule: candidate with $name → granted = $granted', ({ mine, cand, granted, key }) => {
    const { state, io } = bootNode(2, 3, { term: 3, log: mine });
    deliver(state, io, 1, requestVote(4, 1, cand.lastLogIndex, cand.lastLogTerm));
    expect(lastReply(io)).toMatchObject({ voteGranted: granted });
    expect(io.keys()).toContain(key);
    expect(state.term).toBe(4);
  });

  it('narrates a refusal in plain words, with both last terms', () => {
    const { state, io } = bootNode(2, 5, { term: 2, log: [1, 2] });
    deliver(state, io, 5, requestVote(3, 5, 2, 1));
    const n = io.narrations.find((x) => x.key === 'raft.vote.reject.logTerm');
    expect(n?.params).toMatchObject({ node: 2, candidate: 5, term: 3, lastTerm: 2, candLastTerm: 1 });
  });

  it('unsafe voteWithoutLogCheck grants a vote to a stale log', () => {
    const { state, io } = bootNode(2, 3, { term: 3, log: [1, 2] }, { unsafe: { voteWithoutLogCheck: true } });
    deliver(state, io, 1, requestVote(4, 1, 0, 0));
    expect(lastReply(io)).toMatchObject({ voteGranted: true });
  });

  it('Figure 2: the vote is persisted, so a restarted server still refuses a second candidate', () => {
    const { state, io } = bootNode(2, 3);
    deliver(state, io, 1, requestVote(1, 1, 0, 0));
    const disk = raftProtocol.persist(state);
    expect(disk).toEqual({ term: 1, votedFor: 1, log: [] });
    const again = bootNode(2, 3, { term: disk.term, votedFor: disk.votedFor });
    deliver(again.state, again.io, 3, requestVote(1, 3, 0, 0));
    expect(lastReply(again.io)).toMatchObject({ voteGranted: false });
  });

  it('unsafe forgetVoteOnRestart loses the vote on boot', () => {
    const { state, io } = bootNode(2, 3, { term: 1, votedFor: 1 }, { unsafe: { forgetVoteOnRestart: true } });
    expect(state.votedFor).toBeNull();
    expect(io.keys()).toContain('raft.boot.forgetVote');
  });
});

describe('§5.2 candidates and leaders meet other servers', () => {
  it('§5.2: a candidate that receives AppendEntries from a leader of its own term falls back to follower', () => {
    const { state, io } = bootNode(3, 3);
    timeout(state, io);
    expect(state.role).toBe('candidate');
    deliver(state, io, 1, { type: 'AppendEntries', term: 1, leaderId: 1, prevLogIndex: 0, prevLogTerm: 0, entries: [], leaderCommit: 0 });
    expect(state.role).toBe('follower');
    expect(state.term).toBe(1);
    expect(state.leader).toBe(1);
    expect(io.keys()).toContain('raft.candidate.leaderSeen');
  });

  it('§5.2: a candidate ignores AppendEntries from an older term and keeps running', () => {
    const { state, io } = bootNode(3, 3, { term: 2 });
    timeout(state, io);
    deliver(state, io, 1, { type: 'AppendEntries', term: 2, leaderId: 1, prevLogIndex: 0, prevLogTerm: 0, entries: [], leaderCommit: 0 });
    expect(state.role).toBe('candidate');
    expect(lastReply(io)).toMatchObject({ type: 'AppendEntriesResponse', term: 3, success: false });
  });

  /** S1 of three, elected leader of term 1 (S2's vote is its majority). */
  function electedLeader(params: RaftParamsInput = {}) {
    const node = bootNode(1, 3, {}, params);
    timeout(node.state, node.io);
    deliver(node.state, node.io, 2, { type: 'RequestVoteResponse', term: 1, voteGranted: true });
    expect(node.state.role).toBe('leader');
    return node;
  }

  it('§5.1: a leader that sees a newer term steps down', () => {
    const { state, io } = electedLeader();
    deliver(state, io, 3, requestVote(7, 3, 9, 1));
    expect(state.role).toBe('follower');
    expect(state.term).toBe(7);
    expect(io.timers.has('heartbeat')).toBe(false);
    expect(io.timers.has('election')).toBe(true);
  });

  it('with CheckQuorum a leader ignores a vote request of a newer term, and says it leads, not that it heard from a leader', () => {
    const { state, io } = electedLeader({ checkQuorum: true });
    deliver(state, io, 3, requestVote(7, 3, 9, 1));
    expect(state.role).toBe('leader');
    expect(state.term).toBe(1);
    expect(io.keys()).not.toContain('raft.vote.ignore.lease');
    const n = io.narrations.find((x) => x.key === 'raft.vote.ignore.isLeader');
    expect(n?.params).toEqual({ node: 1, candidate: 3, term: 7, currentTerm: 1 });
  });

  it('a leader has no election timer: a forced timeout changes nothing', () => {
    const { state, io } = bootNode(1, 1);
    timeout(state, io);
    expect(state.role).toBe('leader');
    timeout(state, io);
    expect(state.role).toBe('leader');
    expect(state.term).toBe(1);
    expect(io.keys()).toContain('raft.timeout.leader');
  });

  it('§5.2: election timeouts are drawn from [min, max] on the node’s own stream, or min when not randomized', () => {
    const drawn = new Set<number>();
    const { state, io } = bootNode(1, 3, {}, { electionTimeout: [200, 400] });
    for (let i = 0; i < 50; i++) {
      timeout(state, io);
      drawn.add(state.electionTimeoutMs);
    }
    expect(Math.min(...drawn)).toBeGreaterThanOrEqual(200);
    expect(Math.max(...drawn)).toBeLessThanOrEqual(400);
    expect(drawn.size).toBeGreaterThan(10);
    const fixed = bootNode(1, 3, {}, { electionTimeout: [200, 400], randomizedTimeouts: false });
    expect(fixed.state.electionTimeoutMs).toBe(200);
  });
});

describe('thesis §9.6 PreVote', () => {
  it('a pre-candidate asks for term + 1 without raising its own term or voting', () => {
    const { state, io } = bootNode(1, 3, { term: 4 }, { preVote: true });
    timeout(state, io);
    expect(state.role).toBe('precandidate');
    expect(state.term).toBe(4);
    expect(state.votedFor).toBeNull();
    expect(io.take().map((s) => s.msg)).toEqual([
      { type: 'PreVote', term: 5, candidateId: 1, lastLogIndex: 0, lastLogTerm: 0 },
      { type: 'PreVote', term: 5, candidateId: 1, lastLogIndex: 0, lastLogTerm: 0 },
    ]);
    deliver(state, io, 2, { type: 'PreVoteResponse', term: 5, voteGranted: true });
    expect(state.role).toBe('candidate');
    expect(state.term).toBe(5);
  });

  it('a server that hears from a leader refuses pre-votes and keeps its term', () => {
    const { state, io } = bootNode(2, 3, { term: 1 }, { preVote: true });
    io.now = 1000;
    deliver(state, io, 1, { type: 'AppendEntries', term: 1, leaderId: 1, prevLogIndex: 0, prevLogTerm: 0, entries: [], leaderCommit: 0 });
    io.now = 1050;
    deliver(state, io, 3, { type: 'PreVote', term: 2, candidateId: 3, lastLogIndex: 0, lastLogTerm: 0 });
    expect(lastReply(io)).toEqual({ type: 'PreVoteResponse', term: 1, voteGranted: false });
    expect(io.keys()).toContain('raft.prevote.reject.lease');
    expect(state.term).toBe(1);
    io.now = 1000 + 150; // a minimum election timeout later, the leader counts as gone
    deliver(state, io, 3, { type: 'PreVote', term: 2, candidateId: 3, lastLogIndex: 0, lastLogTerm: 0 });
    expect(lastReply(io)).toEqual({ type: 'PreVoteResponse', term: 2, voteGranted: true });
    expect(state.term).toBe(1);
    expect(state.votedFor).toBeNull();
  });
});
