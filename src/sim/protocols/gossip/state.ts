import type { NodeIO } from '../../kernel/protocol';
import type { GossipMessage, RumorUpdate, Update } from './messages';
import type { GossipParams } from './params';

export type GossipIO = NodeIO<GossipMessage, GossipParams>;

/**
 * Instrumentation a node carries across crashes so that `metrics` sees the whole run; the
 * protocol never reads it (memberlist keeps nothing on disk: a restarted node starts afresh).
 */
export interface Instruments {
  sentMessages: number;
  sentBytes: number;
  /** Times this node was down, flattened [fromMs, toMs, …] (from = its last input before the crash). */
  downs: number[];
  boots: number;
}

/** What survives a crash: instrumentation only, plus when the node was last seen working. */
export interface GossipPersisted extends Instruments {
  crashedNearMs: number | null;
}

interface CommonState {
  /** Fixed at boot: a `set` that changes `mode` applies to nodes booted afterwards. */
  mode: 'rumor' | 'swim';
  /** The one rumor of the run, once this node has it. */
  rumor: RumorUpdate | null;
  informedAtMs: number | null;
  stats: Instruments;
  /** Virtual time of the last input this node handled (for the crash history). */
  lastInputMs: number;
}

/** Rumor mode needs O(1) state per node, so 10,000 nodes stay cheap. */
export interface RumorNodeState extends CommonState {
  mode: 'rumor';
  /** Pushes left before this node stops spreading (memberlist's retransmit limit). */
  transmitsLeft: number;
  /** Phase of this node's gossip ticker (memberlist staggers each node's first tick). */
  phaseMs: number;
  ticking: boolean;
}

export interface Probe {
  target: number;
  seq: number;
  acked: boolean;
}

/** A ping-req this node is serving (SWIM §3.1): acks for `localSeq` go back to `requester`. */
export interface Relay {
  localSeq: number;
  requester: number;
  seq: number;
  deadlineMs: number;
}

/** memberlist suspicion.go: one running suspicion timer and who has confirmed it. */
export interface Suspicion {
  startMs: number;
  minMs: number;
  maxMs: number;
  k: number;
  /** Distinct accusers, the first one included. */
  confirmers: number[];
}

/** memberlist TransmitLimitedQueue entry: one update and how often it has been sent. */
export interface QueuedUpdate {
  update: Update;
  transmits: number;
  /** Insertion order; newer updates go first among equally sent ones. */
  serial: number;
  /** One entry per member (0 for the rumor): a newer update about it replaces the older. */
  key: number;
}

export interface SwimNodeState extends CommonState {
  mode: 'swim';
  incarnation: number;
  /** This node has left (or never joined after a restart): it neither probes nor answers. */
  left: boolean;
  /** Member table indexed by node id (index 0 unused); codes are memberTable.ts `Status`. */
  status: Uint8Array;
  incarnations: Uint32Array;
  /** Members this node believes alive or suspect, itself included: its estimate of n. */
  liveCount: number;
  /** Probe order: a shuffled list of the other ids, walked round-robin (SWIM §4.3). */
  probeOrder: Uint16Array;
  probeIndex: number;
  probe: Probe | null;
  seq: number;
  relays: Relay[];
  /** Running suspicions by member id. */
  suspicions: Record<number, Suspicion>;
  queue: QueuedUpdate[];
  queueSerial: number;
  gossipPhaseMs: number;
  gossipArmed: boolean;
  /** Joining through a seed: who was asked; null once a sync reply arrived. */
  joining: { seed: number; attempts: number } | null;
  /** When each member entered its current suspect / dead state in this node's view. */
  suspectSinceMs: Record<number, number>;
  deadSinceMs: Record<number, number>;
  /** Every death this node recorded, flattened [member, atMs, incarnation, …]. */
  deadLog: number[];
  lastViewChangeMs: number;
  suspicionsRaised: number;
  refutations: number;
}

export type GossipState = RumorNodeState | SwimNodeState;

export function freshInstruments(): Instruments {
  return { sentMessages: 0, sentBytes: 0, downs: [], boots: 0 };
}

/** Instruments carried over a restart: the down period is recorded. */
export function instrumentsAfterBoot(p: GossipPersisted, nowMs: number): Instruments {
  const downs = [...p.downs];
  if (p.crashedNearMs !== null) downs.push(p.crashedNearMs, nowMs);
  return { sentMessages: p.sentMessages, sentBytes: p.sentBytes, downs, boots: p.boots + 1 };
}

export function persistState(state: GossipState): GossipPersisted {
  const s = state.stats;
  return { sentMessages: s.sentMessages, sentBytes: s.sentBytes, downs: [...s.downs], boots: s.boots, crashedNearMs: state.lastInputMs };
}
