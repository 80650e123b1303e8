import type { LogEntry, RaftIO, RaftState } from './types';

/*
 * The server a client asked answers it (as an etcd server answers the proposals made through
 * it): `ok` once the write is applied to its own state machine, wherever it was committed;
 * `timeout` when `clientTimeout` passes first (the write may still happen). The pending writes
 * are volatile: a server that crashes answers nothing.
 */

/** Takes a client's write to answer later. */
export function awaitWrite(state: RaftState, io: RaftIO, client: number, value: string): void {
  state.clients.push({ client, value, deadline: io.now + io.params.clientTimeout });
  if (state.clients.length === 1) io.setTimer('client', io.params.clientTimeout);
}

/**
 * An entry reached this server's state machine (`early`: only its log, with the unsafe switch
 * `ackBeforeCommit`): if its client asked here, tell it the write is done.
 */
export function answerWrite(state: RaftState, io: RaftIO, index: number, entry: LogEntry, early: boolean): void {
  if (entry.client === undefined || state.clients.length === 0) return;
  const k = state.clients.findIndex((p) => p.client === entry.client);
  if (k < 0) return;
  state.clients.splice(k, 1);
  const value = entry.value ?? '';
  io.narrate(early ? 'raft.client.ackEarly' : 'raft.client.ack', { node: io.id, client: entry.client, value, index, term: entry.term });
  io.reply({ client: entry.client, outcome: 'ok', value, index, term: entry.term });
  rearm(state, io);
}

/** The `client` timer: every write past its deadline is answered with a timeout. */
export function onClientTimer(state: RaftState, io: RaftIO): void {
  const expired = state.clients.filter((p) => p.deadline <= io.now);
  if (expired.length === 0) return rearm(state, io);
  state.clients = state.clients.filter((p) => p.deadline > io.now);
  for (const p of expired) {
    io.narrate('raft.client.timeout', { node: io.id, client: p.client, value: p.value, ms: io.params.clientTimeout });
    io.reply({ client: p.client, outcome: 'timeout', value: p.value });
  }
  rearm(state, io);
}

/** One timer for all pending writes, due at the earliest deadline. */
function rearm(state: RaftState, io: RaftIO): void {
  if (state.clients.length === 0) {
    io.cancelTimer('client');
    return;
  }
  let first = state.clients[0].deadline;
  for (const p of state.clients) if (p.deadline < first) first = p.deadline;
  io.setTimer('client', Math.max(0, first - io.now));
}
