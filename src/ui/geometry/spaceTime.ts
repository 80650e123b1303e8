/**
 * The space-time diagram's data: one arrow per message (from its send to its delivery or drop,
 * or to "now" while in flight) and the role changes on each lane. Input is the trace window the
 * store keeps; pure, so it is tested without a DOM.
 */

/** The trace events the diagram reads (a subset of the kernel's TraceEvent union). */
export type SpaceTimeEvent =
  | { t: number; k: 'send'; from: number; to: number; id: number; msg: unknown; dup?: true }
  | { t: number; k: 'deliver'; from: number; to: number; id: number }
  | { t: number; k: 'drop'; from: number; to: number; id: number; reason: string }
  | { t: number; k: 'state'; node: number; field: string; value: unknown }
  | { t: number; k: string };

export interface Arrow {
  id: number;
  from: number;
  to: number;
  type: string;
  sentAt: number;
  /** Delivery or drop time; null while the message is still in flight. */
  endAt: number | null;
  outcome: 'delivered' | 'dropped' | 'inflight';
  reason?: string;
}

export interface LaneMark {
  node: number;
  t: number;
  value: string;
}

export function messageType(msg: unknown): string {
  const type = (msg as { type?: unknown } | null)?.type;
  return typeof type === 'string' ? type : 'message';
}

/** Arrows for every message whose send is in the window, in send order. */
export function messageArrows(events: readonly SpaceTimeEvent[]): Arrow[] {
  const index = new ArrowIndex();
  for (const e of events) index.add(e);
  return [...index.arrows()];
}

/**
 * The arrows of a sliding trace window, kept up to date by the events appended since the last
 * look (a frame adds a few; rescanning the whole window each frame was the diagram's main cost
 * with 15 nodes) and pruned of arrows that ended before the window.
 */
export class ArrowIndex {
  private readonly byId = new Map<number, Arrow>();
  private generation = -1;
  /** Events seen so far, counted as the window counts its appended events. */
  private seen = 0;
  /** Arrows that ended before this time were let go: a wider window must start over. */
  prunedBefore = -Infinity;

  /** Takes in what the window appended since the last call (everything, after a reset of the window). */
  update(events: readonly SpaceTimeEvent[], appended: number, generation: number): void {
    if (generation !== this.generation || appended < this.seen) {
      this.clear();
      this.generation = generation;
      this.seen = appended - events.length;
    }
    const fresh = Math.min(events.length, appended - this.seen);
    for (let i = events.length - fresh; i < events.length; i++) this.add(events[i]);
    this.seen = appended;
  }

  add(e: SpaceTimeEvent): void {
    if (e.k === 'send') {
      const s = e as Extract<SpaceTimeEvent, { k: 'send' }>;
      this.byId.set(s.id, { id: s.id, from: s.from, to: s.to, type: messageType(s.msg), sentAt: s.t, endAt: null, outcome: 'inflight' });
    } else if (e.k === 'deliver' || e.k === 'drop') {
      const d = e as Extract<SpaceTimeEvent, { k: 'deliver' | 'drop' }>;
      const arrow = this.byId.get(d.id);
      if (!arrow) return;
      arrow.endAt = d.t;
      arrow.outcome = d.k === 'deliver' ? 'delivered' : 'dropped';
      if (d.k === 'drop') arrow.reason = (d as { reason: string }).reason;
    }
  }

  /**
   * Lets go of arrows sent before `t` (in send order, so it stops at the first later send): the
   * diagram draws only messages sent since its window's start less the network's largest latency.
   */
  prune(t: number): void {
    for (const [id, arrow] of this.byId) {
      if (arrow.sentAt >= t) break;
      this.byId.delete(id);
    }
    this.prunedBefore = Math.max(this.prunedBefore, t);
  }

  clear(): void {
    this.byId.clear();
    this.generation = -1;
    this.seen = 0;
    this.prunedBefore = -Infinity;
  }

  arrows(): IterableIterator<Arrow> {
    return this.byId.values();
  }
}

/** Changes of one state field (Raft `role`, ZAB `state`) as marks on the lanes. */
export function laneMarks(events: readonly SpaceTimeEvent[], field: string): LaneMark[] {
  const out: LaneMark[] = [];
  for (const e of events) {
    if (e.k !== 'state') continue;
    const s = e as Extract<SpaceTimeEvent, { k: 'state' }>;
    if (s.field === field) out.push({ node: s.node, t: s.t, value: String(s.value) });
    else if (s.field === 'up') out.push({ node: s.node, t: s.t, value: s.value ? 'restart' : 'crash' });
  }
  return out;
}

/** The events from virtual time t on (the window keeps them in time order): a binary search, not a scan. */
export function eventsFrom<E extends { t: number }>(events: readonly E[], t: number): readonly E[] {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (events[mid].t < t) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? events : events.slice(lo);
}

/** The time window shown: mostly the past, a little of the future so arrivals are visible. */
export function timeWindow(now: number, spanMs: number): [number, number] {
  const start = Math.max(0, now - spanMs * 0.85);
  return [start, start + spanMs];
}
