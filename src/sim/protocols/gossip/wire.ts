import { messageBytes, type GossipMessage } from './messages';
import type { GossipIO, GossipState } from './state';

/** Sends one message and counts it (and its modelled size) for the traffic metrics. */
export function send(state: GossipState, io: GossipIO, to: number, msg: GossipMessage): void {
  state.stats.sentMessages++;
  state.stats.sentBytes += messageBytes(msg);
  io.send(to, msg);
}

/**
 * Up to k distinct random node ids other than this node that `accept` allows, by drawing random
 * ids at most 3·n times (memberlist kRandomNodes), so that picking 3 peers out of 10,000 costs
 * a handful of draws rather than a pass over the member list.
 */
export function randomPeers(io: GossipIO, k: number, accept: ((id: number) => boolean) | null, out: number[]): number[] {
  out.length = 0;
  const n = io.nodeCount;
  if (k <= 0 || n < 2) return out;
  const tries = 3 * n;
  for (let i = 0; i < tries && out.length < k; i++) {
    const id = io.rng.int(1, n);
    if (id === io.id || out.includes(id)) continue;
    if (accept !== null && !accept(id)) continue;
    out.push(id);
  }
  return out;
}

/** Fisher–Yates shuffle of a typed array with the node's own stream. */
export function shuffleIds(io: GossipIO, ids: Uint16Array): void {
  for (let i = ids.length - 1; i > 0; i--) {
    const j = io.rng.int(0, i);
    const tmp = ids[i];
    ids[i] = ids[j];
    ids[j] = tmp;
  }
}

/** Ticker periods are at least 1 ms, so a zero interval in a scenario cannot stall the clock. */
export function periodMs(ms: number): number {
  return Math.max(1, ms);
}
