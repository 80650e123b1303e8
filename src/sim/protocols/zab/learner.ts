import { receiveOn, sendOn } from './channel';
import { countUpTo, indexOfZxid, lastZxid } from './history';
import { goLooking, setAcceptedEpoch, setCurrentEpoch, setLeader, setPhase } from './roles';
import { CONNECT_RETRY_MS, CONNECT_TRIES, initLimitMs, syncLimitMs } from './timing';
import type { Close, Diff, LeaderSession, SessionMessage, Snap, Trunc, Txn, ZabIO, ZabState } from './types';
import { zxidHex } from './zxid';

/*
 * The learner side of ZAB (Learner.java, Follower.java, Observer.java): connect to the elected
 * leader, discovery (FOLLOWERINFO, LEADERINFO, ACKEPOCH), synchronization (DIFF / TRUNC / SNAP,
 * NEWLEADER, UPTODATE), then broadcast (PROPOSAL, ACK, COMMIT; INFORM for observers). The TLA+
 * spec's FollowerSendFOLLOWERINFO, FollowerHandleLEADERINFO, FollowerHandleNEWLEADER,
 * FollowerHandleUPTODATE, FollowerHandlePROPOSAL, FollowerHandleCOMMIT, FollowerTimout.
 */

/** Entry action of FOLLOWING (Follower.followLeader). */
export function followLeader(state: ZabState, io: ZabIO): void {
  startLearning(state, io);
}

/** Entry action of OBSERVING (Observer.observeLeader): the same handshake, announced as OBSERVERINFO. */
export function observeLeader(state: ZabState, io: ZabIO): void {
  startLearning(state, io);
}

function startLearning(state: ZabState, io: ZabIO): void {
  setPhase(state, 'discovery', io);
  state.connectTries = 0;
  io.narrate(state.observer ? 'zab.learn.observe' : 'zab.learn.follow', {
    node: io.id,
    leader: state.vote.leader,
    acceptedEpoch: state.acceptedEpoch,
  });
  connect(state, io);
}

function connect(state: ZabState, io: ZabIO): void {
  state.connectTries++;
  state.sessionsOpened++;
  const session: LeaderSession = {
    id: `S${io.id}.${state.bootAt}.${state.sessionsOpened}`,
    peer: state.vote.leader,
    seqOut: 0,
    nextIn: 0,
    buffer: [],
    stage: 'connecting',
  };
  state.session = session;
  sendOn(session, state.acceptedEpoch, { type: state.observer ? 'OBSERVERINFO' : 'FOLLOWERINFO' }, io);
  io.setTimer('leader', initLimitMs(io.params));
}

/** Exit action of FOLLOWING and OBSERVING: close the connection (the leader's LearnerHandler sees it end). */
export function stopLearning(state: ZabState, io: ZabIO): void {
  const s = state.session;
  if (s) sendOn(s, state.acceptedEpoch, { type: 'CLOSE', reason: 'shutdown' }, io);
  state.session = null;
  io.cancelTimer('leader');
  io.cancelTimer('reconnect');
  setLeader(state, null, io);
}

/** A message on the current connection to the leader, delivered in stream order. */
export function onLeaderMessage(state: ZabState, msg: SessionMessage, io: ZabIO): void {
  const s = state.session!;
  for (const m of receiveOn(s, msg)) {
    if (state.session !== s) return; // the connection ended while handling an earlier message
    handle(state, s, m, io);
  }
}

function handle(state: ZabState, s: LeaderSession, m: SessionMessage, io: ZabIO): void {
  if (m.type === 'CLOSE') {
    onClosed(state, s, m, io);
    return;
  }
  // Any packet from the leader resets the socket timeout.
  io.setTimer('leader', s.stage === 'uptodate' ? syncLimitMs(io.params) : initLimitMs(io.params));
  switch (m.type) {
    case 'LEADERINFO':
      onLeaderInfo(state, s, m.epoch, io);
      return;
    case 'DIFF':
    case 'TRUNC':
    case 'SNAP':
      onSync(state, s, m, io);
      return;
    case 'NEWLEADER':
      if (s.stage !== 'epochAcked') return;
      setCurrentEpoch(state, m.epoch, io);
      s.stage = 'synced';
      io.narrate('zab.learn.newLeader', { node: io.id, leader: s.peer, epoch: m.epoch, zxid: zxidHex(lastZxid(state.history)) });
      sendOn(s, state.acceptedEpoch, { type: 'ACK', zxid: lastZxid(state.history), newLeader: true }, io);
      return;
    case 'UPTODATE':
      if (s.stage !== 'synced') return;
      s.stage = 'uptodate';
      setPhase(state, 'broadcast', io);
      setLeader(state, s.peer, io);
      commitUpTo(state, m.committedZxid, io);
      io.setTimer('leader', syncLimitMs(io.params));
      io.narrate(state.observer ? 'zab.learn.uptodate.observer' : 'zab.learn.uptodate', {
        node: io.id,
        leader: s.peer,
        epoch: state.currentEpoch,
        committed: state.commitIndex,
      });
      return;
    case 'PROPOSAL':
      if (s.stage !== 'synced' && s.stage !== 'uptodate') return;
      if (append(state, m.txn, io)) {
        io.narrate('zab.learn.logged', { node: io.id, leader: s.peer, zxid: zxidHex(m.txn.zxid), value: m.txn.value });
      }
      sendOn(s, state.acceptedEpoch, { type: 'ACK', zxid: m.txn.zxid, newLeader: false }, io);
      return;
    case 'COMMIT':
      if ((s.stage === 'synced' || s.stage === 'uptodate') && commitUpTo(state, m.zxid, io)) {
        const txn = state.history[state.commitIndex - 1];
        io.narrate('zab.learn.commit', { node: io.id, leader: s.peer, zxid: zxidHex(m.zxid), value: txn.value });
      }
      return;
    case 'INFORM':
      if (s.stage !== 'synced' && s.stage !== 'uptodate') return;
      append(state, m.txn, io);
      if (commitUpTo(state, m.txn.zxid, io)) {
        io.narrate('zab.learn.inform', { node: io.id, leader: s.peer, zxid: zxidHex(m.txn.zxid), value: m.txn.value });
      }
      return;
    case 'PING':
      sendOn(s, state.acceptedEpoch, { type: 'PING' }, io);
      return;
    default:
      return; // learner-to-leader packets have no business here
  }
}

/**
 * Learner.registerWithLeader, on LEADERINFO: a new epoch is accepted (and written to disk); the
 * epoch already accepted is acknowledged with currentEpoch -1 (Zab 1.0: a server acknowledges an
 * epoch once, so it cannot help two leaders establish the same epoch); a lower epoch than one
 * already accepted means an old leader: refuse it.
 */
function onLeaderInfo(state: ZabState, s: LeaderSession, epoch: number, io: ZabIO): void {
  if (s.stage !== 'connecting') return;
  if (epoch < state.acceptedEpoch) {
    io.narrate('zab.learn.epochLower', { node: io.id, leader: s.peer, epoch, acceptedEpoch: state.acceptedEpoch });
    goLooking(state, io);
    return;
  }
  const fresh = epoch > state.acceptedEpoch;
  if (fresh) setAcceptedEpoch(state, epoch, io);
  s.stage = 'epochAcked';
  setPhase(state, 'synchronization', io);
  io.narrate(fresh ? 'zab.learn.ackEpoch' : 'zab.learn.ackEpoch.again', {
    node: io.id,
    leader: s.peer,
    epoch,
    currentEpoch: state.currentEpoch,
    zxid: zxidHex(lastZxid(state.history)),
  });
  sendOn(s, state.acceptedEpoch, { type: 'ACKEPOCH', currentEpoch: fresh ? state.currentEpoch : -1, lastZxid: lastZxid(state.history) }, io);
}

function onSync(state: ZabState, s: LeaderSession, m: Diff | Trunc | Snap, io: ZabIO): void {
  if (s.stage !== 'epochAcked') return;
  const before = lastZxid(state.history);
  const base = { node: io.id, leader: s.peer, before: zxidHex(before) };
  if (m.type === 'DIFF') {
    let added = 0;
    for (const txn of m.entries) if (append(state, txn, io)) added++;
    io.narrate(added === 0 ? 'zab.sync.diff.empty' : 'zab.sync.diff', { ...base, count: added, after: zxidHex(lastZxid(state.history)) });
    return;
  }
  if (m.type === 'TRUNC') {
    const keep = countUpTo(state.history, m.zxid);
    const removed = state.history.slice(keep);
    if (removed.length > 0) rewrite(state, state.history.slice(0, keep), keep, io);
    let added = 0;
    for (const txn of m.entries) if (append(state, txn, io)) added++;
    io.narrate(added === 0 ? 'zab.sync.trunc' : 'zab.sync.trunc.diff', {
      ...base,
      zxid: zxidHex(m.zxid),
      removed: removed.length,
      removedZxids: removed.map((t) => zxidHex(t.zxid)).join(', '),
      count: added,
      after: zxidHex(lastZxid(state.history)),
    });
    return;
  }
  // SNAP: the leader's whole state replaces ours; what was committed here and agrees stays committed.
  let common = 0;
  while (common < state.history.length && common < m.history.length && sameTxn(state.history[common], m.history[common])) common++;
  rewrite(state, m.history.slice(), common, io);
  io.narrate('zab.sync.snap', { ...base, count: m.history.length, after: zxidHex(lastZxid(state.history)) });
}

function sameTxn(a: Txn, b: Txn): boolean {
  return a.zxid === b.zxid && a.value === b.value;
}

/** Replaces the log (TRUNC, SNAP); the committed prefix cannot reach past what stayed the same. */
function rewrite(state: ZabState, history: Txn[], unchanged: number, io: ZabIO): void {
  state.history = history;
  state.historyRewrites++;
  if (state.commitIndex > unchanged) state.commitIndex = unchanged;
  io.changed('lastZxid', lastZxid(history));
}

/** Logs a transaction after the last one; false for one already logged (a duplicate). */
function append(state: ZabState, txn: Txn, io: ZabIO): boolean {
  if (txn.zxid <= lastZxid(state.history)) return false;
  state.history.push(txn);
  io.changed('lastZxid', txn.zxid);
  return true;
}

/** Commits (delivers) every logged transaction up to `zxid`; false if nothing new. */
export function commitUpTo(state: ZabState, zxid: number, io: ZabIO): boolean {
  const idx = indexOfZxid(state.history, zxid);
  if (idx < 0 || idx + 1 <= state.commitIndex) return false;
  state.commitIndex = idx + 1;
  io.changed('committedZxid', zxid);
  return true;
}

function onClosed(state: ZabState, s: LeaderSession, m: Close, io: ZabIO): void {
  state.session = null;
  if (s.stage === 'connecting' && m.reason === 'refused' && state.connectTries < CONNECT_TRIES) {
    io.narrate('zab.learn.refused.retry', { node: io.id, leader: s.peer, tries: state.connectTries, retryMs: CONNECT_RETRY_MS });
    io.setTimer('reconnect', CONNECT_RETRY_MS);
    return;
  }
  io.narrate(m.reason === 'refused' ? 'zab.learn.refused' : 'zab.learn.closed', { node: io.id, leader: s.peer, tries: state.connectTries });
  goLooking(state, io);
}

export function onReconnectTimer(state: ZabState, io: ZabIO): void {
  if ((state.state === 'following' || state.state === 'observing') && state.session === null) connect(state, io);
}

/** FollowerTimout: the leader said nothing for the socket timeout; the connection is given up. */
export function onLeaderTimer(state: ZabState, io: ZabIO): void {
  if (state.state !== 'following' && state.state !== 'observing') return;
  const uptodate = state.session?.stage === 'uptodate';
  const ms = uptodate ? syncLimitMs(io.params) : initLimitMs(io.params);
  io.narrate(uptodate ? 'zab.learn.leaderSilent' : 'zab.learn.leaderSilent.init', {
    node: io.id,
    leader: state.vote.leader,
    ms,
    ticks: uptodate ? io.params.syncLimit : io.params.initLimit,
  });
  goLooking(state, io);
}

/** A client write at a learner: forwarded to the leader once this learner serves (after UPTODATE). */
export function forwardRequest(state: ZabState, value: string, io: ZabIO): boolean {
  const s = state.session;
  if (!s || s.stage !== 'uptodate') return false;
  io.narrate('zab.request.forward', { node: io.id, leader: s.peer, value });
  sendOn(s, state.acceptedEpoch, { type: 'REQUEST', value }, io);
  return true;
}
