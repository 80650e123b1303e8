import { answerWrite } from './clientReplies';
import { advanceCommit, setCommitIndex } from './commit';
import { firstIndexOfTermRun, lastIndexOfTerm, termAt, truncateFrom } from './log';
import { followsEtcd } from './params';
import { resetElectionTimer } from './quorum';
import { adoptTerm, fallBackToLeader, heardFromLeader } from './roles';
import { sendAppend } from './send';
import type { AppendEntries, AppendEntriesResponse, LogEntry, RaftIO, RaftState } from './types';

function accept(io: RaftIO, to: number, term: number, matchIndex: number): void {
  const msg: AppendEntriesResponse = { type: 'AppendEntriesResponse', term, success: true, matchIndex };
  io.send(to, msg);
}

function reject(io: RaftIO, to: number, term: number, rejectedIndex: number, conflictIndex: number, conflictTerm: number): void {
  const msg: AppendEntriesResponse = { type: 'AppendEntriesResponse', term, success: false, matchIndex: 0, rejectedIndex, conflictIndex, conflictTerm };
  io.send(to, msg);
}

/** Raft Figure 2, AppendEntries receiver (§5.1–5.3). */
export function handleAppendEntries(state: RaftState, from: number, msg: AppendEntries, io: RaftIO): void {
  const leader = msg.leaderId;
  if (msg.term < state.term) {
    // etcd answers a stale leader only with CheckQuorum or PreVote on (so that it steps down and
    // frees a stuck candidate); otherwise it drops the message.
    if (followsEtcd(io.params) && !io.params.checkQuorum && !io.params.preVote) {
      io.narrate('raft.append.ignore.staleTerm', { node: io.id, leader, term: msg.term, currentTerm: state.term });
      return;
    }
    // Rule 1: reply false; the stale leader learns the newer term from the reply and steps down.
    state.stats.appendRejections++;
    io.narrate('raft.append.reject.staleTerm', { node: io.id, leader, term: msg.term, currentTerm: state.term });
    reject(io, from, state.term, msg.prevLogIndex, 0, 0);
    return;
  }
  if (msg.term > state.term) adoptTerm(state, msg.term, io, from, 'AppendEntries');
  if (state.role === 'leader') {
    // Two leaders in one term: Election Safety is already broken (only an unsafe switch gets here).
    io.narrate('raft.append.twoLeaders', { node: io.id, leader, term: msg.term });
    return;
  }
  if (state.role !== 'follower') fallBackToLeader(state, leader, io);
  heardFromLeader(state, leader, io);
  resetElectionTimer(state, io, false);

  const log = state.log;
  const prev = msg.prevLogIndex;
  // Unsafe: the leader's commitIndex taken up to this log's own end before the log is checked and
  // repaired (where it is fine as it is, rule 5 below does the same, past the last new entry).
  if (io.params.unsafe.followerCommitBeyondLastNew && !fitsAsIs(log, msg, io)) learnCommit(state, io, leader, Math.min(msg.leaderCommit, log.length), true);
  // Rule 2: the log must contain an entry at prevLogIndex whose term is prevLogTerm.
  if (prev > log.length) {
    state.stats.appendRejections++;
    io.narrate('raft.append.reject.missing', { node: io.id, leader, prevLogIndex: prev, lastIndex: log.length, conflictIndex: log.length + 1 });
    reject(io, from, state.term, prev, log.length + 1, 0);
    return;
  }
  const myTerm = termAt(log, prev);
  if (myTerm !== msg.prevLogTerm && io.params.unsafe.skipPrevLogTermCheck) {
    io.narrate('raft.append.prevTermUnchecked', { node: io.id, leader, prevLogIndex: prev, prevLogTerm: msg.prevLogTerm, myTerm });
  } else if (myTerm !== msg.prevLogTerm) {
    state.stats.appendRejections++;
    const conflictIndex = firstIndexOfTermRun(log, prev);
    io.narrate('raft.append.reject.conflict', {
      node: io.id,
      leader,
      prevLogIndex: prev,
      prevLogTerm: msg.prevLogTerm,
      myTerm,
      conflictIndex,
    });
    reject(io, from, state.term, prev, conflictIndex, myTerm);
    return;
  }
  // Rules 3–4: delete a conflicting suffix, append what is new. Entries that match stay: a
  // delayed, shorter AppendEntries must not cut off entries a later one delivered.
  const entries = msg.entries;
  let i = 0;
  for (; i < entries.length; i++) {
    const index = prev + 1 + i;
    if (index > log.length) break;
    const ours = log[index - 1].term;
    if (ours !== entries[i].term) {
      const key = index <= state.commitIndex ? 'raft.append.truncateCommitted' : index === log.length ? 'raft.append.truncateOne' : 'raft.append.truncate';
      io.narrate(key, {
        node: io.id,
        leader,
        from: index,
        count: log.length - index + 1,
        ourTerm: ours,
        theirTerm: entries[i].term,
      });
      truncateFrom(state, index);
      break;
    }
  }
  if (i < entries.length) {
    const first = log.length + 1;
    for (; i < entries.length; i++) {
      log.push(entries[i]);
      if (io.params.unsafe.ackBeforeCommit) answerWrite(state, io, log.length, entries[i], true);
    }
    if (log.length === first) {
      const e = log[first - 1];
      io.narrate('raft.append.acceptOne', { node: io.id, leader, first, term: e.term, value: e.value });
    } else io.narrate('raft.append.accept', { node: io.id, leader, first, last: log.length, count: log.length - first + 1 });
  }
  // Rule 5: commit up to the leader's commitIndex, but not past what is known to match it.
  const lastNew = prev + entries.length;
  const unchecked = io.params.unsafe.followerCommitBeyondLastNew;
  learnCommit(state, io, leader, Math.min(msg.leaderCommit, unchecked ? log.length : lastNew), unchecked && msg.leaderCommit > lastNew);
  accept(io, from, state.term, lastNew);
}

/** Whether AppendEntries passes the consistency check and conflicts with no entry this log holds. */
function fitsAsIs(log: readonly LogEntry[], msg: AppendEntries, io: RaftIO): boolean {
  const prev = msg.prevLogIndex;
  if (prev > log.length || (termAt(log, prev) !== msg.prevLogTerm && !io.params.unsafe.skipPrevLogTermCheck)) return false;
  for (let i = 0; i < msg.entries.length && prev + 1 + i <= log.length; i++) if (log[prev + i].term !== msg.entries[i].term) return false;
  return true;
}

/** Commits up to `index` as the leader said (Figure 2 rule 5); `beyondMatch`: past what AppendEntries matched (unsafe). */
function learnCommit(state: RaftState, io: RaftIO, leader: number, index: number, beyondMatch: boolean): void {
  if (index <= state.commitIndex) return;
  const value = state.log[index - 1].value;
  if (beyondMatch) io.narrate('raft.commit.learnUnchecked', { node: io.id, leader, index, value, count: index - state.commitIndex });
  else if (index - state.commitIndex === 1) io.narrate('raft.commit.learnOne', { node: io.id, leader, index, value });
  else io.narrate('raft.commit.learn', { node: io.id, leader, index, value, count: index - state.commitIndex });
  setCommitIndex(state, io, index);
}

/**
 * The leader's side of AppendEntries (§5.3): on success advance matchIndex/nextIndex and try to
 * commit; on a mismatch back nextIndex off (to the follower's hint) and retry at once.
 */
export function handleAppendEntriesResponse(state: RaftState, from: number, msg: AppendEntriesResponse, io: RaftIO): void {
  if (msg.term > state.term) {
    adoptTerm(state, msg.term, io, from, 'AppendEntriesResponse');
    return;
  }
  if (state.role !== 'leader' || msg.term !== state.term) return;
  state.recentlyActive[from] = true;
  if (msg.success) {
    if (msg.matchIndex <= state.matchIndex[from]) return; // a duplicate or reordered reply
    state.matchIndex[from] = msg.matchIndex;
    if (state.nextIndex[from] <= msg.matchIndex) state.nextIndex[from] = msg.matchIndex + 1;
    // Only a follower that now stores something uncommitted can move the commit point.
    if (msg.matchIndex > state.commitIndex) advanceCommit(state, io);
    // Keep a lagging follower streaming instead of waiting for the next heartbeat.
    if (state.nextIndex[from] <= state.log.length && state.role === 'leader') sendAppend(state, io, from);
    return;
  }
  // Only the reply to the probe at nextIndex - 1 counts; older ones were already acted on.
  const rejectedIndex = msg.rejectedIndex ?? 0;
  const conflictIndex = msg.conflictIndex ?? 0;
  const conflictTerm = msg.conflictTerm ?? 0;
  if (rejectedIndex !== state.nextIndex[from] - 1) return;
  let next: number;
  let viaTerm = false;
  if (conflictTerm > 0) {
    // Thesis §5.3: skip the follower's whole run of conflictTerm, or past our own last entry of it.
    const ours = lastIndexOfTerm(state.log, conflictTerm, rejectedIndex);
    next = ours > 0 ? ours + 1 : conflictIndex;
    viaTerm = ours > 0;
  } else next = conflictIndex;
  next = Math.max(state.matchIndex[from] + 1, Math.min(next, rejectedIndex));
  // No step back is possible: the refusal is a late copy of one already acted on (the follower
  // matched further since), or the follower once matched further and the leader rewrote its own
  // log (an unsafe switch). The same request again would change nothing, so it waits for the
  // heartbeat instead of trading refusals at network speed (duplicated refusals grew that into a
  // storm of millions of messages with overwriteCommitted).
  const moved = next !== state.nextIndex[from];
  state.nextIndex[from] = next;
  const key = conflictTerm === 0 ? 'raft.append.backoff.missing' : viaTerm ? 'raft.append.backoff.skipTerm' : 'raft.append.backoff.termStart';
  io.narrate(key, {
    node: io.id,
    follower: from,
    rejectedIndex,
    conflictTerm,
    conflictIndex,
    nextIndex: next,
  });
  if (moved) sendAppend(state, io, from);
}
