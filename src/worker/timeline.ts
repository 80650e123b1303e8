import type { ExternalEvent, Simulation } from '../sim/kernel/simulation';
import type { TraceEvent } from '../sim/kernel/trace';

/** Who led from `from` on (until `to`, or still, when `to` is null): a band of the timeline. */
export interface TimelineBand {
  from: number;
  to: number | null;
  leader: number;
  /** Raft term or ZooKeeper epoch. */
  term: number;
  /** The event count right after the leader appeared (jumping to the band lands there). */
  events: number;
  /** The event count right after it ended, or null while it lasts. */
  endEvents: number | null;
}

export type TimelineMarkerKind =
  | 'won'
  | 'lost'
  | 'crash'
  | 'restart'
  | 'pause'
  | 'resume'
  | 'partition'
  | 'cut'
  | 'heal'
  | 'action'
  | 'violation';

/** One moment worth a mark on the timeline. */
export interface TimelineMarker {
  kind: TimelineMarkerKind;
  at: number;
  /** The event count right after it: a click on the marker shows exactly this state. */
  events: number;
  /** The node concerned (crash, win…), or 0. */
  node: number;
  /** Raft term / ZAB epoch for won and lost. */
  term?: number;
  /** The action as the scenario records it (action kinds), or the invariant and message (violations). */
  action?: ExternalEvent;
  invariant?: string;
  message?: string;
  /** Taken by the user (from a menu, a drag…), not scripted in the scenario. */
  user: boolean;
}

/** What changed since the UI's last look: entries from `bandsFrom` / `markersFrom` on replace what it has. */
export interface TimelineDelta {
  bandsFrom: number;
  bands: TimelineBand[];
  markersFrom: number;
  markers: TimelineMarker[];
}

/** A recorder's contents, kept by the undo history to put a discarded future back. */
export interface TimelineSnapshot {
  bands: TimelineBand[];
  markers: TimelineMarker[];
  recordedUpTo: number;
}

const ACTION_KINDS: Record<string, TimelineMarkerKind> = {
  crash: 'crash',
  restart: 'restart',
  pause: 'pause',
  resume: 'resume',
  partition: 'partition',
  cut: 'cut',
  heal: 'heal',
};

/**
 * Records the whole reached run for the painted timeline: who led when (bands by term or epoch,
 * gaps where nobody led), and markers for leaders won and lost, crashes, restarts, partitions,
 * heals, other actions and violations. Events are numbered by the trace: a rewind replays
 * events already recorded, which are skipped, so the timeline keeps the future the user reached
 * while they look at the past. Only acting (a new branch) truncates it.
 */
export class TimelineRecorder {
  private bands: TimelineBand[] = [];
  private markers: TimelineMarker[] = [];
  /** The trace count up to which events are recorded. */
  private recordedUpTo = 0;
  private pending: TraceEvent[] = [];
  private stateChanged = false;
  private sim: Simulation | null = null;
  /** What the UI has: from these indices on, the next delta resends. */
  private bandsSent = 0;
  private markersSent = 0;
  private bandsDirtyFrom = 0;
  private markersDirtyFrom = 0;

  constructor(private readonly isUserAction: (action: ExternalEvent) => boolean) {}

  attach(sim: Simulation): void {
    this.sim = sim;
    this.recordedUpTo = sim.trace.count;
  }

  /** The trace sink's view: kept until the event ends (`onEvent`), when the state can be read. */
  readonly onTrace = (e: TraceEvent): void => {
    if (!this.sim) return;
    if (e.k === 'state') this.stateChanged = true;
    else if (e.k === 'action' || e.k === 'violation') this.pending.push(e);
  };

  /** After each processed event: a new one (not a replay) is recorded. */
  readonly onEvent = (): void => {
    const sim = this.sim;
    if (!sim) return;
    if (sim.trace.count <= this.recordedUpTo) {
      this.pending.length = 0;
      this.stateChanged = false;
      return;
    }
    this.recordedUpTo = sim.trace.count;
    for (const e of this.pending) this.markerOf(e, sim);
    this.pending.length = 0;
    if (this.stateChanged) this.followLeader(sim);
    this.stateChanged = false;
  };

  /**
   * The run branches at the present, after `events` events and `traceCount` trace events (an
   * action is taken): what was recorded beyond that is another future, and goes.
   */
  truncate(events: number, traceCount: number): void {
    let m = this.markers.length;
    while (m > 0 && this.markers[m - 1].events > events) m--;
    if (m < this.markers.length) this.setMarkers(this.markers.slice(0, m));
    let b = this.bands.length;
    while (b > 0 && this.bands[b - 1].events > events) b--;
    const last = b > 0 ? this.bands[b - 1] : null;
    // A band that ended in the discarded future is open again: as far as the present knows, that leader still leads.
    const reopen = last !== null && last.endEvents !== null && last.endEvents > events;
    if (b < this.bands.length || reopen) {
      const bands = this.bands.slice(0, b);
      if (reopen) bands[b - 1] = { ...last, to: null, endEvents: null };
      this.setBands(bands);
    }
    this.recordedUpTo = traceCount;
  }

  save(): TimelineSnapshot {
    return { bands: this.bands.slice(), markers: this.markers.slice(), recordedUpTo: this.recordedUpTo };
  }

  restore(snapshot: TimelineSnapshot): void {
    this.setBands(snapshot.bands.slice());
    this.setMarkers(snapshot.markers.slice());
    this.recordedUpTo = snapshot.recordedUpTo;
  }

  /** Everything (a new UI, or one that lost track). */
  full(): TimelineDelta {
    this.bandsSent = this.bands.length;
    this.markersSent = this.markers.length;
    this.bandsDirtyFrom = this.bandsSent;
    this.markersDirtyFrom = this.markersSent;
    return { bandsFrom: 0, bands: this.bands.slice(), markersFrom: 0, markers: this.markers.slice() };
  }

  /** What changed since the last delta, or null when nothing did. */
  take(): TimelineDelta | null {
    const bandsFrom = Math.min(this.bandsSent, this.bandsDirtyFrom);
    const markersFrom = Math.min(this.markersSent, this.markersDirtyFrom);
    if (bandsFrom === this.bands.length && markersFrom === this.markers.length && this.bandsSent === this.bands.length && this.markersSent === this.markers.length) {
      return null;
    }
    this.bandsSent = this.bands.length;
    this.markersSent = this.markers.length;
    this.bandsDirtyFrom = this.bandsSent;
    this.markersDirtyFrom = this.markersSent;
    return { bandsFrom, bands: this.bands.slice(bandsFrom), markersFrom, markers: this.markers.slice(markersFrom) };
  }

  get markerCount(): number {
    return this.markers.length;
  }

  get bandCount(): number {
    return this.bands.length;
  }

  private setBands(bands: TimelineBand[]): void {
    let same = 0;
    while (same < bands.length && same < this.bands.length && bands[same] === this.bands[same]) same++;
    this.bandsDirtyFrom = Math.min(this.bandsDirtyFrom, same);
    this.bands = bands;
  }

  private setMarkers(markers: TimelineMarker[]): void {
    let same = 0;
    while (same < markers.length && same < this.markers.length && markers[same] === this.markers[same]) same++;
    this.markersDirtyFrom = Math.min(this.markersDirtyFrom, same);
    this.markers = markers;
  }

  private markerOf(e: TraceEvent, sim: Simulation): void {
    const base = { at: sim.now, events: sim.events };
    if (e.k === 'violation') {
      this.markers.push({ ...base, kind: 'violation', node: 0, invariant: e.invariant, message: e.message, user: false });
      return;
    }
    if (e.k !== 'action') return;
    const action = e.action as ExternalEvent;
    this.markers.push({ ...base, kind: ACTION_KINDS[action.do] ?? 'action', node: action.node ?? 0, action, user: this.isUserAction(action) });
  }

  /** Bands follow the leader the status line names (the highest term or epoch that leads). */
  private followLeader(sim: Simulation): void {
    const leaderOf = sim.protocol.leader;
    if (!leaderOf) return;
    const now = leaderOf(sim.snapshot());
    const open = this.bands.at(-1);
    const current = open && open.to === null ? open : null;
    if (current && now && current.leader === now.id && current.term === now.term) return;
    if (!current && !now) return;
    if (current) {
      this.bands[this.bands.length - 1] = { ...current, to: sim.now, endEvents: sim.events };
      this.bandsDirtyFrom = Math.min(this.bandsDirtyFrom, this.bands.length - 1);
      if (!now) this.markers.push({ kind: 'lost', at: sim.now, events: sim.events, node: current.leader, term: current.term, user: false });
    }
    if (now) {
      this.bands.push({ from: sim.now, to: null, leader: now.id, term: now.term, events: sim.events, endEvents: null });
      this.markers.push({ kind: 'won', at: sim.now, events: sim.events, node: now.id, term: now.term, user: false });
    }
  }
}
