import type { RunPosition, Violation } from '../sim/kernel/simulation';
import type { LinkMoment } from '../sim/scenario/shareLink';
import type { TimelineDelta } from './timeline';
import type { NodeView } from '../sim/kernel/protocol';
import type { TraceEvent } from '../sim/kernel/trace';
import type { ProtocolId } from '../sim/scenario/schema';

/**
 * What the UI draws after each animation frame: plain data, cheap to post. A frame is a picture
 * of the present plus the trace events since the previous frame; the UI never computes protocol
 * state itself.
 */
export interface Frame {
  /** Increases with every load or reset, so the UI can drop what belonged to the old run. */
  runId: number;
  protocol: ProtocolId;
  title: string;
  description: string;
  nodeCount: number;
  /** Rooms / datacenters of the scenario (`groups`), for the layout; empty when none. */
  rooms: number[][];
  /** 'svg': every node and message is drawn; 'bulk': a large gossip cluster drawn from `bulk` arrays. */
  view: 'svg' | 'bulk';
  time: number;
  /** Furthest virtual time this run has reached or scripted (the Time slider's range). */
  horizon: number;
  events: number;
  traceHash: string;
  leader: { id: number; term: number } | null;
  /** Every node's view (Contract 2 fields); empty in bulk view. */
  nodes: NodeView[];
  /** The view of the node the UI focuses on (the inspector), in every mode. */
  focus: NodeView | null;
  violations: Violation[];
  inFlight: number;
  /** Messages in flight (svg view only), with send and arrival times for interpolation. */
  messages: FrameMessage[];
  /** Timers drawn as shrinking arcs (Raft's election timer). */
  timers: FrameTimer[];
  network: FrameNetwork;
  /** Trace events since the previous frame; `reset` when the run was rewound or rewritten. */
  trace: TraceDelta;
  /** The last role change of each node (or, for gossip, of how members see each node). */
  transitions: RoleTransition[];
  bulk: GossipBulk | null;
  /** Set when the last action discarded a future (recorded actions, or a run reached further): Undo puts it back. */
  branch: Branch | null;
  /** Where the run stands (what an action acts after; what Step back steps back from). */
  position: RunPosition;
  /** The moment as a link names it: the time, and `after` when the view stands inside a millisecond. */
  moment: LinkMoment;
  /** The furthest point this run has reached (End goes there). */
  reached: RunPosition;
  /** Whether an action can be undone (Undo, Ctrl+Z). */
  canUndo: boolean;
  /** The painted timeline's bands and markers that changed since the last frame (null: none). */
  timeline: TimelineDelta | null;
  /** How many bands and markers the timeline has in all (a UI that lost count asks for them again). */
  timelineSize: { bands: number; markers: number };
  /** The run reached its length limit (MAX_RUN_EVENTS): playing stops; seek, act or reset. */
  atLimit: boolean;
  /** The built-in scenario this run was loaded from (the picker shows its "what to watch"), or null. */
  libraryId: string | null;
  /** Record on: user actions go into the shared scenario; off: they are unrecorded what-ifs. */
  recording: boolean;
  /** What-if actions in the run (taken with Record off): Share, Save and the editor leave them out. */
  whatIf: number;
  /** Changes whenever the recorded scenario does (a load, a recorded action): the editor refetches it. */
  scenarioRev: number;
  /** Trace events so far (the kernel's trace count): what an exported trace has as lines. */
  traceEvents: number;
}

/** What acting discarded: the user actions and the events of the old future. */
export interface Branch {
  /** Virtual time of the action. */
  at: number;
  /** User actions that were still ahead (recorded or what-if) and are gone. */
  discardedActions: number;
  /** Events of the reached future that are gone, and how far that future went (virtual ms). */
  discardedEvents: number;
  reachedTo: number;
}

export interface FrameMessage {
  id: number;
  from: number;
  to: number;
  type: string;
  sentAt: number;
  arrivesAt: number;
  /** Dropped by the user: it is lost when it would have arrived. */
  dropped: boolean;
  msg: unknown;
}

export interface FrameTimer {
  node: number;
  name: string;
  due: number;
  /** The timer's full duration when known (the arc's 100%), else the remaining time when first seen. */
  totalMs: number;
}

export interface FrameNetwork {
  /** Partition groups (one group when healed). */
  groups: number[][];
  /** One-way cuts [from, to]. */
  cuts: [number, number][];
  latency: [number, number];
  loss: number;
  duplicate: number;
}

export interface TraceDelta {
  reset: boolean;
  events: TraceEvent[];
}

export interface RoleTransition {
  node: number;
  /** The state before, or null when unknown (a boot, or history before the trace window). */
  from: string | null;
  to: string;
  at: number;
  /** Gossip: the member whose table changed. */
  observer?: number;
}

/** How a node runs (index = node id; 0 unused). */
export const Health = { down: 0, up: 1, paused: 2, left: 3 } as const;
/** How the live members see a node: the most severe status any of them holds. */
export const Seen = { unknown: 0, alive: 1, suspect: 2, dead: 3, left: 4 } as const;

/** A gossip cluster as arrays indexed by node id (transferred, not copied, to the UI). */
export interface GossipBulk {
  mode: 'rumor' | 'swim';
  health: Uint8Array;
  seen: Uint8Array;
  /** Virtual ms each node learned the rumor; NaN while it has not. */
  informedAt: Float64Array;
  rumorStartedAt: number | null;
  live: number;
  informed: number;
  suspected: number;
  dead: number;
  gossipIntervalMs: number;
  fanout: number;
  loss: number;
}
