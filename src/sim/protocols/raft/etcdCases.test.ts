import { describe, expect, it } from 'vitest';
import { raftProtocol } from '.';
import { lastTerm } from './log';
import { resolveRaftParams, type RaftProfile } from './params';
import { logOf } from './scenarioHelpers';
import { bootNode } from './testHarness';
import { TestNetwork } from './testNetwork';
import type { AppendEntries, RaftMessage, RaftState } from './types';

/*
 * etcd-io/raft's election and commit tests (raft_test.go, raft_paper_test.go), replayed on our
 * nodes through a kernel-less network like etcd's. Each case states what etcd's test asserts; under
 * the "etcd" profile our nodes must end the same way. Under "paper" the cases where the two
 * differ are pinned too, with the rule that makes the difference (README, Raft profiles).
 */

const PROFILES: RaftProfile[] = ['paper', 'etcd'];
type Init = ConstructorParameters<typeof TestNetwork>[0][number];

function network(profile: RaftProfile, inits: readonly Init[], params: Record<string, unknown> = {}): TestNetwork {
  return new TestNetwork(inits, { profile, ...params });
}

function roles(net: TestNetwork, ids: number[]): string[] {
  return ids.map((id) => net.state(id).role);
}

function terms(net: TestNetwork, ids: number[]): number[] {
  return ids.map((id) => net.state(id).term);
}

/** What a leader's empty AppendEntries (etcd's MsgHeartbeat) says now. */
function heartbeatOf(leader: RaftState, id: number): AppendEntries {
  return {
    type: 'AppendEntries',
    term: leader.term,
    leaderId: id,
    prevLogIndex: leader.log.length,
    prevLogTerm: lastTerm(leader.log),
    entries: [],
    leaderCommit: leader.commitIndex,
  };
}

function byProfile<T>(paper: T, etcd: T): Record<RaftProfile, T> {
  return { paper, etcd };
}

describe.each(PROFILES)('etcd-raft cases under the %s profile', (profile) => {
  describe('TestLeaderElectionInOneRoundRPC', () => {
    const rows: { nodes: number; votes: [number, boolean][]; etcd: string; paper: string }[] = [
      { nodes: 1, votes: [], etcd: 'leader', paper: 'leader' },
      { nodes: 3, votes: [[2, true], [3, true]], etcd: 'leader', paper: 'leader' },
      { nodes: 3, votes: [[2, true]], etcd: 'leader', paper: 'leader' },
      { nodes: 5, votes: [[2, true], [3, true], [4, true], [5, true]], etcd: 'leader', paper: 'leader' },
      { nodes: 5, votes: [[2, true], [3, true], [4, true]], etcd: 'leader', paper: 'leader' },
      { nodes: 5, votes: [[2, true], [3, true]], etcd: 'leader', paper: 'leader' },
      // Refused by a majority: etcd returns to follower (VoteLost); the paper's candidate waits.
      { nodes: 3, votes: [[2, false], [3, false]], etcd: 'follower', paper: 'candidate' },
      { nodes: 5, votes: [[2, false], [3, false], [4, false], [5, false]], etcd: 'follower', paper: 'candidate' },
      { nodes: 5, votes: [[2, true], [3, false], [4, false], [5, false]], etcd: 'follower', paper: 'candidate' },
      { nodes: 3, votes: [], etcd: 'candidate', paper: 'candidate' },
      { nodes: 5, votes: [[2, true]], etcd: 'candidate', paper: 'candidate' },
      { nodes: 5, votes: [[2, false], [3, false]], etcd: 'candidate', paper: 'candidate' },
      { nodes: 5, votes: [], etcd: 'candidate', paper: 'candidate' },
    ];
    it.each(rows)('$nodes nodes, answers $votes: etcd $etcd, paper $paper', (row) => {
      const net = network(profile, [{}, ...new Array<null>(row.nodes - 1).fill(null)]);
      net.hup(1);
      for (const [from, voteGranted] of row.votes) net.send(from, 1, { type: 'RequestVoteResponse', term: 1, voteGranted });
      expect(net.state(1).role).toBe(row[profile]);
      expect(net.state(1).term).toBe(1);
    });
  });

  describe.each([false, true])('testLeaderElection (preVote %s)', (preVote) => {
    const lost = preVote ? { role: 'precandidate', term: 0 } : { role: 'candidate', term: 1 };
    const rows: { name: string; inits: Init[]; etcd: { role: string; term: number }; paper?: { role: string; term: number } }[] = [
      { name: 'three up', inits: [{}, {}, {}], etcd: { role: 'leader', term: 1 } },
      { name: 'one of three down', inits: [{}, {}, null], etcd: { role: 'leader', term: 1 } },
      { name: 'two of three down', inits: [{}, null, null], etcd: lost },
      { name: 'two of four down', inits: [{}, null, null, {}], etcd: lost },
      { name: 'two of five down', inits: [{}, null, null, {}, {}], etcd: { role: 'leader', term: 1 } },
      {
        // Three logs ahead in the same term: they refuse rather than ignore. etcd's candidate
        // steps down (VoteLost); the paper's stays a candidate, unless PreVote taught it the term.
        name: 'three longer logs of term 1',
        inits: [{}, { term: 1, log: [1] }, { term: 1, log: [1] }, { term: 1, log: [1, 1] }, {}],
        etcd: { role: 'follower', term: 1 },
        paper: preVote ? { role: 'follower', term: 1 } : { role: 'candidate', term: 1 },
      },
    ];
    it.each(rows)('$name', (row) => {
      const net = network(profile, row.inits, { preVote });
      net.hup(1);
      const want = profile === 'paper' && row.paper ? row.paper : row.etcd;
      expect({ role: net.state(1).role, term: net.state(1).term }).toEqual(want);
    });
  });

  it('TestDuelingCandidates: the loser of term 2 is refused by both for its short log', () => {
    const net = network(profile, [{}, {}, {}]);
    net.cut(1, 3);
    net.hup(1);
    net.hup(3);
    expect(roles(net, [1, 3])).toEqual(['leader', 'candidate']);
    net.recover();
    net.hup(3);
    // etcd: S3 steps down at once (VoteLost); the paper's S3 stays a candidate until its timer.
    expect(roles(net, [1, 2, 3])).toEqual(byProfile(['follower', 'follower', 'candidate'], ['follower', 'follower', 'follower'])[profile]);
    expect(terms(net, [1, 2, 3])).toEqual([2, 2, 2]);
    expect([logOf(net.state(1)), logOf(net.state(2)), logOf(net.state(3))]).toEqual([['1:no-op'], ['1:no-op'], []]);
    expect(net.state(1).commitIndex).toBe(1);
  });

  it('TestDuelingPreCandidates: with PreVote the loser never disrupts the leader', () => {
    const net = network(profile, [{}, {}, {}], { preVote: true });
    net.cut(1, 3);
    net.hup(1);
    net.hup(3);
    expect(roles(net, [1, 3])).toEqual(['leader', 'follower']);
    net.recover();
    net.hup(3);
    // etcd: refused by both (its log is behind), S3 goes back to follower (VoteLost); in the
    // paper's rules S1 and S2 refuse as a live leader and within its lease, and S3 keeps asking.
    expect(roles(net, [1, 2, 3])).toEqual(byProfile(['leader', 'follower', 'precandidate'], ['leader', 'follower', 'follower'])[profile]);
    expect(terms(net, [1, 2, 3])).toEqual([1, 1, 1]);
    expect(logOf(net.state(3))).toEqual([]);
  });

  it('TestCannotCommitWithoutNewTermEntry (§5.4.2): entries of term 1 commit only with one of term 2', () => {
    const net = network(profile, [{}, {}, {}, {}, {}]);
    net.hup(1);
    for (const peer of [3, 4, 5]) net.cut(1, peer);
    net.propose(1, 'a=1');
    net.propose(1, 'b=2');
    expect(net.state(1).commitIndex).toBe(1);
    net.recover();
    net.ignore('AppendEntries');
    net.hup(2);
    expect(net.state(2).role).toBe('leader');
    expect(net.state(2).commitIndex).toBe(1);
    net.recover();
    net.beat(2);
    net.propose(2, 'c=3');
    expect(net.state(2).commitIndex).toBe(5);
  });

  it('TestLeaderStepdownWhenQuorumLost: CheckQuorum every base election timeout (etcd) or every longest one (paper)', () => {
    // As etcd's test, a leader nobody answers after its election.
    const net = network(profile, [{}, null, null], { checkQuorum: true });
    net.hup(1);
    net.send(2, 1, { type: 'RequestVoteResponse', term: 1, voteGranted: true });
    expect(net.state(1).role).toBe('leader');
    const [base, longest] = net.io(1).params.electionTimeout;
    net.advance(base + 1, [1]);
    expect(net.state(1).role).toBe(byProfile('leader', 'follower')[profile]);
    net.advance(longest - base, [1]);
    expect(net.state(1).role).toBe('follower');
  });

  it('TestLeaderSupersedingWithCheckQuorum: a follower votes only once its lease has expired', () => {
    const net = network(profile, [{}, {}, {}], { checkQuorum: true });
    net.hup(1);
    net.hup(3);
    // S2 heard from leader S1 within the election timeout: it ignores S3, as S1 does.
    expect(roles(net, [1, 2, 3])).toEqual(['leader', 'follower', 'candidate']);
    net.wait(net.io(2).params.electionTimeout[0], [2]);
    net.hup(3);
    expect(net.state(3).role).toBe('leader');
  });

  it('TestFreeStuckCandidateWithCheckQuorum: a stale heartbeat to the stuck candidate deposes the old leader', () => {
    const net = network(profile, [{}, {}, {}], { checkQuorum: true });
    net.hup(1);
    net.isolate(1);
    net.hup(3);
    expect(roles(net, [2, 3])).toEqual(['follower', 'candidate']);
    expect(net.state(3).term).toBe(net.state(2).term + 1);
    net.hup(3);
    expect(roles(net, [2, 3])).toEqual(['follower', 'candidate']);
    expect(net.state(3).term).toBe(net.state(2).term + 2);
    net.recover();
    net.send(1, 3, heartbeatOf(net.state(1), 1));
    expect(net.state(1).role).toBe('follower');
    expect(net.state(3).term).toBe(net.state(1).term);
    net.hup(3);
    expect(net.state(3).role).toBe('leader');
  });

  it('TestDisruptiveFollower: a candidate whose leader’s heartbeat came late deposes it', () => {
    const net = network(profile, [{ term: 1 }, { term: 1 }, { term: 1 }], { checkQuorum: true });
    net.hup(1);
    expect(roles(net, [1, 2, 3])).toEqual(['leader', 'follower', 'follower']);
    expect(terms(net, [1, 2, 3])).toEqual([2, 2, 2]);
    // S3's timer fires before S1's heartbeat arrives; its vote requests are still queued.
    net.hold(3, (state, io) => raftProtocol.onTimer(state, 'election', io));
    expect(roles(net, [1, 2, 3])).toEqual(['leader', 'follower', 'candidate']);
    net.send(1, 3, heartbeatOf(net.state(1), 1));
    expect(roles(net, [1, 2, 3])).toEqual(['follower', 'follower', 'candidate']);
    expect(terms(net, [1, 2, 3])).toEqual([3, 2, 3]);
  });

  it('TestDisruptiveFollowerPreVote: with PreVote the lagging follower cannot disrupt', () => {
    const net = network(profile, [{ term: 1 }, { term: 1 }, { term: 1 }], { checkQuorum: true });
    net.hup(1);
    net.isolate(3);
    for (const value of ['a=1', 'b=2', 'c=3']) net.propose(1, value);
    for (const id of [1, 2, 3]) net.io(id).params = { ...net.io(id).params, preVote: true };
    net.recover();
    net.hup(3);
    expect(roles(net, [1, 2, 3])).toEqual(['leader', 'follower', 'precandidate']);
    expect(terms(net, [1, 2, 3])).toEqual([2, 2, 2]);
    net.send(1, 3, heartbeatOf(net.state(1), 1));
    expect(net.state(1).role).toBe('leader');
  });

  it.each([false, true])('TestLeaderElectionOverwriteNewerLogs (preVote %s): the winner’s entries replace newer ones', (preVote) => {
    const net = network(
      profile,
      [{ term: 1, log: [1] }, { term: 1, log: [1] }, { term: 2, log: [2] }, { term: 2, votedFor: 3 }, { term: 2, votedFor: 3 }],
      { preVote },
    );
    net.hup(1);
    // A quorum knows of term 2: S1 fails and moves to term 2 (the paper's S1, without PreVote, is
    // still a candidate there: refusals do not end its round).
    const failed = profile === 'paper' && !preVote ? 'candidate' : 'follower';
    expect({ role: net.state(1).role, term: net.state(1).term }).toEqual({ role: failed, term: 2 });
    net.hup(1);
    expect({ role: net.state(1).role, term: net.state(1).term }).toEqual({ role: 'leader', term: 3 });
    for (const id of [1, 2, 3, 4, 5]) expect(net.state(id).log.map((e) => e.term)).toEqual([1, 3]);
  });

  it('TestNodeWithSmallerTermCanCompleteElection (PreVote): etcd grants a pre-vote while it follows a leader', () => {
    const net = network(profile, [{ term: 1 }, { term: 1 }, { term: 1 }], { preVote: true });
    net.cut(1, 3);
    net.cut(2, 3);
    net.hup(1);
    expect(roles(net, [1, 2])).toEqual(['leader', 'follower']);
    net.hup(3);
    expect(net.state(3).role).toBe('precandidate');
    net.hup(2);
    // etcd: without CheckQuorum, leader S1 grants S2's pre-vote and S2 takes term 3. The
    // thesis's S1 refuses as a live leader.
    expect(terms(net, [1, 2, 3])).toEqual(byProfile([2, 2, 1], [3, 3, 1])[profile]);
    expect(roles(net, [1, 2, 3])).toEqual(byProfile(['leader', 'precandidate', 'precandidate'], ['follower', 'leader', 'precandidate'])[profile]);
    net.recover();
    net.cut(2, 1);
    net.cut(2, 3);
    net.hup(3);
    net.hup(1);
    expect([1, 3].some((id) => net.state(id).role === 'leader')).toBe(true);
  });

  it('TestPreVoteWithSplitVote: a split pre-vote round ends with the next timeout', () => {
    const net = network(profile, [{ term: 1 }, { term: 1 }, { term: 1 }], { preVote: true });
    net.hup(1);
    net.isolate(1);
    net.hup(2, 3);
    expect(terms(net, [2, 3])).toEqual([3, 3]);
    expect(roles(net, [2, 3])).toEqual(['candidate', 'candidate']);
    net.hup(2);
    expect(terms(net, [2, 3])).toEqual([4, 4]);
    expect(roles(net, [2, 3])).toEqual(['leader', 'follower']);
  });

  describe('TestFollowerVote (§5.2): one vote per term, first come first served', () => {
    it.each([
      { vote: null, candidate: 2, granted: true },
      { vote: null, candidate: 3, granted: true },
      { vote: 2, candidate: 2, granted: true },
      { vote: 3, candidate: 3, granted: true },
      { vote: 2, candidate: 3, granted: false },
      { vote: 3, candidate: 2, granted: false },
    ])('voted for $vote, asked by S$candidate: granted $granted', ({ vote, candidate, granted }) => {
      const { state, io } = bootNode(1, 3, { term: 1, votedFor: vote }, { profile });
      io.take();
      raftProtocol.onMessage(state, candidate, { type: 'RequestVote', term: 1, candidateId: candidate, lastLogIndex: 0, lastLogTerm: 0 }, io);
      expect(io.take()).toEqual([{ to: candidate, msg: { type: 'RequestVoteResponse', term: 1, voteGranted: granted } }]);
    });
  });

  describe('TestVoter (§5.4.1): no vote for a log less up to date', () => {
    it.each([
      { log: [1], lastLogTerm: 1, lastLogIndex: 1, granted: true },
      { log: [1], lastLogTerm: 1, lastLogIndex: 2, granted: true },
      { log: [1, 1], lastLogTerm: 1, lastLogIndex: 1, granted: false },
      { log: [1], lastLogTerm: 2, lastLogIndex: 1, granted: true },
      { log: [1], lastLogTerm: 2, lastLogIndex: 2, granted: true },
      { log: [1, 1], lastLogTerm: 2, lastLogIndex: 1, granted: true },
      { log: [2], lastLogTerm: 1, lastLogIndex: 1, granted: false },
      { log: [2], lastLogTerm: 1, lastLogIndex: 2, granted: false },
      { log: [2, 1], lastLogTerm: 1, lastLogIndex: 1, granted: false },
    ])('log $log, candidate ends at term $lastLogTerm index $lastLogIndex: granted $granted', ({ log, lastLogTerm, lastLogIndex, granted }) => {
      const { state, io } = bootNode(1, 3, { log }, { profile });
      io.take();
      raftProtocol.onMessage(state, 2, { type: 'RequestVote', term: 3, candidateId: 2, lastLogIndex, lastLogTerm }, io);
      const replies = io.take().map((s) => s.msg as RaftMessage);
      expect(replies).toEqual([{ type: 'RequestVoteResponse', term: 3, voteGranted: granted }]);
    });
  });

  it('etcd’s lead == None rule: a follower that knows its term’s leader refuses an unvoted vote (the paper grants)', () => {
    const net = network(profile, [{}, {}, {}]);
    net.cut(1, 3);
    net.hup(1);
    // S2 learned term 1 from S1's vote request and voted for S1; S3, cut off, asks it now.
    const s2 = bootNode(2, 3, { term: 1 }, { profile });
    s2.io.take();
    raftProtocol.onMessage(s2.state, 1, heartbeatOf(net.state(1), 1), s2.io);
    s2.io.take();
    raftProtocol.onMessage(s2.state, 3, { type: 'RequestVote', term: 1, candidateId: 3, lastLogIndex: 1, lastLogTerm: 1 }, s2.io);
    const reply = s2.io.take().find((s) => s.to === 3)?.msg;
    expect(reply).toEqual({ type: 'RequestVoteResponse', term: 1, voteGranted: profile === 'paper' });
    expect(s2.io.keys()).toContain(profile === 'etcd' ? 'raft.vote.reject.knowsLeader' : 'raft.vote.grant.newerTerm');
  });

  it.each([false, true])('etcd’s PreVote grants (CheckQuorum %s): a follower of a live leader grants, ignores, or refuses', (checkQuorum) => {
    const { state, io } = bootNode(2, 3, { term: 1 }, { profile, preVote: true, checkQuorum });
    raftProtocol.onMessage(state, 1, { type: 'AppendEntries', term: 1, leaderId: 1, prevLogIndex: 0, prevLogTerm: 0, entries: [], leaderCommit: 0 }, io);
    io.take();
    raftProtocol.onMessage(state, 3, { type: 'PreVote', term: 2, candidateId: 3, lastLogIndex: 0, lastLogTerm: 0 }, io);
    const sent = io.take().map((s) => s.msg);
    // The paper (thesis §9.6) refuses within the lease either way; etcd grants without
    // CheckQuorum and, with it, does not answer at all.
    const want = profile === 'paper' ? [{ type: 'PreVoteResponse', term: 1, voteGranted: false }] : checkQuorum ? [] : [{ type: 'PreVoteResponse', term: 2, voteGranted: true }];
    expect(sent).toEqual(want);
    expect(state.term).toBe(1);
  });

  describe('Figure 7 (TestLeaderSyncFollowerLog): the leader of term 8 makes each follower log its own', () => {
    const leaderLog = [1, 1, 1, 4, 4, 5, 5, 6, 6, 6];
    it.each([
      { name: 'a', log: [1, 1, 1, 4, 4, 5, 5, 6, 6] },
      { name: 'b', log: [1, 1, 1, 4] },
      { name: 'c', log: [1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 6] },
      { name: 'd', log: [1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 7, 7] },
      { name: 'e', log: [1, 1, 1, 4, 4, 4, 4] },
      { name: 'f', log: [1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3] },
    ])('follower ($name)', ({ log }) => {
      const net = network(profile, [{ term: 8, log: leaderLog }, { term: 7, log }, null]);
      net.hup(1);
      net.send(3, 1, { type: 'RequestVoteResponse', term: 9, voteGranted: true });
      net.propose(1, 'x=1');
      expect(net.state(1).role).toBe('leader');
      expect(logOf(net.state(2))).toEqual(logOf(net.state(1)));
    });
  });

  describe('Figure 8 (TestLeaderOnlyCommitsLogFromCurrentTerm, §5.4.2): counting replicas commits only the current term', () => {
    it.each([
      { match: 1, commit: 0 },
      { match: 2, commit: 0 },
      { match: 3, commit: 3 },
    ])('a follower matching up to $match: commitIndex $commit', ({ match, commit }) => {
      const net = network(profile, [{ term: 2, log: [1, 2] }, null]);
      net.hup(1);
      net.send(2, 1, { type: 'RequestVoteResponse', term: 3, voteGranted: true });
      net.propose(1, 'x=1');
      net.send(2, 1, { type: 'AppendEntriesResponse', term: 3, success: true, matchIndex: match });
      expect(net.state(1).commitIndex).toBe(commit);
    });
  });
});

describe('the profiles’ timings', () => {
  it('paper: 150–300 ms and 50 ms heartbeats; etcd: 1,000–2,000 ms and 100 ms; explicit timings win', () => {
    expect(bootNode(1, 3).io.params).toMatchObject({ profile: 'paper', electionTimeout: [150, 300], heartbeatInterval: 50 });
    expect(bootNode(1, 3, {}, { profile: 'etcd' }).io.params).toMatchObject({ electionTimeout: [1000, 2000], heartbeatInterval: 100 });
    expect(bootNode(1, 3, {}, { profile: 'etcd', heartbeatInterval: 20 }).io.params).toMatchObject({ electionTimeout: [1000, 2000], heartbeatInterval: 20 });
    expect(bootNode(1, 3, {}, { profile: 'etcd' }).io.params.clientTimeout).toBe(7000);
  });

  it('a mid-run `set` of the profile brings its timings unless it gives them; other settings stay', () => {
    const etcd = resolveRaftParams({ profile: 'etcd', checkQuorum: true });
    expect(resolveRaftParams({ preVote: true }, etcd)).toMatchObject({ profile: 'etcd', electionTimeout: [1000, 2000], heartbeatInterval: 100, checkQuorum: true });
    expect(resolveRaftParams({ profile: 'paper', heartbeatInterval: 70 }, etcd)).toMatchObject({
      profile: 'paper',
      electionTimeout: [150, 300],
      heartbeatInterval: 70,
      clientTimeout: 2000,
      checkQuorum: true,
    });
  });
});

describe('messages of older terms', () => {
  const staleVote = { type: 'RequestVote', term: 1, candidateId: 3, lastLogIndex: 0, lastLogTerm: 0 } as const;
  const staleAppend = { type: 'AppendEntries', term: 1, leaderId: 3, prevLogIndex: 0, prevLogTerm: 0, entries: [], leaderCommit: 0 } as const;

  it.each([
    { profile: 'paper', params: {}, vote: 1, append: 1 },
    { profile: 'etcd', params: {}, vote: 0, append: 0 },
    { profile: 'etcd', params: { checkQuorum: true }, vote: 0, append: 1 },
    { profile: 'etcd', params: { preVote: true }, vote: 0, append: 1 },
  ] as const)('$profile $params: answers $vote stale vote request(s) and $append stale AppendEntries', ({ profile, params, vote, append }) => {
    const { state, io } = bootNode(2, 3, { term: 2 }, { profile, ...params });
    io.take();
    raftProtocol.onMessage(state, 3, staleVote, io);
    expect(io.take()).toHaveLength(vote);
    raftProtocol.onMessage(state, 3, staleAppend, io);
    const answers = io.take();
    expect(answers).toHaveLength(append);
    if (append) expect(answers[0].msg).toMatchObject({ type: 'AppendEntriesResponse', term: 2, success: false });
  });
});
