import { answerWrite, awaitWrite } from './clientReplies';
import { advanceCommit } from './commit';
import { broadcastAppend } from './send';
import type { LogEntry, RaftIO, RaftState } from './types';

/**
 * A client write ("x=1"). Only the leader appends it (Raft §5.3, §8). A follower that knows the
 * leader forwards it there once; one that knows none rejects it, and the client must retry.
 * `forwardedBy` is the follower that forwarded it, or null for a client's own request; `client`
 * its number, when a client waits for an answer (clientReplies.ts): the server it asked gives it.
 */
export function handleClientRequest(state: RaftState, value: string, forwardedBy: number | null, io: RaftIO, client?: number): void {
  const asked = forwardedBy === null && client !== undefined;
  if (state.role === 'leader') {
    if (asked) awaitWrite(state, io, client, value);
    const entry: LogEntry = client === undefined ? { term: state.term, value } : { term: state.term, value, client };
    if (io.params.unsafe.overwriteCommitted && state.commitIndex > 0) {
      overwriteCommitted(state, entry, io);
      return;
    }
    state.log.push(entry);
    io.narrate(forwardedBy === null ? 'raft.request.append' : 'raft.request.appendForwarded', {
      node: io.id,
      value,
      index: state.log.length,
      term: state.term,
      from: forwardedBy,
    });
    if (io.params.unsafe.ackBeforeCommit) answerWrite(state, io, state.log.length, entry, true);
    broadcastAppend(state, io);
    advanceCommit(state, io); // a one-node cluster commits at once
    return;
  }
  if (forwardedBy !== null) {
    // Forward at most once, so two servers with stale ideas of the leader cannot bounce it forever.
    io.narrate(state.leader === null ? 'raft.request.dropForwarded' : 'raft.request.dropForwardedHint', {
      node: io.id,
      value,
      from: forwardedBy,
      leader: state.leader,
      term: state.term,
    });
    return;
  }
  if (state.leader !== null) {
    io.narrate('raft.request.forward', { node: io.id, value, leader: state.leader, role: state.role });
    if (asked) awaitWrite(state, io, client, value);
    io.send(state.leader, client === undefined ? { type: 'ClientRequest', value } : { type: 'ClientRequest', value, client });
    return;
  }
  io.narrate('raft.request.reject', { node: io.id, value, role: state.role, term: state.term });
  if (asked) io.reply({ client, outcome: 'notLeader', value });
}

/**
 * Unsafe: the leader puts the write in place of its last committed entry (which every server
 * that holds it has applied) instead of after its last entry, and tells the followers as usual.
 */
function overwriteCommitted(state: RaftState, entry: LogEntry, io: RaftIO): void {
  const index = state.commitIndex;
  const old = state.log[index - 1];
  state.log[index - 1] = entry;
  io.narrate('raft.request.overwriteUnsafe', { node: io.id, value: entry.value, index, term: state.term, oldValue: old.value, oldTerm: old.term });
  broadcastAppend(state, io);
}
