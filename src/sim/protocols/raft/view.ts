import type { ClusterSnapshot, NodeView } from '../../kernel/protocol';
import type { LogEntry, RaftPersisted, RaftState } from './types';

function copyLog(log: readonly LogEntry[]): { term: number; value: string | null }[] {
  return log.map((e) => ({ term: e.term, value: e.value }));
}

function perPeer(values: readonly number[], self: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (let id = 1; id < values.length; id++) if (id !== self) out[String(id)] = values[id];
  return out;
}

/**
 * Contract 2 node fields: role, term, votedFor, leader, log ([{term, value}], value null for a
 * no-op), commitIndex; then lastApplied, kv (the state machine), electionTimeoutMs, and for a
 * leader nextIndex and matchIndex by follower id. A down node shows what it has on disk, as a
 * follower that knows no leader and has committed nothing.
 */
export function raftView(state: RaftState | null, persisted: RaftPersisted | undefined, id: number): NodeView {
  if (!state) {
    const p = persisted ?? { term: 0, votedFor: null, log: [] };
    return { role: 'follower', term: p.term, votedFor: p.votedFor, leader: null, log: copyLog(p.log), commitIndex: 0, lastApplied: 0, kv: {} };
  }
  const view: NodeView = {
    role: state.role,
    term: state.term,
    votedFor: state.votedFor,
    leader: state.leader,
    log: copyLog(state.log),
    commitIndex: state.commitIndex,
    lastApplied: state.lastApplied,
    kv: Object.fromEntries(state.kv),
    electionTimeoutMs: state.electionTimeoutMs,
  };
  if (state.role === 'leader') {
    view.nextIndex = perPeer(state.nextIndex, id);
    view.matchIndex = perPeer(state.matchIndex, id);
  }
  return view;
}

/** The status line's leader: the live leader with the highest term (lowest id on a tie), or null. */
export function raftLeader(cluster: ClusterSnapshot<RaftState>): { id: number; term: number } | null {
  let best: { id: number; term: number } | null = null;
  for (let id = 1; id <= cluster.nodeCount; id++) {
    const s = cluster.states[id];
    if (s && s.role === 'leader' && (!best || s.term > best.term)) best = { id, term: s.term };
  }
  return best;
}

/** `run --json` metrics. Counters live in node state, so a node's restart resets its own. */
export function raftMetrics(cluster: ClusterSnapshot<RaftState>): Record<string, unknown> {
  let preVotesStarted = 0;
  let electionsStarted = 0;
  let leadershipsWon = 0;
  let appendRejections = 0;
  let maxTerm = 0;
  let committedEntries = 0;
  let longestLog = 0;
  for (let id = 1; id <= cluster.nodeCount; id++) {
    const s = cluster.states[id];
    const p = cluster.persisted[id] as RaftPersisted | undefined;
    if (s) {
      preVotesStarted += s.stats.preVotesStarted;
      electionsStarted += s.stats.electionsStarted;
      leadershipsWon += s.stats.leadershipsWon;
      appendRejections += s.stats.appendRejections;
      maxTerm = Math.max(maxTerm, s.term);
      committedEntries = Math.max(committedEntries, s.commitIndex);
      longestLog = Math.max(longestLog, s.log.length);
    } else if (p) {
      maxTerm = Math.max(maxTerm, p.term);
      longestLog = Math.max(longestLog, p.log.length);
    }
  }
  const leader = raftLeader(cluster);
  return {
    leader: leader ? leader.id : null,
    leaderTerm: leader ? leader.term : null,
    maxTerm,
    committedEntries,
    longestLog,
    preVotesStarted,
    electionsStarted,
    leadershipsWon,
    appendRejections,
  };
}
