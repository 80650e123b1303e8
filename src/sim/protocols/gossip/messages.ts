import type { Message } from '../../kernel/protocol';

/**
 * A membership update as SWIM piggybacks it (paper §4.1; memberlist's alive / suspect / dead
 * messages). `from` is who raised it: an accuser for suspect and dead, the member itself for
 * left (memberlist sends a leave as "dead, from the node itself").
 */
export interface MemberUpdate {
  readonly kind: 'alive' | 'suspect' | 'dead' | 'left';
  readonly node: number;
  readonly incarnation: number;
  readonly from: number;
}

/** The one user update of this run, spread by SWIM dissemination (like a Serf user event). */
export interface RumorUpdate {
  readonly kind: 'rumor';
  readonly origin: number;
  readonly createdAtMs: number;
}

export type Update = MemberUpdate | RumorUpdate;

/** Rumor mode: the update itself (push, or a reply to a pull). */
export interface RumorMsg extends Message {
  readonly type: 'rumor';
  readonly origin: number;
  readonly createdAtMs: number;
}
/** Rumor mode: "send me what you have" (sent only by nodes that lack the rumor). */
export interface PullMsg extends Message {
  readonly type: 'pull';
}

/** SWIM §3.1 direct probe. */
export interface PingMsg extends Message {
  readonly type: 'ping';
  readonly seq: number;
  readonly target: number;
  readonly updates?: readonly Update[];
}
export interface AckMsg extends Message {
  readonly type: 'ack';
  readonly seq: number;
  readonly updates?: readonly Update[];
}
/** SWIM §3.1 indirect probe: "ping `target` for me and relay its ack". */
export interface PingReqMsg extends Message {
  readonly type: 'pingReq';
  readonly seq: number;
  readonly target: number;
  readonly updates?: readonly Update[];
}
/** memberlist's gossip round: piggyback-only packet to `fanout` random members. */
export interface GossipMsg extends Message {
  readonly type: 'gossip';
  readonly updates: readonly Update[];
}
/**
 * memberlist push-pull: a full state exchange (periodic anti-entropy, and how a node joins).
 * `members` is flattened triples [id, status, incarnation, …] with status codes
 * 1 alive, 2 suspect, 3 dead, 4 left (memberTable.ts `Status`).
 */
export interface SyncMsg extends Message {
  readonly type: 'sync' | 'syncReply';
  readonly join: boolean;
  readonly members: readonly number[];
}

export type GossipMessage = RumorMsg | PullMsg | PingMsg | AckMsg | PingReqMsg | GossipMsg | SyncMsg;

/**
 * Size model for the bytes metric: a compact binary encoding with 16-bit node ids, 32-bit
 * sequence and incarnation numbers, 64-bit times, one type byte, plus IPv4+UDP headers
 * (28 bytes) or IPv4+TCP headers (40 bytes, push-pull runs over TCP in memberlist). It is
 * not memberlist's msgpack wire format (which also carries names, addresses and metadata and
 * is several times larger); it is meant for comparing runs, not for provisioning links.
 */
export const Bytes = {
  udpHeader: 28,
  tcpHeader: 40,
  type: 1,
  seq: 4,
  node: 2,
  incarnation: 4,
  time: 8,
  /** memberlist UDPBufferSize: a packet's piggybacked updates must fit in it. */
  udpBuffer: 1400,
} as const;

export const MEMBER_UPDATE_BYTES = Bytes.type + Bytes.node + Bytes.incarnation + Bytes.node;
export const RUMOR_UPDATE_BYTES = Bytes.type + Bytes.node + Bytes.time;
/** Room for piggybacked updates in a packet after the largest header (ping / pingReq). */
export const PIGGYBACK_BUDGET_BYTES = Bytes.udpBuffer - (Bytes.udpHeader + Bytes.type + Bytes.seq + Bytes.node);

export function updateBytes(u: Update): number {
  return u.kind === 'rumor' ? RUMOR_UPDATE_BYTES : MEMBER_UPDATE_BYTES;
}

function updatesBytes(updates: readonly Update[] | undefined): number {
  let total = 0;
  if (updates) for (let i = 0; i < updates.length; i++) total += updateBytes(updates[i]);
  return total;
}

/** Bytes on the wire for one message under the size model above. */
export function messageBytes(msg: GossipMessage): number {
  switch (msg.type) {
    case 'rumor':
      return Bytes.udpHeader + Bytes.type + Bytes.node + Bytes.time;
    case 'pull':
      return Bytes.udpHeader + Bytes.type;
    case 'ping':
    case 'pingReq':
      return Bytes.udpHeader + Bytes.type + Bytes.seq + Bytes.node + updatesBytes(msg.updates);
    case 'ack':
      return Bytes.udpHeader + Bytes.type + Bytes.seq + updatesBytes(msg.updates);
    case 'gossip':
      return Bytes.udpHeader + Bytes.type + updatesBytes(msg.updates);
    case 'sync':
    case 'syncReply':
      return Bytes.tcpHeader + Bytes.type + 1 + (msg.members.length / 3) * (Bytes.node + 1 + Bytes.incarnation);
  }
}
