import { answerWrite } from './clientReplies';
import { applyToKv, termAt } from './log';
import { quorumSize } from './quorum';
import type { RaftIO, RaftState } from './types';

/* Scratch space for the replication counts (reused: the hot path allocates nothing). */
const counts: number[] = [];

/** The highest index stored on `needed` servers: the needed-th largest matchIndex, counting the leader's own log. */
function quorumMatchIndex(state: RaftState, io: RaftIO, needed: number): number {
  const n = io.nodeCount;
  counts.length = 0;
  for (let id = 1; id <= n; id++) {
    const m = id === io.id ? state.log.length : state.matchIndex[id];
    // Insertion sort, descending: n is small and this runs on every acknowledgement.
    let j = counts.length;
    counts.push(m);
    while (j > 0 && counts[j - 1] < m) {
      counts[j] = counts[j - 1];
      j--;
    }
    counts[j] = m;
  }
  return counts[needed - 1];
}

function replicasOf(state: RaftState, io: RaftIO, index: number): string {
  const ids: string[] = [];
  for (let id = 1; id <= io.nodeCount; id++) {
    if ((id === io.id ? state.log.length : state.matchIndex[id]) >= index) ids.push(`S${id}`);
  }
  return ids.join(', ');
}

/**
 * A leader advances its commitIndex to the highest index a quorum stores, but only if that entry
 * is from its own term (Raft §5.4.2, Figure 8): counting replicas of an older entry is not enough,
 * because a server with a newer last term can still be elected and overwrite it. Earlier entries
 * are then committed with it (Log Matching). The unsafe switch `commitOldTermByCount` drops the
 * term condition; `commitWithoutMajority` counts one server fewer than a majority.
 */
export function advanceCommit(state: RaftState, io: RaftIO): void {
  const majority = quorumSize(io.nodeCount, io.params);
  const needed = io.params.unsafe.commitWithoutMajority ? Math.max(1, majority - 1) : majority;
  const n = quorumMatchIndex(state, io, needed);
  if (n <= state.commitIndex) return;
  const entryTerm = termAt(state.log, n);
  const value = state.log[n - 1].value;
  if (entryTerm !== state.term) {
    if (!io.params.unsafe.commitOldTermByCount) {
      if (state.commitHeldBackAt < n) {
        state.commitHeldBackAt = n;
        io.narrate('raft.commit.heldBack', {
          node: io.id,
          index: n,
          entryTerm,
          term: state.term,
          replicas: replicasOf(state, io, n),
        });
      }
      return;
    }
    io.narrate('raft.commit.oldTermUnsafe', { node: io.id, index: n, entryTerm, term: state.term, replicas: replicasOf(state, io, n) });
  } else if (needed < majority && quorumMatchIndex(state, io, majority) < n) {
    io.narrate('raft.commit.shortUnsafe', { node: io.id, index: n, term: entryTerm, value, replicas: replicasOf(state, io, n), needed: majority, nodes: io.nodeCount });
  } else {
    // Entries of earlier terms that become committed only now, with this one (§5.4.2).
    let earlier = 0;
    for (let i = state.commitIndex + 1; i < n && state.log[i - 1].term < state.term; i++) earlier++;
    io.narrate(earlier > 0 ? 'raft.commit.advanceWithEarlier' : 'raft.commit.advance', {
      node: io.id,
      index: n,
      term: entryTerm,
      value,
      replicas: replicasOf(state, io, n),
      needed: quorumSize(io.nodeCount, io.params),
      nodes: io.nodeCount,
      earlier,
    });
  }
  setCommitIndex(state, io, n);
}

/** Sets commitIndex and applies the newly committed entries to the key-value state machine (Figure 2). */
export function setCommitIndex(state: RaftState, io: RaftIO, index: number): void {
  state.commitIndex = index;
  io.changed('commitIndex', index);
  const upTo = Math.min(index, state.log.length);
  for (let i = state.lastApplied + 1; i <= upTo; i++) {
    const entry = state.log[i - 1];
    applyToKv(state.kv, entry.value);
    answerWrite(state, io, i, entry, false);
  }
  if (upTo > state.lastApplied) state.lastApplied = upTo;
}
