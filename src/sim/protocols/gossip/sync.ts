import { pushPullScaledMs } from './lifeguard';
import { applyUpdate } from './membership';
import { Status } from './memberTable';
import type { MemberUpdate, SyncMsg } from './messages';
import { narratesEverything } from './narration';
import type { GossipIO, SwimNodeState } from './state';
import { periodMs, randomPeers, send } from './wire';

/**
 * Full state exchange (memberlist push-pull): periodic anti-entropy that repairs whatever
 * piggybacking missed, the way a node joins through a seed, and — with Serf's reconnect — the
 * way two sides of a healed partition find each other again (neither side probes or gossips to
 * members it has declared dead, so without it their views would stay split).
 */

/** Every known member as flattened [id, status, incarnation] triples. */
export function encodeMembers(state: SwimNodeState): number[] {
  const out: number[] = [];
  const status = state.status;
  for (let id = 1; id < status.length; id++) {
    if (status[id] !== Status.unknown) out.push(id, status[id], state.incarnations[id]);
  }
  return out;
}

/**
 * memberlist mergeState: alive and left are taken as the member's own word; a remote "suspect"
 * or "dead" becomes at most a suspicion here, so one node's stale verdict cannot kill a member
 * without it getting the chance to refute.
 */
function mergeMembers(state: SwimNodeState, io: GossipIO, from: number, members: readonly number[]): void {
  let suspected = 0;
  let changed = 0;
  for (let i = 0; i + 2 < members.length; i += 3) {
    const node = members[i];
    const code = members[i + 1];
    const incarnation = members[i + 2];
    let u: MemberUpdate;
    if (code === Status.alive) u = { kind: 'alive', node, incarnation, from: node };
    else if (code === Status.left) u = { kind: 'left', node, incarnation, from: node };
    // memberlist mergeState raises the suspicion in the local node's name.
    else if (code === Status.suspect || code === Status.dead) u = { kind: 'suspect', node, incarnation, from: io.id };
    else continue;
    if (applyUpdate(state, io, u, true)) {
      changed++;
      if (u.kind === 'suspect' && node !== io.id) suspected++;
    }
  }
  if (changed > 0 && narratesEverything(io.nodeCount)) {
    io.narrate('gossip.merged', { node: io.id, from, changed, suspected });
  }
}

function knownLive(state: SwimNodeState): number {
  return state.liveCount;
}

export function onSync(state: SwimNodeState, io: GossipIO, from: number, msg: SyncMsg): void {
  if (msg.type === 'sync') {
    // The receiver answers with its own state before merging the sender's (memberlist pushPullNode).
    send(state, io, from, { type: 'syncReply', join: msg.join, members: encodeMembers(state) });
    mergeMembers(state, io, from, msg.members);
    return;
  }
  mergeMembers(state, io, from, msg.members);
  if (state.joining) {
    state.joining = null;
    io.cancelTimer('join');
    io.narrate('gossip.joined', { node: io.id, seed: from, members: knownLive(state) });
  }
}

const pick: number[] = [];

/** Joins (or re-syncs) through a seed: a member we believe alive, else any other node id. */
export function startJoin(state: SwimNodeState, io: GossipIO, narrationKey: 'gossip.join' | 'gossip.alreadyMember'): void {
  const status = state.status;
  randomPeers(io, 1, (id) => status[id] === Status.alive, pick);
  if (pick.length === 0) randomPeers(io, 1, null, pick);
  if (pick.length === 0) return;
  const seed = pick[0];
  state.joining = { seed, attempts: (state.joining?.attempts ?? 0) + 1 };
  io.narrate(narrationKey, { node: io.id, seed });
  send(state, io, seed, { type: 'sync', join: true, members: encodeMembers(state) });
  io.setTimer('join', periodMs(io.params.probeInterval));
}

/** No reply from the seed within a protocol period: try another one. */
export function joinTimedOut(state: SwimNodeState, io: GossipIO): void {
  if (state.joining && !state.left) startJoin(state, io, 'gossip.join');
}

/** Schedules the next periodic push-pull (memberlist pushPullScale slows it in big clusters). */
export function schedulePushPull(io: GossipIO, first: boolean): void {
  const interval = io.params.pushPullInterval;
  if (interval <= 0) return;
  const scaled = periodMs(pushPullScaledMs(interval, io.nodeCount));
  io.setTimer('pushPull', first ? io.rng.int(1, scaled) : scaled);
}

export function pushPullTick(state: SwimNodeState, io: GossipIO): void {
  if (state.left) return;
  schedulePushPull(io, false);
  const status = state.status;
  randomPeers(io, 1, (id) => status[id] === Status.alive, pick);
  if (pick.length > 0) send(state, io, pick[0], { type: 'sync', join: false, members: encodeMembers(state) });
}

export function scheduleReconnect(io: GossipIO, first: boolean): void {
  const interval = io.params.reconnectInterval;
  if (interval <= 0) return;
  io.setTimer('reconnect', first ? io.rng.int(1, periodMs(interval)) : periodMs(interval));
}

/**
 * Serf reconnect: with probability failed / alive, try to join one member believed dead, so
 * that across the cluster each failed member is tried about once per interval.
 */
export function reconnectTick(state: SwimNodeState, io: GossipIO): void {
  if (state.left) return;
  scheduleReconnect(io, false);
  const status = state.status;
  let failed = 0;
  for (let id = 1; id < status.length; id++) if (status[id] === Status.dead) failed++;
  if (failed === 0) return;
  const alive = Math.max(1, state.liveCount);
  if (io.rng.float() >= failed / alive) return;
  let which = io.rng.int(1, failed);
  let member = 0;
  for (let id = 1; id < status.length && member === 0; id++) if (status[id] === Status.dead && --which === 0) member = id;
  if (narratesEverything(io.nodeCount)) io.narrate('gossip.reconnect', { node: io.id, member });
  send(state, io, member, { type: 'sync', join: true, members: encodeMembers(state) });
}
