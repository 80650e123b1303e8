import { describe, expect, it } from 'vitest';
import { onFinalizeTimer, onNotification, onNotifyTimer } from './election';
import { bootServer, note } from './testkit';
import type { Notification } from './types';

function notifications(sent: { to: number; msg: unknown }[]): { to: number; n: Notification }[] {
  return sent.filter((s) => (s.msg as Notification).type === 'NOTIFICATION').map((s) => ({ to: s.to, n: s.msg as Notification }));
}

describe('lookForLeader: a server starts by voting for itself', () => {
  it('it increments its round (logicalclock) and sends (sid, lastZxid, currentEpoch) to every other voter', () => {
    const { state, io } = bootServer(2, 3, { zxid: 5, epoch: 1 });
    expect(state.state).toBe('looking');
    expect(state.round).toBe(1);
    expect(state.vote).toEqual({ leader: 2, zxid: 5, epoch: 1 });
    const sent = notifications(io.take());
    expect(sent.map((s) => s.to)).toEqual([1, 3]);
    expect(sent[0].n).toMatchObject({ state: 'looking', leader: 2, zxid: 5, epoch: 1, round: 1 });
    expect(io.timers.get('notify')).toBe(200);
  });

  it('observers do not vote: they are sent no votes, and an observer proposes nobody', () => {
    const voter = bootServer(1, 4, {}, { observers: [4] });
    expect(notifications(voter.io.take()).map((s) => s.to)).toEqual([2, 3]);
    const observer = bootServer(4, 4, {}, { observers: [4] });
    expect(observer.state.vote.leader).toBe(0);
    expect(notifications(observer.io.take()).map((s) => s.to)).toEqual([1, 2, 3]);
  });
});

describe('lookForLeader, LOOKING notifications', () => {
  it('a higher round is adopted: received votes are cleared and the new vote is compared with its own initial vote', () => {
    const { state, io } = bootServer(3, 3, { zxid: 9 });
    onNotification(state, 1, note({ leader: 1, zxid: 9 }, 1), io);
    io.take();
    // S2 is in round 4 and votes for S2 (zxid 4): S3's own vote (zxid 9) ranks higher, so S3 keeps voting for itself in round 4.
    onNotification(state, 2, note({ leader: 2, zxid: 4 }, 4), io);
    expect(state.round).toBe(4);
    expect(state.vote.leader).toBe(3);
    expect(state.recv[1]).toBeNull();
    expect(state.recv[2]).toMatchObject({ leader: 2, round: 4 });
    expect(io.keys()).toContain('zab.round.newer.own');
    expect(notifications(io.take()).every((s) => s.n.round === 4 && s.n.leader === 3)).toBe(true);
  });

  it('a higher round with a better vote: the server adopts both the round and the vote', () => {
    const { state, io } = bootServer(1, 3);
    onNotification(state, 2, note({ leader: 2, zxid: 7 }, 3), io);
    expect(state.round).toBe(3);
    expect(state.vote).toEqual({ leader: 2, zxid: 7, epoch: 0 });
    expect(io.keys()).toContain('zab.round.newer.adopt');
  });

  it('a lower round is answered with its own vote and otherwise ignored', () => {
    const { state, io } = bootServer(1, 3);
    onNotification(state, 2, note({ leader: 2, zxid: 7 }, 3), io);
    io.take();
    onNotification(state, 3, note({ leader: 3, zxid: 99 }, 1), io);
    const replies = notifications(io.take());
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ to: 3, n: { leader: 2, round: 3 } });
    expect(state.vote.leader).toBe(2);
    expect(state.recv[3]).toBeNull();
  });

  it('in the same round the better vote wins by (epoch, zxid, sid), and the switch is sent to everyone', () => {
    const { state, io } = bootServer(3, 3, { zxid: 122 });
    io.take();
    onNotification(state, 1, note({ leader: 1, zxid: 123 }, 1), io);
    expect(state.vote).toEqual({ leader: 1, zxid: 123, epoch: 0 });
    expect(io.narrations.find((n) => n.key === 'zab.vote.switch.zxid')?.params).toMatchObject({ leader: 1, zxid: '0x7b', oldZxid: '0x7a' });
    expect(notifications(io.take()).map((s) => s.to)).toEqual([1, 2]);
  });

  it('a quorum (more than half of the voters) on one proposal starts finalizeWait; without a better vote the election ends', () => {
    const { state, io } = bootServer(1, 3);
    onNotification(state, 2, note({ leader: 2 }, 1), io);
    expect(state.finalizing).toBe(true);
    expect(io.timers.has('notify')).toBe(false);
    expect(io.timers.get('finalize')).toBe(200);
    onFinalizeTimer(state, io);
    expect(state.state).toBe('following');
    expect(state.phase).toBe('discovery');
  });

  it('during finalizeWait a better vote reopens the election; a vote that is not better is consumed and the wait starts over', () => {
    const { state, io } = bootServer(1, 5);
    onNotification(state, 2, note({ leader: 2 }, 1), io);
    onNotification(state, 3, note({ leader: 2 }, 1), io);
    expect(state.finalizing).toBe(true);
    io.now = 50;
    onNotification(state, 4, note({ leader: 1 }, 1), io);
    expect(state.finalizing).toBe(true);
    expect(io.timers.get('finalize')).toBe(250);
    onNotification(state, 5, note({ leader: 5 }, 1), io);
    expect(state.finalizing).toBe(false);
    expect(state.vote.leader).toBe(5);
    expect(io.keys()).toContain('zab.finalize.better');
  });

  it('half of an even number of voters is not a quorum (4 servers need 3 votes)', () => {
    const { state, io } = bootServer(1, 4);
    onNotification(state, 2, note({ leader: 2 }, 1), io);
    expect(state.finalizing).toBe(false);
    onNotification(state, 3, note({ leader: 2 }, 1), io);
    expect(state.finalizing).toBe(true);
  });

  it('votes from observers are never counted', () => {
    const { state, io } = bootServer(1, 3, {}, { observers: [3] });
    // Voters S1, S2: a quorum is both of them. S3's notification is answered, not counted.
    onNotification(state, 3, note({ leader: 2 }, 1), io);
    expect(state.recv[3]).toBeNull();
    expect(notifications(io.take()).some((s) => s.to === 3)).toBe(true);
    expect(state.finalizing).toBe(false);
  });

  it('an older notification from the same sender (reordered by the network) is ignored', () => {
    const { state, io } = bootServer(1, 3);
    onNotification(state, 2, note({ leader: 3 }, 1, 'looking', 2), io);
    expect(state.vote.leader).toBe(3);
    onNotification(state, 2, note({ leader: 2 }, 1, 'looking', 1), io);
    expect(state.recv[2]?.leader).toBe(3);
  });
});

describe('notification timeout (FastLeaderElection: doubles up to maxNotificationInterval)', () => {
  it('with no notification the vote is sent again and the wait doubles: 200, 400, 800 … up to 60 s', () => {
    const { state, io } = bootServer(1, 3);
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      io.take();
      onNotifyTimer(state, io);
      expect(notifications(io.take())).toHaveLength(2);
      waits.push(state.notifyTimeoutMs);
    }
    expect(waits.slice(0, 4)).toEqual([400, 800, 1600, 3200]);
    expect(waits.at(-1)).toBe(60_000);
  });
});

describe('servers out of the election (FOLLOWING / LEADING)', () => {
  it('a following server answers a LOOKING one with its established vote, not its round', () => {
    const { state, io } = bootServer(1, 3);
    onNotification(state, 2, note({ leader: 2 }, 1), io);
    onFinalizeTimer(state, io);
    io.take();
    onNotification(state, 3, note({ leader: 3 }, 1), io);
    const replies = notifications(io.take());
    expect(replies).toEqual([{ to: 3, n: expect.objectContaining({ state: 'following', leader: 2, round: 1 }) }]);
  });

  it('a late server joins the established leader once a quorum follows or leads it and the leader itself says LEADING: it follows, it does not lead', () => {
    const { state, io } = bootServer(3, 3);
    onNotification(state, 1, note({ leader: 2, epoch: 1 }, 1, 'following'), io);
    expect(state.state).toBe('looking');
    onNotification(state, 2, note({ leader: 2, epoch: 1 }, 1, 'leading'), io);
    expect(state.state).toBe('following');
    expect(state.vote.leader).toBe(2);
    expect(io.keys()).toContain('zab.join.follow');
  });

  it('followers of a leader that is gone are not enough (checkLeader): without its LEADING notification nobody joins it', () => {
    const { state, io } = bootServer(4, 5);
    onNotification(state, 1, note({ leader: 5, epoch: 1 }, 7, 'following'), io);
    onNotification(state, 2, note({ leader: 5, epoch: 1 }, 7, 'following'), io);
    onNotification(state, 3, note({ leader: 5, epoch: 1 }, 7, 'following'), io);
    expect(state.state).toBe('looking');
    expect(state.outOfElection.filter(Boolean)).toHaveLength(3);
  });
});
