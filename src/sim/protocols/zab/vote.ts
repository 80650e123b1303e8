import type { ElectionVote, Vote } from './types';

/**
 * FastLeaderElection.totalOrderPredicate: does the new vote beat the current one? A vote wins
 * with a higher epoch (the proposed leader's currentEpoch); at the same epoch with a higher zxid;
 * at the same zxid with a higher server id. A vote for a non-voter (an observer, or nobody) never
 * wins: its weight in the quorum verifier is 0.
 */
export function totalOrderPredicate(next: Vote, current: Vote, isVoter: (id: number) => boolean): boolean {
  if (!isVoter(next.leader)) return false;
  return (
    next.epoch > current.epoch ||
    (next.epoch === current.epoch && (next.zxid > current.zxid || (next.zxid === current.zxid && next.leader > current.leader)))
  );
}

/** Which rule of the order decided between two votes, for narration. */
export type VoteRule = 'epoch' | 'zxid' | 'sid' | 'same';

export function decidingRule(a: Vote, b: Vote): VoteRule {
  if (a.epoch !== b.epoch) return 'epoch';
  if (a.zxid !== b.zxid) return 'zxid';
  if (a.leader !== b.leader) return 'sid';
  return 'same';
}

/**
 * Vote.equals as getVoteTracker uses it: while either side is looking, two votes agree when they
 * name the same leader, zxid, round and epoch; between servers out of the election (following,
 * leading) only the leader and its epoch must agree.
 */
export function votesAgree(a: ElectionVote, b: ElectionVote): boolean {
  if (a.state === 'looking' || b.state === 'looking') {
    return a.leader === b.leader && a.zxid === b.zxid && a.round === b.round && a.epoch === b.epoch;
  }
  return a.leader === b.leader && a.epoch === b.epoch;
}

export function sameVote(a: Vote, b: Vote): boolean {
  return a.leader === b.leader && a.zxid === b.zxid && a.epoch === b.epoch;
}

/** An observer's initial vote: nobody (getInitId is Long.MIN_VALUE for a non-voter). */
export const NO_VOTE: Vote = Object.freeze({ leader: 0, zxid: -1, epoch: -1 });
