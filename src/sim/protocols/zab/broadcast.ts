import { sendOn } from './channel';
import { lastZxid } from './history';
import { isQuorum, isVoter, quorumSize, voterIds } from './quorum';
import { goLooking } from './roles';
import { initLimitMs, pingIntervalMs, syncLimitMs } from './timing';
import type { LearnerHandler, Txn, ZabIO, ZabState } from './types';
import { counterOf, epochOf, makeZxid, zxidHex } from './zxid';

/*
 * Broadcast (Zab paper phase 3; Leader.propose, Leader.processAck / tryToCommit, and the ping
 * loop of Leader.lead). The TLA+ spec's ClientRequestAndLeaderBroadcastProposal, LeaderProcessACK,
 * LeaderTimeout.
 */

function committedZxid(state: ZabState): number {
  return state.commitIndex > 0 ? state.history[state.commitIndex - 1].zxid : 0;
}

function forwarding(h: LearnerHandler | null): h is LearnerHandler {
  return h !== null && (h.stage === 'synced' || h.stage === 'uptodate');
}

/** UPTODATE: the learner may serve clients; it carries what is committed so far. */
export function sendUpToDate(state: ZabState, h: LearnerHandler, io: ZabIO): void {
  sendOn(h, state.acceptedEpoch, { type: 'UPTODATE', committedZxid: committedZxid(state) }, io);
  h.stage = 'uptodate';
}

/**
 * Leader.propose: the next zxid of the epoch (epoch << 32 | counter), logged by the leader
 * itself and sent as a PROPOSAL to every follower in the forwarding set.
 */
export function propose(state: ZabState, value: string, io: ZabIO): void {
  const L = state.leading!;
  L.counter++;
  const txn: Txn = { zxid: makeZxid(state.currentEpoch, L.counter), value };
  state.history.push(txn);
  io.changed('lastZxid', txn.zxid);
  state.stats.proposals++;
  const followers: number[] = [];
  for (const h of L.handlers) {
    if (!forwarding(h) || h.observer) continue;
    followers.push(h.peer);
    sendOn(h, state.acceptedEpoch, { type: 'PROPOSAL', txn }, io);
  }
  io.narrate('zab.lead.propose', {
    node: io.id,
    value,
    zxid: zxidHex(txn.zxid),
    epoch: epochOf(txn.zxid),
    counter: counterOf(txn.zxid),
    followers,
  });
  tryToCommit(state, io);
}

/**
 * Leader.tryToCommit: proposals commit in zxid order, each once a quorum of voters (the leader
 * included) has logged it; followers get COMMIT, observers INFORM with the transaction.
 */
export function tryToCommit(state: ZabState, io: ZabIO): void {
  const L = state.leading;
  if (!L || state.phase !== 'broadcast') return;
  while (state.commitIndex < state.history.length) {
    const txn = state.history[state.commitIndex];
    const ackers = [io.id];
    for (const h of L.handlers) if (forwarding(h) && !h.observer && h.ackedZxid >= txn.zxid) ackers.push(h.peer);
    ackers.sort((a, b) => a - b);
    if (!isQuorum(io.params, io.nodeCount, ackers)) return;
    state.commitIndex++;
    io.changed('committedZxid', txn.zxid);
    io.narrate('zab.lead.commit', {
      node: io.id,
      zxid: zxidHex(txn.zxid),
      value: txn.value,
      ackers,
      count: ackers.length,
      voters: voterIds(io.params, io.nodeCount).length,
      needed: quorumSize(io.params, io.nodeCount),
    });
    for (const h of L.handlers) {
      if (!forwarding(h)) continue;
      if (h.observer) sendOn(h, state.acceptedEpoch, { type: 'INFORM', txn }, io);
      else sendOn(h, state.acceptedEpoch, { type: 'COMMIT', zxid: txn.zxid }, io);
    }
  }
}

/**
 * Leader.lead's loop: every half tick, ping every learner; every tick, count the voters heard
 * from within syncLimit ticks (LearnerHandler.synced), the leader included. Without a quorum the
 * leader shuts down and goes back to LOOKING.
 */
export function onTick(state: ZabState, io: ZabIO): void {
  const L = state.leading;
  if (!L || state.phase !== 'broadcast') return;
  L.halfTicks++;
  closeSilentLearners(state, io);
  if (L.halfTicks % 2 === 0) {
    const limit = syncLimitMs(io.params);
    const synced = [io.id];
    for (const h of L.handlers) if (h && isVoter(io.params, h.peer) && io.now - h.lastHeardAt <= limit) synced.push(h.peer);
    synced.sort((a, b) => a - b);
    if (!isQuorum(io.params, io.nodeCount, synced)) {
      io.narrate('zab.lead.quorumLost', {
        node: io.id,
        epoch: state.currentEpoch,
        synced,
        count: synced.length,
        needed: quorumSize(io.params, io.nodeCount),
        ticks: io.params.syncLimit,
        ms: limit,
      });
      goLooking(state, io);
      return;
    }
  }
  // LearnerHandler.ping: only learners that were synced get pings.
  for (const h of L.handlers) if (forwarding(h)) sendOn(h, state.acceptedEpoch, { type: 'PING' }, io);
  io.setTimer('tick', pingIntervalMs(io.params));
}

/**
 * A LearnerHandler reads its socket with a timeout (initLimit ticks while the learner syncs,
 * syncLimit ticks after): a learner silent for longer, or whose stream stalls behind a lost
 * packet, has its connection closed, and it will have to connect again.
 */
function closeSilentLearners(state: ZabState, io: ZabIO): void {
  const L = state.leading!;
  for (const h of L.handlers) {
    if (!h) continue;
    const uptodate = h.stage === 'uptodate';
    const limit = uptodate ? syncLimitMs(io.params) : initLimitMs(io.params);
    if (io.now - h.lastHeardAt <= limit) continue;
    sendOn(h, state.acceptedEpoch, { type: 'CLOSE', reason: 'shutdown' }, io);
    L.handlers[h.peer] = null;
    io.narrate('zab.lead.learnerSilent', { node: io.id, from: h.peer, ms: limit, ticks: uptodate ? io.params.syncLimit : io.params.initLimit });
  }
}

export { committedZxid, lastZxid };
