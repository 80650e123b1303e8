import type { QueueSnapshot } from './eventQueue';
import type { NetworkSnapshot } from './network';
import type { TraceState } from './trace';

/** Something that arrived at a paused node and waits until it resumes. */
export type BacklogItem =
  | { kind: 'deliver'; from: number; id: number; msg: unknown }
  | { kind: 'timer'; name: string; gen: number }
  | { kind: 'command'; command: unknown }
  /** The scenario's `set` changed the parameters while the node was paused (`previous`: the ones before). */
  | { kind: 'params'; previous: unknown };

export interface NodeRecord {
  up: boolean;
  paused: boolean;
  /** Timer name → generation of the one pending firing that still counts. */
  timers: Map<string, number>;
  /** Timer name → virtual time it is due (for views: the election timer arc). */
  timerDue: Map<string, number>;
  backlog: BacklogItem[];
  /** What the node has on disk while it is down. */
  persisted: unknown;
}

export interface Counters {
  sent: number;
  delivered: number;
  duplicated: number;
  timers: number;
  dropped: Record<string, number>;
  /** Client replies by outcome (ok, notLeader, timeout, down). */
  replies: Record<string, number>;
}

/** Everything needed to continue a run from a point, as plain data (ARCHITECTURE principle 3). */
export interface Checkpoint {
  now: number;
  events: number;
  seq: number;
  msgSeq: number;
  timerSeq: number;
  cursor: number;
  /** How many `request` events have fired (the last client request's number). */
  requestSeq: number;
  queue: QueueSnapshot;
  states: unknown[];
  nodes: NodeRecord[];
  rngNetwork: number[];
  rngWorkload: number[];
  rngNodes: number[][];
  network: NetworkSnapshot;
  params: unknown;
  trace: TraceState;
  checkerMemory: unknown[];
  reported: string[];
  violations: number;
  counters: Counters;
  droppedByUser: number[];
  /** The virtual time whose events `eventsAtTime` counts, and that count (see Simulation.eventsAt). */
  countedTime: number;
  eventsAtTime: number;
}

export function cloneNodeRecord(r: NodeRecord): NodeRecord {
  return {
    up: r.up,
    paused: r.paused,
    timers: new Map(r.timers),
    timerDue: new Map(r.timerDue),
    backlog: r.backlog.slice(),
    persisted: r.persisted === undefined ? undefined : structuredClone(r.persisted),
  };
}

/** Index of the last checkpoint whose time is ≤ t (checkpoints are in run order). */
export function lastCheckpointAtOrBefore(checkpoints: readonly Checkpoint[], t: number): number {
  return lastWhere(checkpoints, (c) => c.now <= t);
}

/** Index of the last checkpoint whose time is < t. */
export function lastCheckpointBefore(checkpoints: readonly Checkpoint[], t: number): number {
  return lastWhere(checkpoints, (c) => c.now < t);
}

/** Index of the last checkpoint taken after at most `events` events. */
export function lastCheckpointAtOrBeforeEvent(checkpoints: readonly Checkpoint[], events: number): number {
  return lastWhere(checkpoints, (c) => c.events <= events);
}

/** Binary search for the last checkpoint that satisfies a predicate true for a prefix of them. */
function lastWhere(checkpoints: readonly Checkpoint[], holds: (c: Checkpoint) => boolean): number {
  let lo = 0;
  let hi = checkpoints.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (holds(checkpoints[mid])) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Checkpoints kept at full density behind the newest one; beyond, the spacing doubles every this many. */
export const CHECKPOINTS_PER_LEVEL = 64;

/**
 * Thins checkpoints with distance from the newest (ARCHITECTURE principle 3: history must not
 * grow with a full copy per event): the last CHECKPOINTS_PER_LEVEL are kept every `every`
 * events, the next as many every 2·`every`, then 4·`every`, and so on, so a run keeps
 * O(log length) of them. A seek replays at most the spacing at its distance: near the present
 * as few as before, an hour back a few thousand events. The initial checkpoint always stays.
 */
export function thinCheckpoints(checkpoints: Checkpoint[], every: number): void {
  if (checkpoints.length <= CHECKPOINTS_PER_LEVEL + 1) return;
  const newest = checkpoints[checkpoints.length - 1].events;
  const level = every * CHECKPOINTS_PER_LEVEL;
  // A checkpoint stays while its event count is a multiple of the spacing at its distance: the
  // spacings are `every` times powers of two, so the kept ones at a larger distance are always a
  // subset of those kept nearer, and thinning never drops one it would want later.
  let write = 1;
  for (let read = 1; read < checkpoints.length; read++) {
    const c = checkpoints[read];
    const distance = newest - c.events;
    const spacing = distance < level ? every : every * 2 ** Math.floor(Math.log2(distance / level) + 1);
    if (read === checkpoints.length - 1 || c.events % spacing === 0) checkpoints[write++] = c;
  }
  checkpoints.length = write;
}
