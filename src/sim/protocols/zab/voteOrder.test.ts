import { describe, expect, it } from 'vitest';
import { decidingRule, totalOrderPredicate, votesAgree } from './vote';
import { makeZxid } from './zxid';

const allVote = () => true;

describe('FastLeaderElection.totalOrderPredicate: votes are ordered by epoch, then zxid, then server id', () => {
  it('a higher epoch wins, even against a higher zxid and a higher server id', () => {
    const next = { leader: 1, zxid: makeZxid(2, 1), epoch: 2 };
    const current = { leader: 5, zxid: makeZxid(1, 900), epoch: 1 };
    expect(totalOrderPredicate(next, current, allVote)).toBe(true);
    expect(totalOrderPredicate(current, next, allVote)).toBe(false);
    expect(decidingRule(next, current)).toBe('epoch');
  });

  it('in the same epoch a higher zxid wins, even against a higher server id (0x7b beats 0x7a)', () => {
    const s1 = { leader: 1, zxid: 123, epoch: 0 };
    const s3 = { leader: 3, zxid: 122, epoch: 0 };
    expect(totalOrderPredicate(s1, s3, allVote)).toBe(true);
    expect(totalOrderPredicate(s3, s1, allVote)).toBe(false);
    expect(decidingRule(s1, s3)).toBe('zxid');
  });

  it('with the same epoch and zxid the higher server id wins', () => {
    const s5 = { leader: 5, zxid: 7, epoch: 1 };
    const s4 = { leader: 4, zxid: 7, epoch: 1 };
    expect(totalOrderPredicate(s5, s4, allVote)).toBe(true);
    expect(totalOrderPredicate(s4, s5, allVote)).toBe(false);
    expect(decidingRule(s5, s4)).toBe('sid');
  });

  it('the same vote does not win against itself (no switch, no resend)', () => {
    const v = { leader: 2, zxid: 3, epoch: 1 };
    expect(totalOrderPredicate(v, { ...v }, allVote)).toBe(false);
    expect(decidingRule(v, { ...v })).toBe('same');
  });

  it('a vote for a server that does not vote (an observer, weight 0) never wins', () => {
    const observer = { leader: 4, zxid: 1000, epoch: 9 };
    expect(totalOrderPredicate(observer, { leader: 1, zxid: 0, epoch: 0 }, (id) => id !== 4)).toBe(false);
  });

  it('the order is total and antisymmetric over a grid of votes', () => {
    const votes = [];
    for (const epoch of [0, 1]) for (const zxid of [0, 5]) for (const leader of [1, 2, 3]) votes.push({ leader, zxid, epoch });
    for (const a of votes) {
      for (const b of votes) {
        const ab = totalOrderPredicate(a, b, allVote);
        const ba = totalOrderPredicate(b, a, allVote);
        if (a === b) expect([ab, ba]).toEqual([false, false]);
        else expect(ab !== ba).toBe(true);
      }
    }
  });
});

describe('Vote.equals, as the vote tracker counts agreement', () => {
  it('while looking, votes agree only with the same leader, zxid, round and epoch', () => {
    const a = { leader: 3, zxid: 5, epoch: 1, round: 2, state: 'looking' as const };
    expect(votesAgree(a, { ...a })).toBe(true);
    expect(votesAgree(a, { ...a, round: 3 })).toBe(false);
    expect(votesAgree(a, { ...a, zxid: 6 })).toBe(false);
    expect(votesAgree(a, { ...a, state: 'following' })).toBe(true);
  });

  it('between servers out of the election only the leader and its epoch must agree', () => {
    const f = { leader: 3, zxid: 5, epoch: 2, round: 1, state: 'following' as const };
    expect(votesAgree(f, { ...f, state: 'leading', zxid: 0, round: 4 })).toBe(true);
    expect(votesAgree(f, { ...f, state: 'leading', epoch: 1 })).toBe(false);
  });
});
