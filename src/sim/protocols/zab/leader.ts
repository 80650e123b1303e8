import { tryToCommit, propose, sendUpToDate } from './broadcast';
import { receiveOn, sendOn } from './channel';
import { lastZxid } from './history';
import { idsWhere, isQuorum, isVoter, quorumSize } from './quorum';
import { goLooking, setAcceptedEpoch, setCurrentEpoch, setLeader, setPhase } from './roles';
import { planSync } from './sync';
import { initLimitMs, pingIntervalMs } from './timing';
import type { AckEpoch, LearnerHandler, LeadingState, SessionMessage, ZabIO, ZabState } from './types';
import { zxidHex } from './zxid';

/*
 * The leader side of discovery and synchronization (Leader.lead, getEpochToPropose,
 * waitForEpochAck, waitForNewLeaderAck; LearnerHandler.run and syncFollower). The TLA+ spec's
 * LeaderHandleFOLLOWERINFO, LeaderBroadcastLEADERINFO, LeaderHandleACKEPOCH,
 * LeaderTransitionToSynchronization, RECOVERYSYNC, LeaderHandleACKLD, LeaderTransitionToBroadcast.
 */

function flags(io: ZabIO): boolean[] {
  const out = new Array<boolean>(io.nodeCount + 1).fill(false);
  out[io.id] = true;
  return out;
}

/** Entry action of LEADING: discovery begins; the leader waits for a quorum of FOLLOWERINFO. */
export function lead(state: ZabState, io: ZabIO): void {
  setPhase(state, 'discovery', io);
  state.leading = {
    handlers: new Array<LearnerHandler | null>(io.nodeCount + 1).fill(null),
    proposedEpoch: -1,
    maxAcceptedEpoch: state.acceptedEpoch,
    connecting: flags(io),
    electing: flags(io),
    newLeaderAcked: flags(io),
    counter: 0,
    halfTicks: 0,
  };
  io.narrate('zab.lead.start', { node: io.id, acceptedEpoch: state.acceptedEpoch, needed: quorumSize(io.params, io.nodeCount) });
  io.setTimer('establish', initLimitMs(io.params));
  maybeProposeEpoch(state, state.leading, io);
}

/** Exit action of LEADING (Leader.shutdown): every learner connection is closed. */
export function stopLeading(state: ZabState, io: ZabIO): void {
  const L = state.leading;
  if (L) {
    for (const h of L.handlers) if (h) sendOn(h, state.acceptedEpoch, { type: 'CLOSE', reason: 'shutdown' }, io);
  }
  state.leading = null;
  io.cancelTimer('establish');
  io.cancelTimer('tick');
  setLeader(state, null, io);
}

/** A message from a learner on its connection (a new connection starts with FOLLOWERINFO / OBSERVERINFO). */
export function onLearnerMessage(state: ZabState, from: number, msg: SessionMessage, io: ZabIO): void {
  const L = state.leading!;
  let h = L.handlers[from];
  if ((msg.type === 'FOLLOWERINFO' || msg.type === 'OBSERVERINFO') && (!h || h.id !== msg.session)) {
    // A new connection from this learner (LearnerCnxAcceptor): a new LearnerHandler replaces any old one.
    h = {
      id: msg.session,
      peer: from,
      seqOut: 0,
      nextIn: 0,
      buffer: [],
      observer: !isVoter(io.params, from),
      stage: 'connected',
      acceptedEpoch: msg.epoch,
      lastHeardAt: io.now,
      ackedZxid: -1,
      peerLastZxid: -1,
    };
    L.handlers[from] = h;
  }
  if (!h || h.id !== msg.session) return;
  for (const m of receiveOn(h, msg)) {
    if (state.leading !== L || L.handlers[from] !== h) return;
    h.lastHeardAt = io.now;
    handle(state, L, h, m, io);
  }
}

function handle(state: ZabState, L: LeadingState, h: LearnerHandler, m: SessionMessage, io: ZabIO): void {
  switch (m.type) {
    case 'FOLLOWERINFO':
    case 'OBSERVERINFO':
      onFollowerInfo(state, L, h, io);
      return;
    case 'ACKEPOCH':
      onAckEpoch(state, L, h, m, io);
      return;
    case 'ACK':
      if (m.newLeader) onNewLeaderAck(state, L, h, m.zxid, io);
      else if (h.stage === 'synced' || h.stage === 'uptodate') h.ackedZxid = Math.max(h.ackedZxid, m.zxid);
      tryToCommit(state, io);
      return;
    case 'REQUEST':
      if (state.phase === 'broadcast') {
        io.narrate('zab.lead.request', { node: io.id, from: h.peer, value: m.value });
        propose(state, m.value, io);
      } else io.narrate('zab.request.notReady', { node: io.id, value: m.value, phase: state.phase });
      return;
    case 'CLOSE':
      L.handlers[h.peer] = null;
      L.connecting[h.peer] = false;
      L.electing[h.peer] = false;
      L.newLeaderAcked[h.peer] = false;
      io.narrate(m.reason === 'reset' ? 'zab.lead.learnerReset' : 'zab.lead.learnerGone', { node: io.id, from: h.peer });
      return;
    default:
      return; // PING answers only refresh lastHeardAt
  }
}

/** getEpochToPropose: count the learner; once a quorum is connected, propose max(acceptedEpoch) + 1. */
function onFollowerInfo(state: ZabState, L: LeadingState, h: LearnerHandler, io: ZabIO): void {
  if (L.proposedEpoch >= 0) {
    io.narrate(h.observer ? 'zab.lead.observerInfo.late' : 'zab.lead.followerInfo.late', { node: io.id, from: h.peer, epoch: L.proposedEpoch });
    sendOn(h, state.acceptedEpoch, { type: 'LEADERINFO' }, io);
    return;
  }
  L.maxAcceptedEpoch = Math.max(L.maxAcceptedEpoch, h.acceptedEpoch);
  if (!h.observer) L.connecting[h.peer] = true;
  const ids = idsWhere(L.connecting);
  io.narrate(h.observer ? 'zab.lead.observerInfo' : 'zab.lead.followerInfo', {
    node: io.id,
    from: h.peer,
    acceptedEpoch: h.acceptedEpoch,
    count: ids.length,
    needed: quorumSize(io.params, io.nodeCount),
  });
  maybeProposeEpoch(state, L, io);
}

function maybeProposeEpoch(state: ZabState, L: LeadingState, io: ZabIO): void {
  if (L.proposedEpoch >= 0) return;
  const ids = idsWhere(L.connecting);
  if (!isQuorum(io.params, io.nodeCount, ids)) return;
  const epoch = L.maxAcceptedEpoch + 1;
  L.proposedEpoch = epoch;
  setAcceptedEpoch(state, epoch, io);
  io.narrate('zab.lead.newEpoch', { node: io.id, epoch, max: L.maxAcceptedEpoch, voters: ids });
  io.setTimer('establish', initLimitMs(io.params));
  for (const h of L.handlers) if (h && h.stage === 'connected') sendOn(h, state.acceptedEpoch, { type: 'LEADERINFO' }, io);
  maybeEstablish(state, L, io);
}

/**
 * StateSummary.isMoreRecentThan: a learner with a higher currentEpoch, or the same one and a
 * higher last zxid, knows transactions this leader may lack, so this leader must not lead.
 */
function isMoreRecent(currentEpoch: number, zxid: number, state: ZabState): boolean {
  return currentEpoch > state.currentEpoch || (currentEpoch === state.currentEpoch && zxid > lastZxid(state.history));
}

/** waitForEpochAck: a quorum that accepted the new epoch establishes this leader for it. */
function onAckEpoch(state: ZabState, L: LeadingState, h: LearnerHandler, m: AckEpoch, io: ZabIO): void {
  if (h.stage !== 'connected') return;
  h.stage = 'epochAcked';
  h.peerLastZxid = m.lastZxid;
  if (state.phase !== 'discovery') {
    syncLearner(state, h, io);
    return;
  }
  if (m.currentEpoch === -1) {
    // It had accepted this epoch before (from another connection): Zab 1.0 counts an acknowledgment once.
    io.narrate('zab.lead.ackEpoch.again', { node: io.id, from: h.peer, epoch: L.proposedEpoch });
    return;
  }
  if (isMoreRecent(m.currentEpoch, m.lastZxid, state)) {
    io.narrate('zab.lead.followerAhead', {
      node: io.id,
      from: h.peer,
      theirEpoch: m.currentEpoch,
      theirZxid: zxidHex(m.lastZxid),
      epoch: state.currentEpoch,
      zxid: zxidHex(lastZxid(state.history)),
    });
    goLooking(state, io);
    return;
  }
  if (!h.observer) L.electing[h.peer] = true;
  io.narrate(h.observer ? 'zab.lead.ackEpoch.observer' : 'zab.lead.ackEpoch', {
    node: io.id,
    from: h.peer,
    epoch: L.proposedEpoch,
    count: idsWhere(L.electing).length,
    needed: quorumSize(io.params, io.nodeCount),
  });
  maybeEstablish(state, L, io);
}

/**
 * LeaderTransitionToSynchronization: the leader writes the new epoch as its currentEpoch. From here
 * on it is the established leader of that epoch (the Leadership invariant counts it), and it syncs
 * every learner that acknowledged.
 */
function maybeEstablish(state: ZabState, L: LeadingState, io: ZabIO): void {
  const ids = idsWhere(L.electing);
  if (state.phase !== 'discovery' || L.proposedEpoch < 0 || !isQuorum(io.params, io.nodeCount, ids)) return;
  setCurrentEpoch(state, L.proposedEpoch, io);
  setPhase(state, 'synchronization', io);
  state.stats.leadershipsEstablished++;
  io.narrate('zab.lead.established', { node: io.id, epoch: L.proposedEpoch, voters: ids });
  io.setTimer('establish', initLimitMs(io.params));
  for (const h of L.handlers) if (h && h.stage === 'epochAcked') syncLearner(state, h, io);
  maybeBroadcast(state, L, io);
}

/** syncFollower: DIFF, TRUNC or SNAP from the learner's last zxid, then NEWLEADER; the learner joins the forwarding set. */
function syncLearner(state: ZabState, h: LearnerHandler, io: ZabIO): void {
  const plan = planSync(state.history, h.peerLastZxid);
  const epoch = state.acceptedEpoch;
  const base = { node: io.id, to: h.peer, theirZxid: zxidHex(h.peerLastZxid), zxid: zxidHex(lastZxid(state.history)) };
  if (plan.mode === 'DIFF') {
    state.stats.diffs++;
    sendOn(h, epoch, { type: 'DIFF', entries: plan.entries }, io);
    io.narrate(plan.entries.length === 0 ? 'zab.lead.sync.same' : 'zab.lead.sync.diff', { ...base, count: plan.entries.length });
  } else if (plan.mode === 'TRUNC') {
    state.stats.truncs++;
    sendOn(h, epoch, { type: 'TRUNC', zxid: plan.zxid, entries: plan.entries }, io);
    io.narrate(plan.entries.length === 0 ? 'zab.lead.sync.trunc' : 'zab.lead.sync.truncDiff', { ...base, truncZxid: zxidHex(plan.zxid), count: plan.entries.length });
  } else {
    state.stats.snaps++;
    sendOn(h, epoch, { type: 'SNAP', history: plan.history }, io);
    io.narrate('zab.lead.sync.snap', { ...base, count: plan.history.length });
  }
  sendOn(h, epoch, { type: 'NEWLEADER', zxid: lastZxid(state.history) }, io);
  h.stage = 'synced';
}

/** waitForNewLeaderAck: a quorum has the leader's history; broadcast begins (LeaderTransitionToBroadcast). */
function onNewLeaderAck(state: ZabState, L: LeadingState, h: LearnerHandler, zxid: number, io: ZabIO): void {
  if (h.stage !== 'synced') return;
  h.ackedZxid = Math.max(h.ackedZxid, zxid);
  L.newLeaderAcked[h.peer] = true;
  if (state.phase === 'broadcast') {
    // A learner joining an established leader: up to date at once.
    io.narrate('zab.lead.uptodate.late', { node: io.id, to: h.peer });
    sendUpToDate(state, h, io);
    return;
  }
  if (state.phase !== 'synchronization') return;
  if (!h.observer) {
    io.narrate('zab.lead.ackNewLeader', {
      node: io.id,
      from: h.peer,
      count: idsWhere(L.newLeaderAcked).filter((id) => isVoter(io.params, id)).length,
      needed: quorumSize(io.params, io.nodeCount),
    });
  }
  maybeBroadcast(state, L, io);
}

function maybeBroadcast(state: ZabState, L: LeadingState, io: ZabIO): void {
  const ids = idsWhere(L.newLeaderAcked);
  if (state.phase !== 'synchronization' || !isQuorum(io.params, io.nodeCount, ids)) return;
  setPhase(state, 'broadcast', io);
  setLeader(state, io.id, io);
  // Its whole history is now on a quorum: all of it is committed (the spec's commitIndex := Len(history)).
  if (state.commitIndex < state.history.length) {
    state.commitIndex = state.history.length;
    io.changed('committedZxid', lastZxid(state.history));
  }
  io.narrate(state.history.length === 0 ? 'zab.lead.broadcast.empty' : 'zab.lead.broadcast', {
    node: io.id,
    epoch: state.currentEpoch,
    voters: ids.filter((id) => isVoter(io.params, id)),
    committed: state.commitIndex,
    zxid: zxidHex(lastZxid(state.history)),
  });
  for (const h of L.handlers) if (h && h.stage === 'synced' && L.newLeaderAcked[h.peer]) sendUpToDate(state, h, io);
  io.cancelTimer('establish');
  L.halfTicks = 0;
  io.setTimer('tick', pingIntervalMs(io.params));
}

/** A phase of establishing leadership took longer than initLimit ticks: give up (Leader.shutdown). */
export function onEstablishTimer(state: ZabState, io: ZabIO): void {
  const L = state.leading;
  if (!L || state.phase === 'broadcast') return;
  // A word key (zab.waiting.…): the packets the leader was waiting for, worded by each language.
  const waiting = L.proposedEpoch < 0 ? 'followerInfo' : state.phase === 'discovery' ? 'ackEpoch' : 'ackNewLeader';
  const have = L.proposedEpoch < 0 ? L.connecting : state.phase === 'discovery' ? L.electing : L.newLeaderAcked;
  io.narrate('zab.lead.establishTimeout', {
    node: io.id,
    waiting,
    voters: idsWhere(have).filter((id) => isVoter(io.params, id)),
    needed: quorumSize(io.params, io.nodeCount),
    ms: initLimitMs(io.params),
    ticks: io.params.initLimit,
  });
  goLooking(state, io);
}
