import type { Close, Outgoing, SessionEnd, SessionMessage, ZabIO } from './types';

/**
 * Sends on a leader–learner connection: the message gets the session id, the next sequence
 * number of this direction, and the sender's epoch. Every message of a session goes through here.
 */
export function sendOn(end: SessionEnd, epoch: number, msg: Outgoing, io: ZabIO): void {
  const full = { ...msg, session: end.id, seq: end.seqOut, epoch } as SessionMessage;
  end.seqOut++;
  io.send(end.peer, full);
}

/**
 * A TCP reset: the answer to a packet for a connection the receiver does not have (or a refused
 * connection). It travels outside any stream (seq -1) and is never answered.
 */
export function sendReset(to: number, session: string, epoch: number, reason: Close['reason'], io: ZabIO): void {
  io.send(to, { type: 'CLOSE', session, seq: -1, epoch, reason });
}

/**
 * Receives on a connection, as TCP would: returns the messages that are now deliverable in order
 * (this one, then any that waited behind it), or nothing for a duplicate or a message that arrived
 * ahead of a gap (kept until the gap fills). A reset is delivered at once.
 */
export function receiveOn(end: SessionEnd, msg: SessionMessage): SessionMessage[] {
  if (msg.seq < 0) return [msg];
  if (msg.seq < end.nextIn) return [];
  if (msg.seq > end.nextIn) {
    if (!end.buffer.some((m) => m.seq === msg.seq)) end.buffer.push(msg);
    return [];
  }
  const out: SessionMessage[] = [msg];
  end.nextIn++;
  for (;;) {
    const i = end.buffer.findIndex((m) => m.seq === end.nextIn);
    if (i < 0) break;
    out.push(end.buffer[i]);
    end.buffer.splice(i, 1);
    end.nextIn++;
  }
  return out;
}

/** Message types a leader sends to its learners (the rest go from learner to leader). */
export const FROM_LEADER = new Set<SessionMessage['type']>([
  'LEADERINFO',
  'DIFF',
  'TRUNC',
  'SNAP',
  'NEWLEADER',
  'UPTODATE',
  'PROPOSAL',
  'COMMIT',
  'INFORM',
]);
