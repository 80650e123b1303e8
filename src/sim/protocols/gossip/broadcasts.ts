import { retransmitLimit, nextTickMs } from './lifeguard';
import { PIGGYBACK_BUDGET_BYTES, updateBytes, type Update } from './messages';
import { Status } from './memberTable';
import type { GossipIO, QueuedUpdate, SwimNodeState } from './state';
import { periodMs, randomPeers, send } from './wire';

/**
 * Dissemination (SWIM §4.1 "infection-style"; memberlist TransmitLimitedQueue): every update a
 * node accepts is queued and piggybacked on its next outgoing packets, each time on a packet to
 * another member, until it has been sent retransmitMult · ceil(log10(n + 1)) times.
 */

/** memberlist GossipToTheDeadTime (LAN): a member declared dead still gets gossip this long, so it can learn it and refute. */
export const GOSSIP_TO_THE_DEAD_MS = 30_000;

/** Queues an update, replacing any older one about the same member (key 0: the rumor). */
export function enqueue(state: SwimNodeState, io: GossipIO, update: Update): void {
  const key = update.kind === 'rumor' ? 0 : update.node;
  const q = state.queue;
  for (let i = 0; i < q.length; i++) {
    if (q[i].key === key) {
      q.splice(i, 1);
      break;
    }
  }
  q.push({ update, transmits: 0, serial: ++state.queueSerial, key });
  armGossip(state, io);
}

/** Least-sent first, then newest first (memberlist orders its queue the same way). */
function byPriority(a: QueuedUpdate, b: QueuedUpdate): number {
  return a.transmits - b.transmits || b.serial - a.serial;
}

/**
 * Takes the updates for one packet: as many as fit in the piggyback budget, in priority order;
 * each is counted as one more transmission and dropped once it reaches the limit.
 */
export function takeBroadcasts(state: SwimNodeState, io: GossipIO, extraBytes = 0): Update[] | undefined {
  const q = state.queue;
  if (q.length === 0) return undefined;
  if (q.length > 1) q.sort(byPriority);
  const limit = retransmitLimit(io.params.retransmitMult, state.liveCount);
  let room = PIGGYBACK_BUDGET_BYTES - extraBytes;
  const out: Update[] = [];
  let kept = 0;
  for (let i = 0; i < q.length; i++) {
    const entry = q[i];
    const size = updateBytes(entry.update);
    if (size <= room) {
      room -= size;
      out.push(entry.update);
      entry.transmits++;
    }
    if (entry.transmits < limit) q[kept++] = entry;
  }
  q.length = kept;
  return out.length > 0 ? out : undefined;
}

/** Starts this node's gossip ticker (staggered by its phase) if it is not already running. */
export function armGossip(state: SwimNodeState, io: GossipIO): void {
  if (state.gossipArmed) return;
  state.gossipArmed = true;
  const interval = periodMs(io.params.gossipInterval);
  io.setTimer('gossip', nextTickMs(io.now, state.gossipPhaseMs, interval) - io.now);
}

const peers: number[] = [];

/**
 * memberlist gossip(): each gossipInterval, send queued updates to `fanout` random members
 * (alive, suspect, or dead for less than GOSSIP_TO_THE_DEAD_MS). An idle node sends nothing
 * (as memberlist) and, unlike memberlist's free-running ticker, stops its timer until it has
 * something to say, so a quiet 1,000-node cluster costs no timer events.
 */
export function gossipTick(state: SwimNodeState, io: GossipIO): void {
  state.gossipArmed = false;
  if (state.queue.length === 0) return;
  const status = state.status;
  const now = io.now;
  randomPeers(
    io,
    io.params.fanout,
    (id) => {
      const s = status[id];
      if (s === Status.alive || s === Status.suspect) return true;
      return s === Status.dead && now - (state.deadSinceMs[id] ?? -Infinity) <= GOSSIP_TO_THE_DEAD_MS;
    },
    peers,
  );
  for (const peer of peers) {
    const updates = takeBroadcasts(state, io);
    if (!updates) break;
    send(state, io, peer, { type: 'gossip', updates });
  }
  // With nobody to talk to (all others dead long ago) the ticker stops; the next update restarts it.
  if (state.queue.length > 0 && peers.length > 0) armGossip(state, io);
}
