import { lastZxid } from './history';
import { isQuorum, isVoter, quorumSize, voterIds } from './quorum';
import { setLeader, setPhase, transitionState } from './roles';
import type { ElectionVote, Notification, Vote, ZabIO, ZabState } from './types';
import { decidingRule, NO_VOTE, sameVote, totalOrderPredicate, votesAgree } from './vote';
import { zxidHex } from './zxid';

/*
 * Fast Leader Election (FastLeaderElection.java, lookForLeader and the WorkerReceiver thread),
 * one notification at a time. The TLA+ spec's actions: FLEReceiveNotmsg, FLEHandleNotmsg,
 * FLENotmsgTimeout, FLEWaitNewNotmsg / FLEWaitNewNotmsgEnd.
 */

/** getInitId / getInitLastLoggedZxid / getPeerEpoch: a voter proposes itself; an observer nobody. */
export function initialVote(state: ZabState, io: ZabIO): Vote {
  if (state.observer) return NO_VOTE;
  return { leader: io.id, zxid: lastZxid(state.history), epoch: state.currentEpoch };
}

function emptyVotes(io: ZabIO): (ElectionVote | null)[] {
  return new Array<ElectionVote | null>(io.nodeCount + 1).fill(null);
}

function setVote(state: ZabState, vote: Vote, io: ZabIO): void {
  if (sameVote(state.vote, vote)) return;
  state.vote = { leader: vote.leader, zxid: vote.zxid, epoch: vote.epoch };
  io.changed('vote', state.vote);
}

function setRound(state: ZabState, round: number, io: ZabIO): void {
  if (state.round === round) return;
  state.round = round;
  io.changed('round', round);
}

function otherVoters(io: ZabIO): number[] {
  return voterIds(io.params, io.nodeCount).filter((id) => id !== io.id);
}

/**
 * The entry action of LOOKING (lookForLeader): a new round (logicalclock + 1), a vote for itself,
 * and notifications to every voter. The notification timeout starts at finalizeWait
 * (minNotificationInterval).
 */
export function lookForLeader(state: ZabState, io: ZabIO): void {
  state.stats.electionsStarted++;
  setPhase(state, 'election', io);
  setLeader(state, null, io);
  setRound(state, state.round + 1, io);
  setVote(state, initialVote(state, io), io);
  state.recv = emptyVotes(io);
  state.outOfElection = emptyVotes(io);
  state.finalizing = false;
  state.notifyTimeoutMs = io.params.finalizeWait;
  const peers = otherVoters(io);
  if (state.observer) io.narrate('zab.election.start.observer', { node: io.id, round: state.round, peers });
  else io.narrate('zab.election.start', { node: io.id, round: state.round, epoch: state.vote.epoch, zxid: zxidHex(state.vote.zxid), peers });
  sendNotifications(state, io);
  io.setTimer('notify', state.notifyTimeoutMs);
  // Our own notification reaches us too (QuorumCnxManager delivers to itself): a lone voter is its own quorum.
  checkLookingQuorum(state, io);
}

export function stopLooking(state: ZabState, io: ZabIO): void {
  state.finalizing = false;
  io.cancelTimer('notify');
  io.cancelTimer('finalize');
}

function notification(state: ZabState): Notification {
  state.noteSeq++;
  return {
    type: 'NOTIFICATION',
    state: state.state,
    leader: state.vote.leader,
    zxid: state.vote.zxid,
    epoch: state.vote.epoch,
    round: state.round,
    inc: state.bootAt,
    seq: state.noteSeq,
  };
}

/** sendNotifications: our vote to every voter; our own copy goes straight into recvset. */
function sendNotifications(state: ZabState, io: ZabIO): void {
  for (const peer of otherVoters(io)) io.send(peer, notification(state));
  if (!state.observer) state.recv[io.id] = { ...state.vote, round: state.round, state: 'looking' };
}

function reply(state: ZabState, to: number, io: ZabIO): void {
  io.send(to, notification(state));
}

/**
 * QuorumCnxManager keeps one TCP connection per pair of servers, so notifications arrive in the
 * order sent. The simulated network may reorder or duplicate them: a notification older than one
 * already seen from the same sender (same incarnation, lower sequence number) is obsolete.
 */
function isFresh(state: ZabState, from: number, n: Notification): boolean {
  const inc = state.noteInc[from];
  if (n.inc < inc || (n.inc === inc && n.seq <= state.noteSeen[from])) return false;
  state.noteInc[from] = n.inc;
  state.noteSeen[from] = n.seq;
  return true;
}

const UPPER: Record<string, string> = { looking: 'LOOKING', following: 'FOLLOWING', leading: 'LEADING', observing: 'OBSERVING' };

export function onNotification(state: ZabState, from: number, n: Notification, io: ZabIO): void {
  if (!isFresh(state, from, n)) return;
  // An observer only listens: it has no vote to give, and answering a voter (who answers every
  // observer's notification at once) would echo back and forth without end.
  if (state.observer && state.state !== 'looking') return;
  const voter = (id: number) => isVoter(io.params, id);
  // WorkerReceiver: a notification from a non-voter (an observer) is answered at once, never counted.
  if (!voter(from)) {
    reply(state, from, io);
    return;
  }
  if (state.state !== 'looking') {
    // WorkerReceiver: a server out of the election tells a LOOKING one what it believes.
    if (n.state === 'looking') {
      io.narrate('zab.notify.reply', { node: io.id, from, state: UPPER[state.state], leader: state.vote.leader, epoch: state.vote.epoch, round: state.round });
      reply(state, from, io);
    }
    return;
  }
  // WorkerReceiver: a LOOKING sender in an older round gets our current vote back.
  if (n.state === 'looking' && n.round < state.round && !state.observer) {
    io.narrate('zab.round.lower', { node: io.id, from, theirRound: n.round, round: state.round, leader: state.vote.leader });
    reply(state, from, io);
  }
  if (!voter(n.leader)) return; // validVoter(n.leader)
  if (state.finalizing) {
    // The finalizeWait loop: only a better vote interrupts it; anything else is consumed and the wait starts over.
    if (!totalOrderPredicate(n, state.vote, voter)) {
      io.setTimer('finalize', io.params.finalizeWait);
      return;
    }
    state.finalizing = false;
    io.cancelTimer('finalize');
    io.narrate('zab.finalize.better', { node: io.id, from, leader: n.leader, current: state.vote.leader });
  }
  if (n.state === 'looking') onLookingVote(state, from, n, io);
  else if (n.state === 'following' || n.state === 'leading') onEstablishedVote(state, from, n, io);
  // OBSERVING notifications carry no vote (observers were answered above anyway).
  if (state.state === 'looking' && !state.finalizing) io.setTimer('notify', state.notifyTimeoutMs);
}

/** lookForLeader, case LOOKING. */
function onLookingVote(state: ZabState, from: number, n: Notification, io: ZabIO): void {
  const voter = (id: number) => isVoter(io.params, id);
  if (n.round > state.round) {
    // A newer round: adopt it, clear the received votes, and compare with our own initial vote.
    const oldRound = state.round;
    setRound(state, n.round, io);
    state.recv = emptyVotes(io);
    const own = initialVote(state, io);
    const adopt = totalOrderPredicate(n, own, voter);
    setVote(state, adopt ? n : own, io);
    io.narrate(state.observer ? 'zab.observer.round' : adopt ? 'zab.round.newer.adopt' : 'zab.round.newer.own', {
      node: io.id,
      from,
      round: n.round,
      oldRound,
      leader: state.vote.leader,
    });
    sendNotifications(state, io);
  } else if (n.round < state.round) {
    return;
  } else if (totalOrderPredicate(n, state.vote, voter)) {
    narrateSwitch(state, n, io);
    setVote(state, n, io);
    sendNotifications(state, io);
  } else if (n.leader !== state.vote.leader && !state.observer) {
    narrateKeep(state, from, n, io);
  }
  state.recv[from] = { leader: n.leader, zxid: n.zxid, epoch: n.epoch, round: n.round, state: 'looking' };
  checkLookingQuorum(state, io);
}

function narrateSwitch(state: ZabState, n: Vote, io: ZabIO): void {
  const old = state.vote;
  if (state.observer) {
    io.narrate('zab.observer.candidate', { node: io.id, leader: n.leader, epoch: n.epoch, zxid: zxidHex(n.zxid) });
    return;
  }
  const rule = decidingRule(n, old);
  const fromSelf = old.leader === io.id || old.leader === 0;
  io.narrate(`zab.vote.switch.${rule}${fromSelf ? '' : '.other'}`, {
    node: io.id,
    leader: n.leader,
    old: old.leader,
    epoch: n.epoch,
    oldEpoch: old.epoch,
    zxid: zxidHex(n.zxid),
    oldZxid: zxidHex(old.zxid),
  });
}

function narrateKeep(state: ZabState, from: number, n: Vote, io: ZabIO): void {
  const mine = state.vote;
  io.narrate(`zab.vote.keep.${decidingRule(mine, n)}`, {
    node: io.id,
    from,
    leader: mine.leader,
    other: n.leader,
    epoch: mine.epoch,
    otherEpoch: n.epoch,
    zxid: zxidHex(mine.zxid),
    otherZxid: zxidHex(n.zxid),
  });
}

/** The voters whose vote in `votes` agrees with `target` (getVoteTracker). */
function agreeing(votes: readonly (ElectionVote | null)[], target: ElectionVote, io: ZabIO): number[] {
  const out: number[] = [];
  for (let id = 1; id < votes.length; id++) {
    const v = votes[id];
    if (v && isVoter(io.params, id) && votesAgree(v, target)) out.push(id);
  }
  return out;
}

/** After a LOOKING vote: if a quorum agrees with our proposal in this round, wait finalizeWait for a better one. */
function checkLookingQuorum(state: ZabState, io: ZabIO): void {
  if (state.finalizing || state.vote.leader === 0) return;
  const target: ElectionVote = { ...state.vote, round: state.round, state: 'looking' };
  const ids = agreeing(state.recv, target, io);
  if (!isQuorum(io.params, io.nodeCount, ids)) return;
  state.finalizing = true;
  io.cancelTimer('notify');
  io.setTimer('finalize', io.params.finalizeWait);
  io.narrate('zab.quorum.reached', {
    node: io.id,
    leader: state.vote.leader,
    round: state.round,
    voters: ids,
    count: ids.length,
    needed: quorumSize(io.params, io.nodeCount),
    waitMs: io.params.finalizeWait,
  });
}

/** finalizeWait passed with no better vote: the election ends (setPeerState). */
export function onFinalizeTimer(state: ZabState, io: ZabIO): void {
  if (state.state !== 'looking' || !state.finalizing) return;
  state.finalizing = false;
  const leader = state.vote.leader;
  const key = state.observer ? 'zab.elected.observe' : leader === io.id ? 'zab.elected.lead' : 'zab.elected.follow';
  io.narrate(key, { node: io.id, leader, round: state.round, waitMs: io.params.finalizeWait });
  decide(state, io);
}

function decide(state: ZabState, io: ZabIO): void {
  transitionState(state, { type: 'ELECTED', self: state.vote.leader === io.id, observer: state.observer }, io);
}

/**
 * checkLeader: a vote for another server counts only if that server itself says it is LEADING
 * (so a crashed leader is not elected again and again); a vote for ourselves only in our round.
 */
function checkLeader(state: ZabState, votes: readonly (ElectionVote | null)[], leader: number, round: number, io: ZabIO): boolean {
  if (leader !== io.id) return votes[leader]?.state === 'leading';
  return state.round === round;
}

/**
 * lookForLeader, case FOLLOWING / LEADING: votes from servers that already finished an election.
 * In our round they join recvset; in any round they join outofelection, so a late server joins
 * the established leader once a quorum says so and the leader confirms (ZOOKEEPER-1732).
 */
function onEstablishedVote(state: ZabState, from: number, n: Notification, io: ZabIO): void {
  const v: ElectionVote = { leader: n.leader, zxid: n.zxid, epoch: n.epoch, round: n.round, state: n.state };
  if (n.round === state.round) {
    state.recv[from] = v;
    const ids = agreeing(state.recv, v, io);
    if (isQuorum(io.params, io.nodeCount, ids) && checkLeader(state, state.recv, n.leader, n.round, io)) {
      join(state, n, ids, io);
      return;
    }
  }
  state.outOfElection[from] = v;
  const ids = agreeing(state.outOfElection, v, io);
  if (isQuorum(io.params, io.nodeCount, ids) && checkLeader(state, state.outOfElection, n.leader, n.round, io)) {
    setRound(state, n.round, io);
    join(state, n, ids, io);
  }
}

function join(state: ZabState, n: Notification, ids: number[], io: ZabIO): void {
  setVote(state, n, io);
  const key = state.observer ? 'zab.join.observe' : n.leader === io.id ? 'zab.join.lead' : 'zab.join.follow';
  io.narrate(key, { node: io.id, leader: n.leader, epoch: n.epoch, voters: ids, count: ids.length, needed: quorumSize(io.params, io.nodeCount) });
  decide(state, io);
}

/** The notification timeout: send the vote again, and wait twice as long next time (up to maxNotificationInterval). */
export function onNotifyTimer(state: ZabState, io: ZabIO): void {
  if (state.state !== 'looking' || state.finalizing) return;
  const waited = state.notifyTimeoutMs;
  state.notifyTimeoutMs = Math.min(waited * 2, io.params.maxNotificationInterval);
  io.narrate(state.observer ? 'zab.notify.timeout.observer' : 'zab.notify.timeout', { node: io.id, waitedMs: waited, nextMs: state.notifyTimeoutMs, leader: state.vote.leader, round: state.round });
  sendNotifications(state, io);
  io.setTimer('notify', state.notifyTimeoutMs);
}
