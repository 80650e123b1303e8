import type { NodeCommand } from '../../kernel/protocol';
import { armGossip, enqueue, gossipTick } from './broadcasts';
import { applyUpdate, setOwnIncarnation, suspicionTimedOut, suspicionTimerName } from './membership';
import { STATUS_NAMES, Status } from './memberTable';
import type { GossipMessage, RumorUpdate, Update } from './messages';
import { narratesEverything } from './narration';
import { onAck, onPing, onPingReq, probeTick, probeTimedOut } from './probe';
import { instrumentsAfterBoot, type GossipIO, type GossipPersisted, type SwimNodeState } from './state';
import { joinTimedOut, onSync, pushPullTick, reconnectTick, scheduleReconnect, schedulePushPull, startJoin } from './sync';
import { periodMs, shuffleIds } from './wire';

/**
 * A SWIM node (Das, Gupta, Motivala 2002) as hashicorp/memberlist runs it, with Lifeguard's
 * shrinking suspicion timeout and Serf's reconnect. Nodes booted at time 0 start as members
 * with a full view (every node alive at incarnation 0, as if the cluster had formed earlier);
 * a node booted later — a restart, or a node whose `init` had `up: false` — starts knowing only
 * itself and joins through a seed (Consul's retry_join with every node listed).
 */
export function bootSwim(persisted: GossipPersisted, io: GossipIO): SwimNodeState {
  const n = io.nodeCount;
  const initial = persisted.boots === 0 && io.now === 0;
  const status = new Uint8Array(n + 1);
  const incarnations = new Uint32Array(n + 1);
  if (initial) status.fill(Status.alive, 1);
  else status[io.id] = Status.alive;
  const probeOrder = new Uint16Array(n - 1);
  for (let id = 1, i = 0; id <= n; id++) if (id !== io.id) probeOrder[i++] = id;
  const p = io.params;
  const state: SwimNodeState = {
    mode: 'swim',
    rumor: null,
    informedAtMs: null,
    stats: instrumentsAfterBoot(persisted, io.now),
    lastInputMs: io.now,
    incarnation: 0,
    left: false,
    status,
    incarnations,
    liveCount: initial ? n : 1,
    probeOrder,
    probeIndex: 0,
    probe: null,
    seq: 0,
    relays: [],
    suspicions: {},
    queue: [],
    queueSerial: 0,
    gossipPhaseMs: io.rng.int(0, periodMs(p.gossipInterval) - 1),
    gossipArmed: false,
    joining: null,
    suspectSinceMs: {},
    deadSinceMs: {},
    deadLog: [],
    lastViewChangeMs: io.now,
    suspicionsRaised: 0,
    refutations: 0,
  };
  shuffleIds(io, probeOrder);
  startTickers(io);
  if (!initial) {
    // memberlist Create: a new node announces itself alive, then Join pushes and pulls state with a seed.
    enqueue(state, io, { kind: 'alive', node: io.id, incarnation: 0, from: io.id });
    startJoin(state, io, 'gossip.join');
  }
  return state;
}

/** The probe ticker is staggered by a random phase, like memberlist's first tick. */
function startTickers(io: GossipIO): void {
  io.setTimer('probe', io.rng.int(1, periodMs(io.params.probeInterval)));
  schedulePushPull(io, true);
  scheduleReconnect(io, true);
}

const heard: Record<'suspect' | 'dead' | 'alive' | 'left', number[]> = { suspect: [], dead: [], alive: [], left: [] };
const HEARD_KEYS = { suspect: 'gossip.suspect', dead: 'gossip.deadHeard', alive: 'gossip.alive', left: 'gossip.leftHeard' } as const;

/** Applies a packet's piggybacked updates, then tells what changed in one line per kind. */
function applyAll(state: SwimNodeState, io: GossipIO, from: number, updates: readonly Update[] | undefined): void {
  if (!updates) return;
  const verbose = narratesEverything(io.nodeCount);
  for (let i = 0; i < updates.length; i++) {
    const u = updates[i];
    if (u.kind === 'rumor') {
      learnRumor(state, io, u, from);
      continue;
    }
    const before = state.status[u.node];
    if (!applyUpdate(state, io, u) || !verbose || u.node === io.id) continue;
    const now = STATUS_NAMES[state.status[u.node]];
    // A member first heard of (unknown → alive) is not news; a member coming back is.
    if (now === 'alive' && before === Status.unknown) continue;
    if (now === 'suspect' || now === 'dead' || now === 'alive' || now === 'left') heard[now].push(u.node);
  }
  if (!verbose) return;
  for (const kind of ['suspect', 'dead', 'alive', 'left'] as const) {
    const list = heard[kind];
    if (list.length === 0) continue;
    io.narrate(HEARD_KEYS[kind], { node: io.id, from, members: list.map((m) => `S${m}`).join(', ') });
    list.length = 0;
  }
}

/** A rumor reaches this node through SWIM dissemination; it passes it on like any update. */
function learnRumor(state: SwimNodeState, io: GossipIO, rumor: RumorUpdate, from: number): void {
  if (state.rumor) return;
  state.rumor = rumor;
  state.informedAtMs = io.now;
  io.changed('informed', true);
  if (narratesEverything(io.nodeCount)) io.narrate('gossip.informed', { node: io.id, from, afterMs: io.now - rumor.createdAtMs });
  enqueue(state, io, rumor);
}

export function swimOnMessage(state: SwimNodeState, from: number, msg: GossipMessage, io: GossipIO): void {
  // A node that has left is shut down as far as the cluster is concerned (memberlist Leave, then Shutdown).
  if (state.left) return;
  // The message's own part first, then its piggybacked updates, as memberlist handles a compound packet.
  switch (msg.type) {
    case 'ping':
      onPing(state, io, from, msg);
      applyAll(state, io, from, msg.updates);
      return;
    case 'ack':
      onAck(state, io, msg);
      applyAll(state, io, from, msg.updates);
      return;
    case 'pingReq':
      onPingReq(state, io, from, msg);
      applyAll(state, io, from, msg.updates);
      return;
    case 'gossip':
      applyAll(state, io, from, msg.updates);
      return;
    case 'sync':
    case 'syncReply':
      onSync(state, io, from, msg);
      return;
    default:
      return; // rumor-mode messages from a node booted in the other mode
  }
}

export function swimOnTimer(state: SwimNodeState, name: string, io: GossipIO): void {
  switch (name) {
    case 'probe':
      probeTick(state, io);
      return;
    case 'probeTimeout':
      probeTimedOut(state, io);
      return;
    case 'gossip':
      gossipTick(state, io);
      return;
    case 'pushPull':
      pushPullTick(state, io);
      return;
    case 'reconnect':
      reconnectTick(state, io);
      return;
    case 'join':
      joinTimedOut(state, io);
      return;
    default:
      if (name.startsWith('suspect:')) suspicionTimedOut(state, io, Number(name.slice(8)));
  }
}

export function swimOnCommand(state: SwimNodeState, command: NodeCommand, io: GossipIO): void {
  switch (command.type) {
    case 'rumor':
      startRumor(state, io);
      return;
    case 'leave':
      leave(state, io);
      return;
    case 'join':
      join(state, io);
      return;
    default:
      return; // timeout / request mean nothing to a gossip node
  }
}

function startRumor(state: SwimNodeState, io: GossipIO): void {
  if (state.rumor) {
    io.narrate('gossip.rumorKnown', { node: io.id });
    return;
  }
  const rumor: RumorUpdate = { kind: 'rumor', origin: io.id, createdAtMs: io.now };
  state.rumor = rumor;
  state.informedAtMs = io.now;
  io.changed('informed', true);
  io.narrate('gossip.rumorStart', { node: io.id, spread: 'piggyback', fanout: io.params.fanout, intervalMs: io.params.gossipInterval });
  enqueue(state, io, rumor);
}

/**
 * memberlist Leave: announce "dead, from myself" (a leave) at the current incarnation, keep
 * gossiping until that announcement has been sent its retransmit count, and otherwise stop:
 * no probes, no acks, no state syncs.
 */
function leave(state: SwimNodeState, io: GossipIO): void {
  if (state.left) {
    io.narrate('gossip.alreadyLeft', { node: io.id });
    return;
  }
  state.left = true;
  state.status[io.id] = Status.left;
  state.liveCount--;
  state.probe = null;
  state.joining = null;
  state.relays = [];
  for (const key of Object.keys(state.suspicions)) io.cancelTimer(suspicionTimerName(Number(key)));
  state.suspicions = {};
  for (const name of ['probe', 'probeTimeout', 'pushPull', 'reconnect', 'join']) io.cancelTimer(name);
  state.queue = [];
  io.changed('members', { node: io.id, status: 'left', incarnation: state.incarnation });
  io.narrate('gossip.leave', { node: io.id, incarnation: state.incarnation });
  enqueue(state, io, { kind: 'left', node: io.id, incarnation: state.incarnation, from: io.id });
}

/**
 * `join`: a node that left rejoins as a fresh member (memberlist needs a new instance, so its
 * view starts empty) with its incarnation raised by one, so that the others' "left" record is
 * overridden at once; a node that is a member just re-syncs with a seed.
 */
function join(state: SwimNodeState, io: GossipIO): void {
  if (!state.left) {
    startJoin(state, io, 'gossip.alreadyMember');
    return;
  }
  state.left = false;
  state.status.fill(Status.unknown);
  state.incarnations.fill(0);
  state.liveCount = 1;
  state.suspectSinceMs = {};
  state.deadSinceMs = {};
  state.lastViewChangeMs = io.now;
  setOwnIncarnation(state, io, state.incarnation + 1);
  startTickers(io);
  armGossip(state, io);
  startJoin(state, io, 'gossip.join');
}
