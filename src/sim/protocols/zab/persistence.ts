import { lastZxid, synthesizeHistory } from './history';
import type { ZabInit, ZabParams } from './params';
import { enterInitialState } from './roles';
import type { ZabIO, ZabPersisted, ZabState } from './types';
import { NO_VOTE } from './vote';
import { epochOf, zxidFromInit, zxidHex } from './zxid';

/**
 * What a server has on disk before it starts, from the scenario's `init` (Contract 1): the
 * transaction log up to `zxid`, synthesized as the transactions (e, 1) … (e, c) of the zxid's
 * epoch e with the values "init-0x…" (the same zxid gets the same value on every server), and the
 * two epoch files: currentEpoch (`epoch`, default the zxid's epoch) and acceptedEpoch (default
 * currentEpoch). So `zxid: 123` is epoch 0, counter 123 (0x7b): 123 transactions of epoch 0.
 */
export function initialPersisted(_id: number, init: unknown, _params: ZabParams): ZabPersisted {
  const given = (init ?? {}) as ZabInit;
  const last = zxidFromInit(given.zxid);
  const currentEpoch = given.epoch ?? epochOf(last);
  return { currentEpoch, acceptedEpoch: given.acceptedEpoch ?? currentEpoch, history: synthesizeHistory(last) };
}

/** The transaction log and the epoch files survive a crash; the election round and everything else is volatile. */
export function persist(state: ZabState): ZabPersisted {
  return { currentEpoch: state.currentEpoch, acceptedEpoch: state.acceptedEpoch, history: state.history.slice() };
}

/**
 * A server starts (at time 0 or on restart) from its disk, LOOKING, in round 0 (logicalclock is
 * volatile), with nothing committed: what it delivers is rebuilt from the leader's UPTODATE.
 */
export function boot(persisted: ZabPersisted, io: ZabIO): ZabState {
  const n = io.nodeCount;
  const state: ZabState = {
    state: 'looking',
    phase: 'election',
    observer: io.params.observers.includes(io.id),
    currentEpoch: persisted.currentEpoch,
    acceptedEpoch: persisted.acceptedEpoch,
    history: persisted.history,
    commitIndex: 0,
    historyRewrites: 0,
    bootAt: io.now,
    leader: null,
    round: 0,
    vote: NO_VOTE,
    recv: [],
    outOfElection: [],
    notifyTimeoutMs: io.params.finalizeWait,
    finalizing: false,
    noteSeq: 0,
    noteInc: new Array<number>(n + 1).fill(-1),
    noteSeen: new Array<number>(n + 1).fill(0),
    session: null,
    connectTries: 0,
    sessionsOpened: 0,
    leading: null,
    stats: { electionsStarted: 0, leadershipsEstablished: 0, proposals: 0, diffs: 0, truncs: 0, snaps: 0 },
  };
  io.narrate(state.observer ? 'zab.boot.observer' : 'zab.boot', {
    node: io.id,
    epoch: state.currentEpoch,
    acceptedEpoch: state.acceptedEpoch,
    zxid: zxidHex(lastZxid(state.history)),
    entries: state.history.length,
  });
  enterInitialState(state, io);
  return state;
}
