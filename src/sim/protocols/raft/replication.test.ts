import { describe, expect, it } from 'vitest';
import { raftProtocol } from '.';
import { bootNode, type RecordingIO } from './testHarness';
import type { AppendEntries, LogEntry, RaftMessage, RaftState } from './types';

function deliver(state: RaftState, io: RecordingIO, from: number, msg: RaftMessage): void {
  raftProtocol.onMessage(state, from, msg, io);
}

function append(term: number, prevLogIndex: number, prevLogTerm: number, entries: LogEntry[], leaderCommit = 0, leaderId = 1): AppendEntries {
  return { type: 'AppendEntries', term, leaderId, prevLogIndex, prevLogTerm, entries, leaderCommit };
}

const e = (term: number, value: string | null = `v${term}`): LogEntry => ({ term, value });

function lastReply(io: RecordingIO): RaftMessage {
  const sent = io.take();
  return sent[sent.length - 1].msg;
}

/** Makes node 1 of `nodes` the leader of term `term` (votes from 2 and 3), then clears its outbox. */
function leaderOf(nodes: number, init: Parameters<typeof bootNode>[2], params: Parameters<typeof bootNode>[3] = {}) {
  const node = bootNode(1, nodes, init, params);
  raftProtocol.onTimer(node.state, 'election', node.io);
  for (let id = 2; id <= Math.floor(nodes / 2) + 1; id++) {
    deliver(node.state, node.io, id, { type: 'RequestVoteResponse', term: node.state.term, voteGranted: true });
  }
  expect(node.state.role).toBe('leader');
  node.io.take();
  return node;
}

describe('§5.3 AppendEntries receiver', () => {
  it('rejects when it has no entry at prevLogIndex, hinting where its log ends', () => {
    const { state, io } = bootNode(2, 3, { term: 1, log: [1, 1] });
    deliver(state, io, 1, append(1, 5, 1, []));
    expect(lastReply(io)).toEqual({ type: 'AppendEntriesResponse', term: 1, success: false, matchIndex: 0, rejectedIndex: 5, conflictIndex: 3, conflictTerm: 0 });
  });

  it('rejects when the term at prevLogIndex differs, hinting the first index of its conflicting term', () => {
    const { state, io } = bootNode(2, 3, { term: 3, log: [1, 2, 2, 2] });
    deliver(state, io, 1, append(3, 4, 3, []));
    expect(lastReply(io)).toMatchObject({ success: false, rejectedIndex: 4, conflictIndex: 2, conflictTerm: 2 });
    expect(io.keys()).toContain('raft.append.reject.conflict');
  });

  it('deletes a conflicting entry and all that follow it, then appends the new ones', () => {
    const { state, io } = bootNode(2, 3, { term: 3, log: [1, 2, 2, 2] });
    deliver(state, io, 1, append(3, 1, 1, [e(3, 'a'), e(3, 'b')]));
    expect(state.log.map((x) => x.term)).toEqual([1, 3, 3]);
    expect(lastReply(io)).toEqual({ type: 'AppendEntriesResponse', term: 3, success: true, matchIndex: 3 });
    expect(io.keys()).toContain('raft.append.truncate');
  });

  it('keeps matching entries: a delayed, shorter AppendEntries does not cut the log', () => {
    const { state, io } = bootNode(2, 3, { term: 1 });
    deliver(state, io, 1, append(1, 0, 0, [e(1, 'a'), e(1, 'b'), e(1, 'c')]));
    deliver(state, io, 1, append(1, 0, 0, [e(1, 'a')]));
    expect(state.log.map((x) => x.value)).toEqual(['a', 'b', 'c']);
    expect(lastReply(io)).toMatchObject({ success: true, matchIndex: 1 });
  });

  it('commits up to min(leaderCommit, index of the last new entry), never past what matches', () => {
    const { state, io } = bootNode(2, 3, { term: 1, log: [1, 1, { term: 1, value: 'stale' }] });
    deliver(state, io, 1, append(2, 1, 1, [], 3));
    expect(state.commitIndex).toBe(1);
    deliver(state, io, 1, append(2, 2, 1, [e(2, 'x=5')], 3));
    expect(state.commitIndex).toBe(3);
    expect(state.kv.get('x')).toBe('5');
  });

  it('rejects AppendEntries from an older term with its own term, so the stale leader steps down', () => {
    const { state, io } = bootNode(2, 3, { term: 5 });
    deliver(state, io, 1, append(4, 0, 0, [e(4)]));
    expect(lastReply(io)).toMatchObject({ term: 5, success: false });
    expect(state.log).toEqual([]);
  });
});

describe('§5.3 the leader side', () => {
  it('a new leader starts every nextIndex just past its own log and matchIndex at 0 (then appends its no-op)', () => {
    const { state } = leaderOf(3, { term: 2, log: [1, 2] });
    expect(state.nextIndex.slice(2)).toEqual([3, 3]);
    expect(state.matchIndex.slice(2)).toEqual([0, 0]);
    expect(state.log.map((x) => x.term)).toEqual([1, 2, 3]);
  });

  it('backs nextIndex off with the follower’s hint and retries at once; then matchIndex follows acknowledgements', () => {
    const { state, io } = leaderOf(3, { term: 2, log: [1, 2, 2] });
    // The follower has [1, 1, 1]: entry 3 has term 1, whose run starts at 2; the leader's last term-1 entry is 1.
    deliver(state, io, 2, { type: 'AppendEntriesResponse', term: 3, success: false, matchIndex: 0, rejectedIndex: 3, conflictIndex: 2, conflictTerm: 1 });
    expect(state.nextIndex[2]).toBe(2);
    const retry = io.take();
    expect(retry).toHaveLength(1);
    expect(retry[0].msg).toMatchObject({ type: 'AppendEntries', prevLogIndex: 1, prevLogTerm: 1 });
    expect((retry[0].msg as AppendEntries).entries.map((x) => x.term)).toEqual([2, 2, 3]);
    // A second, older rejection of the same probe is ignored.
    deliver(state, io, 2, { type: 'AppendEntriesResponse', term: 3, success: false, matchIndex: 0, rejectedIndex: 3, conflictIndex: 2, conflictTerm: 1 });
    expect(state.nextIndex[2]).toBe(2);
    expect(io.take()).toHaveLength(0);
    deliver(state, io, 2, { type: 'AppendEntriesResponse', term: 3, success: true, matchIndex: 4 });
    expect(state.matchIndex[2]).toBe(4);
    expect(state.nextIndex[2]).toBe(5);
  });

  it('sends at most maxEntriesPerAppend entries and streams the rest as acknowledgements come', () => {
    const { state, io } = leaderOf(3, { term: 1, log: [1, 1, 1, 1, 1, 1] }, { maxEntriesPerAppend: 2 });
    state.nextIndex[2] = 1;
    deliver(state, io, 2, { type: 'AppendEntriesResponse', term: 2, success: true, matchIndex: 2 });
    const sent = io.take();
    expect(sent).toHaveLength(1);
    expect(sent[0].msg).toMatchObject({ prevLogIndex: 2 });
    expect((sent[0].msg as AppendEntries).entries).toHaveLength(2);
  });

  it('a client request to the leader is appended and replicated to every follower', () => {
    const { state, io } = leaderOf(3, {});
    raftProtocol.onCommand(state, { type: 'request', value: 'x=1' }, io);
    expect(state.log.at(-1)).toEqual({ term: 1, value: 'x=1' });
    expect(io.take().map((s) => s.to)).toEqual([2, 3]);
  });
});

describe('§5.4.2 commit only entries of the current term by counting replicas', () => {
  it('does not commit an older-term entry stored on a majority, then commits it with one of its own term', () => {
    const { state, io } = leaderOf(3, { term: 3, log: [1, 2] }, { leaderNoop: false });
    expect(state.term).toBe(4);
    deliver(state, io, 2, { type: 'AppendEntriesResponse', term: 4, success: true, matchIndex: 2 });
    expect(state.commitIndex).toBe(0);
    expect(io.keys()).toContain('raft.commit.heldBack');
    raftProtocol.onCommand(state, { type: 'request', value: 'y=1' }, io);
    deliver(state, io, 2, { type: 'AppendEntriesResponse', term: 4, success: true, matchIndex: 3 });
    expect(state.commitIndex).toBe(3);
    expect(io.keys()).toContain('raft.commit.advanceWithEarlier');
  });

  it('with the unsafe commitOldTermByCount it commits the older entry by counting alone', () => {
    const { state, io } = leaderOf(3, { term: 3, log: [1, 2] }, { leaderNoop: false, unsafe: { commitOldTermByCount: true } });
    deliver(state, io, 2, { type: 'AppendEntriesResponse', term: 4, success: true, matchIndex: 2 });
    expect(state.commitIndex).toBe(2);
    expect(io.keys()).toContain('raft.commit.oldTermUnsafe');
  });

  it('thesis §6.4: leaderNoop lets a new leader commit the older entries at once', () => {
    const { state, io } = leaderOf(3, { term: 3, log: [1, 2] });
    deliver(state, io, 2, { type: 'AppendEntriesResponse', term: 4, success: true, matchIndex: 3 });
    expect(state.commitIndex).toBe(3);
  });
});

describe('Raft §8 client requests that reach a follower', () => {
  it('are redirected to the known leader, and the narration says so', () => {
    const { state, io } = bootNode(2, 3, { term: 1 });
    deliver(state, io, 1, append(1, 0, 0, []));
    io.take();
    raftProtocol.onCommand(state, { type: 'request', value: 'x=1' }, io);
    expect(io.take()).toEqual([{ to: 1, msg: { type: 'ClientRequest', value: 'x=1' } }]);
    expect(io.narrations.at(-1)).toEqual({ key: 'raft.request.forward', params: { node: 2, value: 'x=1', leader: 1, role: 'follower' } });
  });

  it('are rejected when no leader is known, and the narration says so', () => {
    const { state, io } = bootNode(2, 3);
    raftProtocol.onCommand(state, { type: 'request', value: 'x=1' }, io);
    expect(io.take()).toEqual([]);
    expect(io.keys().at(-1)).toBe('raft.request.reject');
  });

  it('are forwarded only once: a non-leader drops a forwarded request with a hint', () => {
    const { state, io } = bootNode(2, 3, { term: 1 });
    deliver(state, io, 3, append(1, 0, 0, [], 0, 3));
    deliver(state, io, 1, { type: 'ClientRequest', value: 'x=1' });
    expect(io.take().filter((s) => s.msg.type === 'ClientRequest')).toEqual([]);
    expect(io.narrations.at(-1)).toMatchObject({ key: 'raft.request.dropForwardedHint', params: { leader: 3 } });
  });
});
