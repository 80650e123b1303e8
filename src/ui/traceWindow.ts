import type { TraceEvent } from '../sim/kernel/trace';
import type { TraceDelta } from '../worker/frame';

/** Virtual ms of the past the UI keeps for the space-time diagram (its widest window is 5 s). */
export const KEEP_MS = 5000;
const MAX_EVENTS = 12_000;
const MAX_LINES = 200;

export interface NarrationLine {
  /** Trace position, unique within a window (a React key). */
  key: string;
  t: number;
  node: number | null;
  /** The trace event; its text is rendered when shown, in the language of the moment (narrationText). */
  event: TraceEvent;
  kind: 'narrate' | 'action' | 'violation';
}

/**
 * The recent trace as the UI keeps it: a sliding window of events (the space-time diagram) and
 * the narration lines rendered from it. A delta with `reset` replaces everything (the run was
 * rewound); otherwise events are appended and the window slides.
 */
export class TraceWindow {
  events: TraceEvent[] = [];
  lines: NarrationLine[] = [];
  /** Events appended since the window was last replaced (trimmed ones included): readers take in only what is new. */
  appended = 0;
  /** Bumped whenever the window is replaced or cleared. */
  generation = 0;
  private serial = 0;

  apply(delta: TraceDelta, now: number): { linesChanged: boolean } {
    let linesChanged = false;
    if (delta.reset) {
      this.events = delta.events.slice();
      this.lines = [];
      this.appended = delta.events.length;
      this.generation++;
      linesChanged = true;
    } else {
      for (const e of delta.events) this.events.push(e);
      this.appended += delta.events.length;
    }
    for (const e of delta.events) {
      const line = this.lineOf(e);
      if (line) {
        this.lines.push(line);
        linesChanged = true;
      }
    }
    if (this.lines.length > MAX_LINES) this.lines = this.lines.slice(-MAX_LINES);
    else if (linesChanged) this.lines = this.lines.slice();
    this.trim(now);
    return { linesChanged };
  }

  clear(): void {
    this.events = [];
    this.lines = [];
    this.appended = 0;
    this.generation++;
  }

  private trim(now: number): void {
    const cutoff = now - KEEP_MS;
    let lo = 0;
    let hi = this.events.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.events[mid].t < cutoff) lo = mid + 1;
      else hi = mid;
    }
    const drop = Math.max(lo, this.events.length - MAX_EVENTS);
    if (drop > 0) this.events.splice(0, drop);
  }

  private lineOf(e: TraceEvent): NarrationLine | null {
    const key = `${e.t}:${++this.serial}`;
    if (e.k === 'narrate') return { key, t: e.t, node: e.node || null, event: e, kind: 'narrate' };
    if (e.k === 'action' || e.k === 'violation') return { key, t: e.t, node: null, event: e, kind: e.k };
    return null;
  }
}
