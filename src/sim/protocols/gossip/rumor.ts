import type { NodeCommand } from '../../kernel/protocol';
import { nextTickMs, retransmitLimit } from './lifeguard';
import type { GossipMessage, RumorMsg } from './messages';
import { narratesEverything } from './narration';
import { instrumentsAfterBoot, type GossipIO, type GossipPersisted, type RumorNodeState } from './state';
import { periodMs, randomPeers, send } from './wire';

/**
 * Rumor mode: one update spreads through a cluster in which every node knows every other
 * (Demers et al. 1987, "Epidemic algorithms for replicated database maintenance").
 * Every gossipInterval (each node's ticker staggered by its own phase):
 * - push: a node that has the rumor sends it to `fanout` random peers, until it has sent it
 *   retransmitMult · ceil(log10(N + 1)) times (memberlist's retransmit limit, so the run ends);
 * - pull: a node that lacks it asks `fanout` random peers; a peer that has it answers with it
 *   (a peer that lacks it stays silent: its empty answer carries nothing a student would see);
 * - pushpull: both.
 * Knowledge is volatile: a node that crashes and restarts has to learn the rumor again.
 */
export function bootRumor(persisted: GossipPersisted, io: GossipIO): RumorNodeState {
  const state: RumorNodeState = {
    mode: 'rumor',
    rumor: null,
    informedAtMs: null,
    stats: instrumentsAfterBoot(persisted, io.now),
    lastInputMs: io.now,
    transmitsLeft: 0,
    phaseMs: io.rng.int(0, periodMs(io.params.gossipInterval) - 1),
    ticking: false,
  };
  arm(state, io);
  return state;
}

function pushes(io: GossipIO): boolean {
  return io.params.spread !== 'pull';
}

function pulls(io: GossipIO): boolean {
  return io.params.spread !== 'push';
}

function hasWork(state: RumorNodeState, io: GossipIO): boolean {
  return state.rumor !== null ? pushes(io) && state.transmitsLeft > 0 : pulls(io);
}

/** Runs the ticker only while there is something to do, so a settled cluster costs no events. */
function arm(state: RumorNodeState, io: GossipIO): void {
  if (state.ticking || !hasWork(state, io)) return;
  state.ticking = true;
  const interval = periodMs(io.params.gossipInterval);
  io.setTimer('gossip', nextTickMs(io.now, state.phaseMs, interval) - io.now);
}

const peers: number[] = [];

export function rumorOnTimer(state: RumorNodeState, name: string, io: GossipIO): void {
  if (name !== 'gossip') return;
  state.ticking = false;
  const rumor = state.rumor;
  if (rumor !== null && pushes(io) && state.transmitsLeft > 0) {
    randomPeers(io, Math.min(io.params.fanout, state.transmitsLeft), null, peers);
    const msg: RumorMsg = { type: 'rumor', origin: rumor.origin, createdAtMs: rumor.createdAtMs };
    for (const peer of peers) send(state, io, peer, msg);
    state.transmitsLeft -= peers.length;
  } else if (rumor === null && pulls(io)) {
    randomPeers(io, io.params.fanout, null, peers);
    for (const peer of peers) send(state, io, peer, { type: 'pull' });
  }
  arm(state, io);
}

function learn(state: RumorNodeState, io: GossipIO, origin: number, createdAtMs: number, from: number): void {
  state.rumor = { kind: 'rumor', origin, createdAtMs };
  state.informedAtMs = io.now;
  state.transmitsLeft = pushes(io) ? retransmitLimit(io.params.retransmitMult, io.nodeCount) : 0;
  io.changed('informed', true);
  if (from === io.id) {
    const p = io.params;
    io.narrate('gossip.rumorStart', { node: io.id, spread: p.spread, fanout: p.fanout, intervalMs: p.gossipInterval });
  } else if (narratesEverything(io.nodeCount)) {
    io.narrate('gossip.informed', { node: io.id, from, afterMs: io.now - createdAtMs });
  }
  arm(state, io);
}

export function rumorOnMessage(state: RumorNodeState, from: number, msg: GossipMessage, io: GossipIO): void {
  if (msg.type === 'rumor') {
    if (state.rumor === null) learn(state, io, msg.origin, msg.createdAtMs, from);
  } else if (msg.type === 'pull') {
    const rumor = state.rumor;
    if (rumor !== null) send(state, io, from, { type: 'rumor', origin: rumor.origin, createdAtMs: rumor.createdAtMs });
  }
}

export function rumorOnCommand(state: RumorNodeState, command: NodeCommand, io: GossipIO): void {
  if (command.type === 'rumor') {
    if (state.rumor !== null) io.narrate('gossip.rumorKnown', { node: io.id });
    else learn(state, io, io.id, io.now, io.id);
  } else if (command.type === 'join' || command.type === 'leave') {
    io.narrate('gossip.noMembership', { node: io.id, command: command.type });
  }
}
