import { termAt } from './log';
import type { LogEntry, RaftIO, RaftState } from './types';

const NO_ENTRIES: readonly LogEntry[] = Object.freeze([]) as readonly LogEntry[];

/**
 * Raft §5.3: AppendEntries to one follower, carrying the entries from its nextIndex on (at most
 * `maxEntriesPerAppend`), the entry just before them for the consistency check, and the
 * leader's commitIndex. With nothing new it is a heartbeat (§5.2).
 */
export function sendAppend(state: RaftState, io: RaftIO, peer: number): void {
  const log = state.log;
  const prev = state.nextIndex[peer] - 1;
  const end = Math.min(log.length, prev + io.params.maxEntriesPerAppend);
  io.send(peer, {
    type: 'AppendEntries',
    term: state.term,
    leaderId: io.id,
    prevLogIndex: prev,
    prevLogTerm: termAt(log, prev),
    entries: end > prev ? log.slice(prev, end) : NO_ENTRIES,
    leaderCommit: state.commitIndex,
  });
}

/**
 * AppendEntries to every follower, then the next heartbeat one interval later: whoever just
 * heard from the leader need not hear again sooner.
 */
export function broadcastAppend(state: RaftState, io: RaftIO): void {
  for (let peer = 1; peer <= io.nodeCount; peer++) if (peer !== io.id) sendAppend(state, io, peer);
  io.setTimer('heartbeat', io.params.heartbeatInterval);
}
