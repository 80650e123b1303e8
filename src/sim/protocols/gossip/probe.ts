import { takeBroadcasts } from './broadcasts';
import { applyUpdate } from './membership';
import { Status } from './memberTable';
import { MEMBER_UPDATE_BYTES, type AckMsg, type MemberUpdate, type PingMsg, type PingReqMsg, type Update } from './messages';
import { narratesEverything } from './narration';
import type { GossipIO, SwimNodeState } from './state';
import { periodMs, randomPeers, send, shuffleIds } from './wire';

/**
 * SWIM failure detection (paper §3.1 and §4.3, memberlist state.go probe / probeNode): once per
 * protocol period a node pings the next member of a shuffled round-robin list; without an ack
 * within probeTimeout it asks `indirectChecks` members to ping it for it (ping-req); without
 * any ack by the end of the period it suspects the member.
 */

/** The next member to probe, walking the shuffled list and reshuffling after each pass (§4.3). */
function nextProbeTarget(state: SwimNodeState, io: GossipIO): number {
  const order = state.probeOrder;
  const len = order.length;
  for (let checked = 0; checked <= len; checked++) {
    if (state.probeIndex >= len) {
      shuffleIds(io, order);
      state.probeIndex = 0;
    }
    const id = order[state.probeIndex++];
    const s = state.status[id];
    // memberlist probes alive and suspect members and skips dead and left ones.
    if (s === Status.alive || s === Status.suspect) return id;
  }
  return 0;
}

/** The protocol period ends: judge the last probe, then start the next one. */
export function probeTick(state: SwimNodeState, io: GossipIO): void {
  if (state.left) return;
  io.setTimer('probe', periodMs(io.params.probeInterval));
  const last = state.probe;
  state.probe = null;
  if (last && !last.acked) probeFailed(state, io, last.target);
  const target = nextProbeTarget(state, io);
  if (target === 0) return;
  const seq = ++state.seq;
  state.probe = { target, seq, acked: false };
  let updates: Update[] | undefined;
  if (state.status[target] === Status.suspect) {
    // memberlist probeNode: a suspect member is pinged together with the suspicion, so that it
    // hears it directly and can refute.
    const suspicion: MemberUpdate = { kind: 'suspect', node: target, incarnation: state.incarnations[target], from: io.id };
    updates = takeBroadcasts(state, io, MEMBER_UPDATE_BYTES) ?? [];
    updates.push(suspicion);
  } else updates = takeBroadcasts(state, io);
  send(state, io, target, updates ? { type: 'ping', seq, target, updates } : { type: 'ping', seq, target });
  io.setTimer('probeTimeout', io.params.probeTimeout);
}

/**
 * No ack this period: suspect the target in its current incarnation (memberlist probeNode →
 * suspectNode). If it is suspect already, our failed probe is one more independent
 * confirmation (Lifeguard), which membership.ts narrates when it counts.
 */
function probeFailed(state: SwimNodeState, io: GossipIO, target: number): void {
  const s = state.status[target];
  if (s !== Status.alive && s !== Status.suspect) return;
  const incarnation = state.incarnations[target];
  if (s === Status.alive) io.narrate('gossip.probeFailed', { node: io.id, target, incarnation });
  if (applyUpdate(state, io, { kind: 'suspect', node: target, incarnation, from: io.id })) state.suspicionsRaised++;
}

const helpers: number[] = [];

/** No direct ack within probeTimeout: ask k other alive members to probe the target (§3.1 ping-req). */
export function probeTimedOut(state: SwimNodeState, io: GossipIO): void {
  const probe = state.probe;
  if (!probe || probe.acked || state.left) return;
  const target = probe.target;
  const status = state.status;
  if (status[target] !== Status.alive && status[target] !== Status.suspect) {
    // Declared dead (or left) since the ping went out: nothing left to find out.
    state.probe = null;
    return;
  }
  randomPeers(io, io.params.indirectChecks, (id) => id !== target && status[id] === Status.alive, helpers);
  for (const helper of helpers) {
    const updates = takeBroadcasts(state, io);
    send(state, io, helper, updates ? { type: 'pingReq', seq: probe.seq, target, updates } : { type: 'pingReq', seq: probe.seq, target });
  }
  if (narratesEverything(io.nodeCount)) {
    io.narrate(helpers.length > 0 ? 'gossip.indirectProbe' : 'gossip.indirectProbe.alone', {
      node: io.id,
      target,
      timeoutMs: io.params.probeTimeout,
      helpers: helpers.map((h) => `S${h}`).join(', '),
    });
  }
}

export function onPing(state: SwimNodeState, io: GossipIO, from: number, msg: PingMsg): void {
  const updates = takeBroadcasts(state, io);
  send(state, io, from, updates ? { type: 'ack', seq: msg.seq, updates } : { type: 'ack', seq: msg.seq });
}

export function onAck(state: SwimNodeState, io: GossipIO, msg: AckMsg): void {
  const probe = state.probe;
  if (probe && probe.seq === msg.seq) {
    if (!probe.acked) {
      probe.acked = true;
      io.cancelTimer('probeTimeout');
    }
    return;
  }
  const relays = state.relays;
  for (let i = 0; i < relays.length; i++) {
    const r = relays[i];
    if (r.localSeq !== msg.seq) continue;
    relays.splice(i, 1);
    // memberlist: the helper relays an ack only within its own probeTimeout.
    if (io.now <= r.deadlineMs) {
      const updates = takeBroadcasts(state, io);
      send(state, io, r.requester, updates ? { type: 'ack', seq: r.seq, updates } : { type: 'ack', seq: r.seq });
    }
    return;
  }
}

/** Serving a ping-req: ping the target with our own sequence number and remember whom to tell. */
export function onPingReq(state: SwimNodeState, io: GossipIO, from: number, msg: PingReqMsg): void {
  if (msg.target === io.id) {
    send(state, io, from, { type: 'ack', seq: msg.seq });
    return;
  }
  const now = io.now;
  state.relays = state.relays.filter((r) => r.deadlineMs >= now);
  const localSeq = ++state.seq;
  state.relays.push({ localSeq, requester: from, seq: msg.seq, deadlineMs: now + io.params.probeTimeout });
  const updates = takeBroadcasts(state, io);
  send(state, io, msg.target, updates ? { type: 'ping', seq: localSeq, target: msg.target, updates } : { type: 'ping', seq: localSeq, target: msg.target });
}
