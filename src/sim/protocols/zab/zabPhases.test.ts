import { describe, expect, it } from 'vitest';
import { onTick } from './broadcast';
import { onClientRequest } from './client';
import { onFinalizeTimer, onNotification } from './election';
import { onSessionMessage } from './routing';
import { bootServer, note, type RecordingIO } from './testkit';
import type { ZabInit, ZabParamsInput } from './params';
import type { SessionMessage, ZabState } from './types';
import { makeZxid } from './zxid';

/** A server that has just been elected leader by S1's vote (its handshake has not begun). */
function electedLeader(id: number, n: number, init: ZabInit = {}, params: ZabParamsInput = {}): { state: ZabState; io: RecordingIO } {
  const { state, io } = bootServer(id, n, init, params);
  for (let peer = 1; peer <= n && state.state === 'looking'; peer++) {
    if (peer !== id) onNotification(state, peer, note({ leader: id, zxid: state.vote.zxid, epoch: state.vote.epoch }, 1), io);
  }
  onFinalizeTimer(state, io);
  expect(state.state).toBe('leading');
  io.take();
  return { state, io };
}

/** Learner `from`'s packets on its connection "S<from>.0.1", numbered in order. */
function learner(from: number) {
  let seq = 0;
  return (msg: Record<string, unknown> & { type: string }, epoch = 0): SessionMessage =>
    ({ session: `S${from}.0.1`, seq: seq++, epoch, ...msg }) as unknown as SessionMessage;
}

function sentTypes(io: RecordingIO): string[] {
  return io.take().map((s) => `${s.msg.type}→S${s.to}`);
}

describe('Zab phase 1, discovery (getEpochToPropose, waitForEpochAck)', () => {
  it('the leader proposes max(acceptedEpoch) + 1 once a quorum sent FOLLOWERINFO, and writes it as its acceptedEpoch', () => {
    const { state, io } = electedLeader(3, 5, { acceptedEpoch: 2, epoch: 2 });
    const s1 = learner(1);
    onSessionMessage(state, 1, s1({ type: 'FOLLOWERINFO' }, 4), io);
    expect(state.leading!.proposedEpoch).toBe(-1);
    expect(sentTypes(io)).toEqual([]);
    const s2 = learner(2);
    onSessionMessage(state, 2, s2({ type: 'FOLLOWERINFO' }, 1), io);
    expect(state.leading!.proposedEpoch).toBe(5);
    expect(state.acceptedEpoch).toBe(5);
    expect(sentTypes(io)).toEqual(['LEADERINFO→S1', 'LEADERINFO→S2']);
  });

  it('a quorum of ACKEPOCH establishes the leader: it writes currentEpoch and syncs each learner (DIFF / TRUNC / SNAP, then NEWLEADER)', () => {
    const { state, io } = electedLeader(3, 3, { zxid: makeZxid(1, 3) });
    const s1 = learner(1);
    onSessionMessage(state, 1, s1({ type: 'FOLLOWERINFO' }, 1), io);
    io.take();
    onSessionMessage(state, 1, s1({ type: 'ACKEPOCH', currentEpoch: 1, lastZxid: makeZxid(1, 1) }, 2), io);
    expect(state.currentEpoch).toBe(2);
    expect(state.phase).toBe('synchronization');
    expect(sentTypes(io)).toEqual(['DIFF→S1', 'NEWLEADER→S1']);
    onSessionMessage(state, 1, s1({ type: 'ACK', zxid: makeZxid(1, 3), newLeader: true }, 2), io);
    expect(state.phase).toBe('broadcast');
    expect(state.commitIndex).toBe(3);
    expect(sentTypes(io)).toEqual(['UPTODATE→S1']);
  });

  it('a learner more up to date than the leader (higher currentEpoch, or same epoch and higher zxid) makes it give up leading', () => {
    const { state, io } = electedLeader(3, 3, { zxid: makeZxid(1, 3) });
    const s1 = learner(1);
    onSessionMessage(state, 1, s1({ type: 'FOLLOWERINFO' }, 1), io);
    onSessionMessage(state, 1, s1({ type: 'ACKEPOCH', currentEpoch: 1, lastZxid: makeZxid(1, 4) }, 2), io);
    expect(state.state).toBe('looking');
    expect(io.keys()).toContain('zab.lead.followerAhead');
  });

  it('Zab 1.0: an epoch already accepted is acknowledged with currentEpoch -1 and does not count toward the quorum', () => {
    const { state, io } = electedLeader(3, 5);
    const s1 = learner(1);
    const s2 = learner(2);
    onSessionMessage(state, 1, s1({ type: 'FOLLOWERINFO' }), io);
    onSessionMessage(state, 2, s2({ type: 'FOLLOWERINFO' }), io);
    expect(state.leading!.proposedEpoch).toBe(1);
    onSessionMessage(state, 1, s1({ type: 'ACKEPOCH', currentEpoch: -1, lastZxid: 0 }, 1), io);
    onSessionMessage(state, 2, s2({ type: 'ACKEPOCH', currentEpoch: 0, lastZxid: 0 }, 1), io);
    expect(state.phase).toBe('discovery');
    expect(io.keys()).toContain('zab.lead.ackEpoch.again');
  });

  it('a learner refuses a LEADERINFO whose epoch is lower than the one it accepted (an old leader) and goes back to LOOKING', () => {
    const { state, io } = bootServer(1, 3, { acceptedEpoch: 4, epoch: 3 });
    onNotification(state, 2, note({ leader: 2, epoch: 3 }, 1), io);
    onFinalizeTimer(state, io);
    expect(state.state).toBe('following');
    const info = io.take().find((s) => s.msg.type === 'FOLLOWERINFO')!.msg as SessionMessage;
    expect(info.epoch).toBe(4);
    onSessionMessage(state, 2, { type: 'LEADERINFO', session: info.session, seq: 0, epoch: 3 }, io);
    expect(state.state).toBe('looking');
    expect(state.acceptedEpoch).toBe(4);
    expect(io.keys()).toContain('zab.learn.epochLower');
  });
});

describe('Zab phase 3, broadcast', () => {
  function broadcasting() {
    const { state, io } = electedLeader(3, 5);
    const s1 = learner(1);
    const s2 = learner(2);
    onSessionMessage(state, 1, s1({ type: 'FOLLOWERINFO' }), io);
    onSessionMessage(state, 2, s2({ type: 'FOLLOWERINFO' }), io);
    onSessionMessage(state, 1, s1({ type: 'ACKEPOCH', currentEpoch: 0, lastZxid: 0 }, 1), io);
    onSessionMessage(state, 2, s2({ type: 'ACKEPOCH', currentEpoch: 0, lastZxid: 0 }, 1), io);
    onSessionMessage(state, 1, s1({ type: 'ACK', zxid: 0, newLeader: true }, 1), io);
    onSessionMessage(state, 2, s2({ type: 'ACK', zxid: 0, newLeader: true }, 1), io);
    expect(state.phase).toBe('broadcast');
    io.take();
    return { state, io, s1, s2 };
  }

  it('zxid = epoch << 32 | counter: each PROPOSAL commits once a quorum (the leader included) logged it, in zxid order', () => {
    const { state, io, s1, s2 } = broadcasting();
    onClientRequest(state, 'x=1', io);
    onClientRequest(state, 'x=2', io);
    expect(state.history.map((t) => t.zxid)).toEqual([makeZxid(1, 1), makeZxid(1, 2)]);
    expect(sentTypes(io)).toEqual(['PROPOSAL→S1', 'PROPOSAL→S2', 'PROPOSAL→S1', 'PROPOSAL→S2']);
    // S1 acknowledges the second proposal only: the ACK is cumulative (FIFO), so both are logged by S1.
    onSessionMessage(state, 1, s1({ type: 'ACK', zxid: makeZxid(1, 2), newLeader: false }, 1), io);
    expect(state.commitIndex).toBe(0);
    onSessionMessage(state, 2, s2({ type: 'ACK', zxid: makeZxid(1, 1), newLeader: false }, 1), io);
    expect(state.commitIndex).toBe(1);
    expect(sentTypes(io)).toEqual(['COMMIT→S1', 'COMMIT→S2']);
  });

  it('a leader pings every half tick and, without answers from a quorum for syncLimit ticks, goes back to LOOKING', () => {
    const { state, io } = broadcasting();
    io.now = 1000;
    onTick(state, io);
    expect(sentTypes(io)).toEqual(['PING→S1', 'PING→S2']);
    io.now = 11_000;
    onTick(state, io);
    expect(state.state).toBe('looking');
    expect(io.keys()).toContain('zab.lead.quorumLost');
  });
});
