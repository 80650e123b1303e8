import type { ClusterSnapshot, NodeView } from '../../kernel/protocol';
import { lastZxid } from './history';
import type { Txn, Vote, ZabPersisted, ZabState } from './types';
import { counterOf, epochOf, zxidHex } from './zxid';

function voteView(v: Vote | null): { leader: number | null; zxid: number | null; epoch: number | null } {
  if (!v || v.leader === 0) return { leader: null, zxid: null, epoch: null };
  return { leader: v.leader, zxid: v.zxid, epoch: v.epoch };
}

function historyView(history: readonly Txn[]): { zxid: number; value: string }[] {
  return history.map((t) => ({ zxid: t.zxid, value: t.value }));
}

function zxidParts(z: number): { hex: string; epoch: number; counter: number } {
  return { hex: zxidHex(z), epoch: epochOf(z), counter: counterOf(z) };
}

/**
 * Contract 2 node fields first: state, vote {leader, zxid, epoch}, round, acceptedEpoch,
 * currentEpoch, lastZxid, leader (the leader it serves in the broadcast phase, itself when
 * leading, else null), committed (zxids in order). Then: phase, observer, lastZxidParts
 * ({hex, epoch, counter}), history ([{zxid, value}]), and on a leader `learners` (each learner's
 * handshake stage by id). A down server shows what it has on disk, LOOKING with no vote.
 */
export function zabView(state: ZabState | null, persisted: ZabPersisted | undefined, _id: number): NodeView {
  if (!state) {
    const p = persisted ?? { currentEpoch: 0, acceptedEpoch: 0, history: [] };
    const last = lastZxid(p.history);
    return {
      state: 'looking',
      vote: voteView(null),
      round: 0,
      acceptedEpoch: p.acceptedEpoch,
      currentEpoch: p.currentEpoch,
      lastZxid: last,
      leader: null,
      committed: [],
      phase: 'election',
      lastZxidParts: zxidParts(last),
      history: historyView(p.history),
    };
  }
  const last = lastZxid(state.history);
  const view: NodeView = {
    state: state.state,
    vote: voteView(state.vote),
    round: state.round,
    acceptedEpoch: state.acceptedEpoch,
    currentEpoch: state.currentEpoch,
    lastZxid: last,
    leader: state.leader,
    committed: state.history.slice(0, state.commitIndex).map((t) => t.zxid),
    phase: state.phase,
    observer: state.observer,
    lastZxidParts: zxidParts(last),
    history: historyView(state.history),
  };
  if (state.leading) {
    const learners: Record<string, string> = {};
    state.leading.handlers.forEach((h, id) => {
      if (h) learners[String(id)] = h.stage;
    });
    view.learners = learners;
  }
  return view;
}

/** The established leader (LEADING, in the broadcast phase) with the highest epoch; the status line says "Leader: S3, epoch 4". */
export function zabLeader(cluster: ClusterSnapshot<ZabState>): { id: number; term: number } | null {
  let best: { id: number; term: number } | null = null;
  for (let id = 1; id <= cluster.nodeCount; id++) {
    const s = cluster.states[id];
    if (s && s.state === 'leading' && s.phase === 'broadcast' && (!best || s.currentEpoch > best.term)) best = { id, term: s.currentEpoch };
  }
  return best;
}

/** `run --json` metrics. Counters live in server state, so a restart resets that server's own. */
export function zabMetrics(cluster: ClusterSnapshot<ZabState>): Record<string, unknown> {
  let electionsStarted = 0;
  let leadershipsEstablished = 0;
  let proposals = 0;
  let diffs = 0;
  let truncs = 0;
  let snaps = 0;
  let maxEpoch = 0;
  let committedTransactions = 0;
  let looking = 0;
  for (let id = 1; id <= cluster.nodeCount; id++) {
    const s = cluster.states[id];
    const p = cluster.persisted[id] as ZabPersisted | undefined;
    if (s) {
      electionsStarted += s.stats.electionsStarted;
      leadershipsEstablished += s.stats.leadershipsEstablished;
      proposals += s.stats.proposals;
      diffs += s.stats.diffs;
      truncs += s.stats.truncs;
      snaps += s.stats.snaps;
      maxEpoch = Math.max(maxEpoch, s.acceptedEpoch);
      committedTransactions = Math.max(committedTransactions, s.commitIndex);
      if (s.state === 'looking') looking++;
    } else if (p) maxEpoch = Math.max(maxEpoch, p.acceptedEpoch);
  }
  const leader = zabLeader(cluster);
  return {
    leader: leader ? leader.id : null,
    leaderEpoch: leader ? leader.term : null,
    maxEpoch,
    committedTransactions,
    looking,
    electionsStarted,
    leadershipsEstablished,
    proposals,
    syncs: { diff: diffs, trunc: truncs, snap: snaps },
  };
}
