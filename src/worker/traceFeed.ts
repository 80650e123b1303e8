import type { Simulation } from '../sim/kernel/simulation';
import type { TraceEvent, TraceKind } from '../sim/kernel/trace';
import type { TraceDelta } from './frame';
import { RoleTracker } from './roleTracker';

/** Bits of `TraceFeed.kinds`, one per trace kind. */
export const KindBit: Record<TraceKind, number> = {
  send: 1,
  deliver: 2,
  drop: 4,
  timer: 8,
  state: 16,
  action: 32,
  narrate: 64,
  violation: 128,
  client: 256,
};

/**
 * After a rewind the UI gets at most this much of the past (virtual ms: the space-time diagram's
 * widest window); it says how much it shows (`windowMs`), and a seek replays only that much … */
export const RESET_WINDOW_MS = 5000;
/** … and never more than this many events in one frame. */
export const MAX_DELTA_EVENTS = 4000;
/**
 * The recent trace kept in the worker: what a reset window needs (RESET_WINDOW_MS of virtual
 * time, and a little more) and never more than this many events, so a long run at 100× does not
 * fill memory.
 */
const RING_EVENTS = 20_000;
const RING_MS = RESET_WINDOW_MS + 2000;
/** Kinds kept for large gossip clusters: what the narration feed, the alerts and the statechart need. */
const LEAN_KINDS = KindBit.narrate | KindBit.violation | KindBit.action;
const LEAN_RING_EVENTS = 2000;

interface Numbered {
  i: number;
  e: TraceEvent;
}

/**
 * The simulation's trace sink: keeps the recent trace (numbered as the kernel numbers it) and
 * hands the UI the events since its last frame. It notices when the kernel rewinds (restores a
 * checkpoint and replays): an event numbered at or below the last one seen drops everything
 * from there on, and the next delta starts over with a reset marker. A jump ahead (a checkpoint
 * restored forward) leaves a gap and resets too.
 */
export class TraceFeed {
  private sim: Simulation | null = null;
  private ring: Numbered[] = [];
  private lastIndex = 0;
  private sentUpTo = 0;
  private rewritten = true;
  private bootCount = 0;
  /** How much of the past a reset window carries (the diagram's window, at most RESET_WINDOW_MS). */
  windowMs = RESET_WINDOW_MS;
  /** Bitmask of the kinds seen since `clearKinds` (the step-to-next-… commands read it). */
  kinds = 0;
  readonly roles: RoleTracker;

  /** `lean`: keep only narration, actions and violations (large gossip clusters). */
  constructor(
    roleField: string,
    perMember: boolean,
    private readonly lean: boolean,
  ) {
    this.roles = new RoleTracker(roleField, perMember);
  }

  readonly sink = (e: TraceEvent): void => {
    // The trace numbers events 1, 2, …; during construction the simulation is not ours yet.
    const index = this.sim ? this.sim.trace.count : ++this.bootCount;
    if (index <= this.lastIndex) this.rewind(index);
    else if (index > this.lastIndex + 1 && this.sim) this.gap();
    this.lastIndex = index;
    const bit = KindBit[e.k];
    this.kinds |= bit;
    this.roles.onEvent(e, index);
    if (this.lean && (bit & LEAN_KINDS) === 0) return;
    this.ring.push({ i: index, e: compact(e) });
    const cap = this.lean ? LEAN_RING_EVENTS : RING_EVENTS;
    if (this.ring.length > cap * 1.25) this.ring.splice(0, this.ring.length - cap);
    else if ((index & 1023) === 0) this.trimOlderThan(e.t - RING_MS);
  };

  attach(sim: Simulation): void {
    this.sim = sim;
    this.lastIndex = sim.trace.count;
    this.sentUpTo = 0;
    this.rewritten = true;
  }

  clearKinds(): void {
    this.kinds = 0;
  }

  /** The events since the last call, or a reset marker and a window of the recent past. */
  take(now: number): TraceDelta {
    const sim = this.sim;
    if (!sim) return { reset: true, events: [] };
    // A restore with nothing replayed after it is a rewind no event announced.
    if (sim.trace.count < this.lastIndex) {
      this.rewind(sim.trace.count + 1);
      this.lastIndex = sim.trace.count;
    }
    const fresh = this.ring.length - firstAfter(this.ring, this.sentUpTo);
    let delta: TraceDelta;
    if (this.rewritten || fresh > MAX_DELTA_EVENTS) {
      const since = now - this.windowMs;
      const window = this.ring.filter((x) => x.e.t >= since);
      delta = { reset: true, events: window.slice(-MAX_DELTA_EVENTS).map((x) => x.e) };
    } else {
      delta = { reset: false, events: this.ring.slice(this.ring.length - fresh).map((x) => x.e) };
    }
    this.sentUpTo = sim.trace.count;
    this.rewritten = false;
    return delta;
  }

  /** Drops what no reset window will ask for again (older than RING_MS behind the present). */
  private trimOlderThan(t: number): void {
    let drop = 0;
    while (drop < this.ring.length && this.ring[drop].e.t < t) drop++;
    if (drop > 0) this.ring.splice(0, drop);
  }

  /** Events from number `index` on are being rewritten: forget them, and what they taught. */
  private rewind(index: number): void {
    while (this.ring.length > 0 && this.ring[this.ring.length - 1].i >= index) this.ring.pop();
    if (index <= this.sentUpTo) this.rewritten = true;
    this.roles.rewind(index);
  }

  private gap(): void {
    this.ring = [];
    this.roles.clear();
    this.rewritten = true;
  }
}

/**
 * An event as the UI needs it: a message event keeps only its message's type (the space-time
 * diagram's label); the message itself travels with the frame's messages in flight, which the
 * inspector reads.
 */
function compact(e: TraceEvent): TraceEvent {
  if (e.k !== 'send' && e.k !== 'deliver' && e.k !== 'drop') return e;
  const type = (e.msg as { type?: unknown } | null)?.type;
  return { ...e, msg: { type: typeof type === 'string' ? type : 'message' } };
}

/** Index of the first entry numbered above `n` (entries are in increasing number). */
function firstAfter(ring: readonly Numbered[], n: number): number {
  let lo = 0;
  let hi = ring.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ring[mid].i <= n) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
