import { canonicalAction } from './canonical';
import {
  cloneNodeRecord,
  lastCheckpointAtOrBefore,
  lastCheckpointAtOrBeforeEvent,
  lastCheckpointBefore,
  thinCheckpoints,
  type BacklogItem,
  type Checkpoint,
  type Counters,
  type NodeRecord,
} from './checkpoint';
import { EventQueue, QueueKind, type QueuedItem } from './eventQueue';
import { Network, defaultNetwork, type DropReason, type NetworkSettings } from './network';
import { KernelIO, type EffectSink } from './nodeIO';
import { RandomStream } from './prng';
import type { AnyProtocol, ClientReply, ClusterSnapshot, Message, NodeCommand, NodeView } from './protocol';
import { Trace, type TraceEvent, type TraceSink } from './trace';

/** One scripted or user action (Contract 1 `events`); the kernel reads `at` and `do`. */
export interface ExternalEvent {
  at: number;
  /**
   * How many events of virtual time `at` run before this action (default 0: before all of
   * them). An action taken while the view shows event k of a millisecond records k, so it lands
   * after what was on screen and before what was not (see `eventsAt`).
   */
  after?: number;
  do: string;
  node?: number;
  from?: number;
  to?: number;
  groups?: number[][];
  value?: string;
  network?: Partial<NetworkSettings>;
  params?: unknown;
  /** `drop`: the id of a message in flight. */
  message?: number;
}

export interface InFlightMessage {
  from: number;
  to: number;
  id: number;
  msg: unknown;
  sentAt: number;
  arrivesAt: number;
  /** Dropped by the user: it will be lost when it would have arrived. */
  dropped: boolean;
}

/** Where a run stands: after `events` events, with the clock at `now` (at or after the last one's time). */
export interface RunPosition {
  events: number;
  now: number;
}

/** The run's actions with which of them the user took (for undo: see `saveActions`). */
export interface SavedActions {
  actions: ExternalEvent[];
  user: boolean[];
}

/** What the kernel needs of a scenario (a validated Contract 1 scenario fits). */
export interface SimulationInput {
  nodes: number;
  seed?: number;
  network?: Partial<NetworkSettings>;
  params?: unknown;
  init?: Record<string, unknown>;
  events?: readonly ExternalEvent[];
}

export interface SimulationOptions {
  /** Take a checkpoint every this many events (0: only the initial one). */
  checkpointEvery?: number;
  /** Keep every trace event in `traceLog` (the UI and `--trace` need it; benchmarks do not). */
  recordTrace?: boolean;
  /** Called with every trace event as it happens. */
  onTrace?: TraceSink;
  /** Called after every processed event, once the checkers have looked (a view's recorder reads the state here). */
  onEvent?: () => void;
}

export interface Violation {
  at: number;
  invariant: string;
  message: string;
}

const NODE_COMMANDS = new Set(['timeout', 'request', 'rumor', 'join', 'leave']);

/**
 * The deterministic kernel: virtual clock, (time, seq)-ordered queue, seeded streams, network
 * model, node lifecycle, trace, checkers and checkpoints. Protocols plug in as sans-IO state
 * machines; the same input always yields the same trace, bit for bit.
 */
export class Simulation implements EffectSink {
  readonly nodeCount: number;
  readonly seed: number;
  now = 0;
  /** Processed events (deliveries, drops on delivery, timer firings, external actions). */
  events = 0;
  readonly trace = new Trace();
  traceLog: TraceEvent[] | null;
  violations: Violation[] = [];
  /** The scripted and user actions in run order; user actions are inserted by `act`. */
  private readonly externals: ExternalEvent[];
  private readonly userActions = new Set<ExternalEvent>();
  /** The action the last `act` inserted, as recorded (with its `at` and `after`). */
  lastAct: ExternalEvent | null = null;
  params: unknown;

  private readonly queue = new EventQueue();
  private readonly network: Network;
  private readonly io: KernelIO;
  private rngNetwork: RandomStream;
  private rngWorkload: RandomStream;
  private rngNodes: RandomStream[];
  private states: unknown[];
  private nodes: NodeRecord[];
  private seq = 0;
  private msgSeq = 0;
  private timerSeq = 0;
  private cursor = 0;
  private checkerMemory: unknown[];
  private readonly reporters: ((message: string) => void)[];
  private reported = new Set<string>();
  private counters: Counters = emptyCounters();
  /** How many `request` events have fired: each gets the next number, its client's. */
  private requestSeq = 0;
  /** The client replies of the event being processed; checkers read them, then they are cleared. */
  private readonly replies: { node: number; reply: ClientReply }[] = [];
  private readonly checkpointEvery: number;
  private readonly onEvent: (() => void) | null;
  private checkpoints: Checkpoint[] = [];
  private readonly cluster: {
    now: number;
    states: unknown[];
    persisted: unknown[];
    nodeCount: number;
    params: unknown;
    touched: number;
    replies: { node: number; reply: ClientReply }[];
  };
  private readonly item: QueuedItem = { time: 0, seq: 0, kind: QueueKind.Deliver, node: 0, from: 0, id: 0, sent: 0, payload: undefined };
  /** Messages in flight that the user dropped (by clicking them); lost when they would arrive. */
  private droppedByUser = new Set<number>();
  private readonly latencies = new Float64Array(2);
  /** `eventsAtTime` counts the events processed at virtual time `countedTime` (see eventsAt). */
  private countedTime = 0;
  private eventsAtTime = 0;
  /** Nodes whose state may have changed since the last `takeChangedNodes` (views recompute only those). */
  private changedNodes: Uint8Array;
  private allNodesChanged = true;
  /**
   * Bumped whenever the messages in flight change (a send, a delivery, a drop, a message parked at
   * a paused node, a rewind), so a view can tell an unchanged list without listing it.
   */
  flightVersion = 0;

  constructor(
    readonly protocol: AnyProtocol,
    input: SimulationInput,
    options: SimulationOptions = {},
  ) {
    const n = input.nodes;
    this.nodeCount = n;
    this.seed = (input.seed ?? 1) >>> 0;
    this.checkpointEvery = options.checkpointEvery ?? 0;
    this.onEvent = options.onEvent ?? null;
    this.traceLog = options.recordTrace ? [] : null;
    this.installSink(options.onTrace);
    this.network = new Network(n, { ...defaultNetwork, ...(input.network ?? {}) } as NetworkSettings);
    this.rngNetwork = RandomStream.derive(this.seed, 'network');
    this.rngWorkload = RandomStream.derive(this.seed, 'workload');
    this.rngNodes = [];
    for (let id = 0; id <= n; id++) this.rngNodes.push(RandomStream.derive(this.seed, 'node', id));
    this.params = protocol.resolveParams(input.params);
    if (protocol.configure) this.params = protocol.configure(this.params, input.init);
    this.io = new KernelIO(this, n);
    // In time order, then by position within the millisecond; ties keep file order (a stable sort).
    this.externals = (input.events ?? []).map(canonicalAction).sort((a, b) => a.at - b.at || (a.after ?? 0) - (b.after ?? 0));
    this.checkerMemory = (protocol.checkers ?? []).map((c) => c.init());
    this.reporters = (protocol.checkers ?? []).map((c) => (message: string) => this.report(c.invariant, message));
    this.states = new Array<unknown>(n + 1).fill(null);
    this.changedNodes = new Uint8Array(n + 1);
    this.nodes = [];
    const persisted = new Array<unknown>(n + 1);
    this.cluster = { now: 0, states: this.states, persisted, nodeCount: n, params: this.params, touched: 0, replies: this.replies };
    for (let id = 0; id <= n; id++) {
      const init = id === 0 ? undefined : (input.init?.[String(id)] as { up?: boolean } | undefined);
      this.nodes.push({
        up: id > 0 && init?.up !== false,
        paused: false,
        timers: new Map(),
        timerDue: new Map(),
        backlog: [],
        persisted: id === 0 ? undefined : protocol.initialPersisted(id, init, this.params),
      });
    }
    for (let id = 1; id <= n; id++) {
      if (this.nodes[id].up) this.boot(id);
      else this.refreshPersisted(id);
    }
    this.afterEvent();
    // Booting is event 1, but no action can come before it: positions within time 0 count from
    // here, and the initial checkpoint (the only one of the boot) is taken after this.
    this.eventsAtTime = 0;
    this.checkpoints = [this.capture()];
  }

  // ---- running ---------------------------------------------------------------------------

  /**
   * Processes the next visible event at or before `limit`; false when there is none. Invisible
   * work on the way (stale timers, items parked at a paused node) never moves past `limit`.
   */
  step(limit = Infinity): boolean {
    for (;;) {
      const ext = this.cursor < this.externals.length ? this.externals[this.cursor] : null;
      const queued = this.queue.peekTime();
      if (ext && ext.at <= limit && this.externalDue(ext, queued)) {
        this.now = Math.max(this.now, ext.at);
        this.cursor++;
        this.applyExternal(ext);
        this.cluster.touched = 0;
        this.afterEvent();
        return true;
      }
      if (queued > limit || !this.queue.pop(this.item)) return false;
      this.now = this.item.time;
      if (this.dispatch(this.item)) {
        this.cluster.touched = this.item.node;
        this.afterEvent();
        return true;
      }
    }
  }

  /**
   * Whether the next action runs before the next queued item (due at `queued`). An action at
   * time t with `after` k waits until k events of time t have run; when fewer come (the queue
   * moves past t), it runs after the last of them.
   */
  private externalDue(ext: ExternalEvent, queued: number): boolean {
    if (ext.at > queued) return false;
    const after = ext.after ?? 0;
    return after === 0 || ext.at < queued || this.eventsAt(ext.at) >= after;
  }

  /** How many events have been processed at virtual time t so far (0 unless t is the latest event time). */
  eventsAt(t: number): number {
    return this.countedTime === t ? this.eventsAtTime : 0;
  }

  /**
   * The nodes whose state may have changed since the last call ('all' after a rewind or an
   * action), and forgets them: what a view needs to recompute.
   */
  takeChangedNodes(): 'all' | number[] {
    if (this.allNodesChanged) {
      this.allNodesChanged = false;
      this.changedNodes.fill(0);
      return 'all';
    }
    const out: number[] = [];
    for (let id = 1; id <= this.nodeCount; id++) {
      if (this.changedNodes[id] === 0) continue;
      out.push(id);
      this.changedNodes[id] = 0;
    }
    return out;
  }

  /** Where the run stands now: what an action taken now acts after, and what Step back returns to. */
  position(): RunPosition {
    return { events: this.events, now: this.now };
  }

  /** Time of the next event, or Infinity. */
  nextEventTime(): number {
    const ext = this.cursor < this.externals.length ? this.externals[this.cursor].at : Infinity;
    return Math.min(ext, this.queue.peekTime());
  }

  /** Processes every event at or before `t`, then sets the clock to `t`. */
  runUntil(t: number): void {
    while (this.step(t));
    if (t > this.now && Number.isFinite(t)) this.now = t;
  }

  /** Runs until `predicate` holds after an event or `limit` virtual ms pass; true if it held. */
  runUntilCondition(predicate: () => boolean, limit: number): boolean {
    const end = this.now + limit;
    while (this.step(end)) {
      if (predicate()) return true;
    }
    if (end > this.now) this.now = end;
    return false;
  }

  /**
   * Moves to virtual time t: forward by running, backward by restoring the last checkpoint at
   * or before t and replaying (ARCHITECTURE principle 3).
   */
  seek(t: number): void {
    const nearest = this.checkpoints[Math.max(0, lastCheckpointAtOrBefore(this.checkpoints, t))];
    // Backward always restores; forward restores too when a checkpoint lies ahead of us.
    if (t < this.now || nearest.now > this.now) this.restore(nearest);
    this.runUntil(t);
  }

  /**
   * Moves to the position after exactly `events` events (same-time events included): back by
   * restoring the last checkpoint at or before it and replaying, forward by running. Stops early
   * when the run has no more events.
   */
  seekToEvent(events: number): void {
    const target = Math.max(1, Math.floor(events));
    if (target < this.events || this.checkpointAhead(target)) {
      this.restore(this.checkpoints[Math.max(0, lastCheckpointAtOrBeforeEvent(this.checkpoints, target))]);
    }
    while (this.events < target && this.step());
  }

  /**
   * Moves to a moment as a link names it: the state after every event at or before `at`, or,
   * with `after`, after only the first `after` events of time `at` (fewer when it has fewer).
   */
  seekToMoment(at: number, after?: number): void {
    if (after === undefined) {
      this.seek(at);
      return;
    }
    const nearest = this.checkpoints[Math.max(0, lastCheckpointBefore(this.checkpoints, at))];
    if (this.now >= at || nearest.now > this.now) this.restore(nearest);
    while (this.nextEventTime() < at && this.step());
    while (this.nextEventTime() === at && this.eventsAt(at) < after && this.step());
    if (at > this.now) this.now = at;
  }

  /** Runs forward (never restoring a checkpoint) until `events` events have been processed, or the run has no more. */
  runToEvent(events: number): void {
    while (this.events < events && this.step());
  }

  /** Moves to a position: its event, then the clock to its time (nothing visible happens in between). */
  seekToPosition(position: RunPosition): void {
    this.seekToEvent(position.events);
    if (this.events !== position.events || position.now <= this.now) return;
    this.skipInvisibleUntil(position.now);
    // Something that counts is due before that time: the position is not one this run reached.
    if (Math.min(this.nextExternalTime(), this.queue.peekTime()) < position.now) return;
    this.now = position.now;
  }

  private nextExternalTime(): number {
    return this.cursor < this.externals.length ? this.externals[this.cursor].at : Infinity;
  }

  /**
   * Handles the queued items due at or before t that are no event (stale timers, deliveries
   * parked at a paused node), as running the clock to t did when the position was reached, and
   * stops at the first visible one.
   */
  private skipInvisibleUntil(t: number): void {
    const item = this.item;
    while (this.queue.peekTime() <= t && this.nextExternalTime() > this.queue.peekTime()) {
      this.queue.pop(item);
      if (this.isVisible(item)) {
        this.queue.push(item.time, item.seq, item.kind, item.node, item.from, item.id, item.payload, item.sent);
        return;
      }
      this.now = Math.max(this.now, item.time);
      this.dispatch(item);
    }
  }

  /** Whether dispatching a queued item would be an event (see `dispatch`), without dispatching it. */
  private isVisible(q: QueuedItem): boolean {
    const rec = this.nodes[q.node];
    if (q.kind === QueueKind.Deliver) {
      return this.droppedByUser.has(q.id) || !rec.up || this.network.blocked(q.from, q.node) !== null || !rec.paused;
    }
    return rec.up && rec.timers.get(q.payload as string) === q.from && !rec.paused;
  }

  /**
   * A user action at the current position: after the events on screen, before the next one,
   * even within one millisecond (it records `after`: see ExternalEvent). It is inserted into the
   * run's actions (so a share link replays it) and the present is recomputed from the last
   * checkpoint before it, exactly as a fresh run of the edited scenario orders it. Acting in the
   * past branches the run: the user actions not yet reached belong to the old future and are
   * discarded (scripted scenario events stay). Returns how many user actions were discarded.
   */
  act(action: Omit<ExternalEvent, 'at' | 'after'>): number {
    const at = this.now;
    // Actions already run at this time keep their place before the new one (one whose `after`
    // exceeded the events of its millisecond ran late, when the clock moved on).
    const previous = this.cursor > 0 ? this.externals[this.cursor - 1] : null;
    const after = Math.max(this.eventsAt(at), previous && previous.at === at ? (previous.after ?? 0) : 0);
    const future = this.externals.slice(this.cursor);
    const discarded = future.filter((e) => this.userActions.has(e)).length;
    const event = canonicalAction({ ...action, at, after: after > 0 ? after : undefined } as ExternalEvent);
    // The new action is the next one to run: every action before the cursor has run, every one
    // after it has not, so the list stays in (at, after) order and a fresh run orders it the same.
    const index = this.cursor;
    this.externals.length = index;
    this.externals.push(event, ...future.filter((e) => !this.userActions.has(e)));
    for (const e of future) this.userActions.delete(e);
    this.userActions.add(event);
    this.lastAct = { ...event };
    this.restoreBefore(at);
    while (this.cursor <= index && this.step(at));
    return discarded;
  }

  /** The actions of this run (scripted and user), in order: what a share link encodes. */
  actions(): ExternalEvent[] {
    return this.externals.map((e) => ({ ...e }));
  }

  /** Whether an action of this run was taken by the user (`act`), not scripted. */
  isUserAction(action: ExternalEvent): boolean {
    return this.userActions.has(action);
  }

  /**
   * Marks actions of the scenario as the user's (a run rebuilt from the recorded scenario): equal
   * actions are interchangeable, so each given one marks the first unmarked equal action.
   */
  markUserActions(events: readonly ExternalEvent[]): void {
    const wanted = events.map((e) => JSON.stringify(canonicalAction(e)));
    for (const e of this.externals) {
      const i = wanted.indexOf(JSON.stringify(e));
      if (i < 0 || this.userActions.has(e)) continue;
      this.userActions.add(e);
      wanted.splice(i, 1);
    }
  }

  /** The actions and which of them the user took: what `restoreActions` puts back (undo). */
  saveActions(): SavedActions {
    return { actions: this.externals.map((e) => ({ ...e })), user: this.externals.map((e) => this.userActions.has(e)) };
  }

  /**
   * Puts back actions saved before a branch at virtual time `branchedAt` (undo of an action),
   * and moves to `position`. Checkpoints before the branch are shared by both histories; later
   * ones belonged to the undone branch and are dropped.
   */
  restoreActions(saved: SavedActions, branchedAt: number, position: RunPosition): void {
    this.externals.length = 0;
    this.userActions.clear();
    saved.actions.forEach((e, i) => {
      const copy = { ...e };
      this.externals.push(copy);
      if (saved.user[i]) this.userActions.add(copy);
    });
    this.restoreBefore(branchedAt);
    this.seekToPosition(position);
  }

  /** Restores the last checkpoint before virtual time `at`; later ones belong to another history and are dropped. */
  private restoreBefore(at: number): void {
    while (this.checkpoints.length > 1 && this.checkpoints[this.checkpoints.length - 1].now >= at) this.checkpoints.pop();
    this.restore(this.checkpoints[this.checkpoints.length - 1]);
  }

  /** Whether a checkpoint lies between now and `events` (restoring it is cheaper than running). */
  private checkpointAhead(events: number): boolean {
    const index = lastCheckpointAtOrBeforeEvent(this.checkpoints, events);
    return index >= 0 && this.checkpoints[index].events > this.events;
  }

  get checkpointCount(): number {
    return this.checkpoints.length;
  }

  traceHash(): string {
    return this.trace.hash();
  }

  // ---- reading -----------------------------------------------------------------------------

  snapshot(): ClusterSnapshot<unknown> {
    this.refreshCluster();
    return this.cluster;
  }

  isUp(id: number): boolean {
    return this.nodes[id].up;
  }

  isPaused(id: number): boolean {
    return this.nodes[id].paused;
  }

  stateOf(id: number): unknown {
    return this.states[id];
  }

  nodeViews(): NodeView[] {
    const out: NodeView[] = [];
    for (let id = 1; id <= this.nodeCount; id++) out.push(this.nodeView(id));
    return out;
  }

  /** One node's view (Contract 2 fields): `id`, `up`, `paused` while paused, then the protocol's. */
  nodeView(id: number): NodeView {
    const rec = this.nodes[id];
    return {
      id,
      up: rec.up,
      ...(rec.paused ? { paused: true } : {}),
      ...this.protocol.view(rec.up ? this.states[id] : null, rec.up ? undefined : rec.persisted, id),
    };
  }

  networkView(): ReturnType<Network['describe']> & { settings: NetworkSettings } {
    return { ...this.network.describe(), settings: this.network.settings };
  }

  /** Messages in flight (sent, not yet delivered), for views. */
  inFlight(): InFlightMessage[] {
    const out: InFlightMessage[] = [];
    this.queue.forEach((q) => {
      if (q.kind === QueueKind.Deliver) {
        out.push({ from: q.from, to: q.node, id: q.id, msg: q.payload, sentAt: q.sent, arrivesAt: q.time, dropped: this.droppedByUser.has(q.id) });
      }
    });
    return out.sort((a, b) => a.arrivesAt - b.arrivesAt || a.id - b.id);
  }

  /** Pending timers of a live node with the time each is due (views draw the election timer). */
  timersOf(id: number): { name: string; due: number }[] {
    const rec = this.nodes[id];
    if (!rec.up) return [];
    return [...rec.timerDue.entries()].map(([name, due]) => ({ name, due })).sort((a, b) => a.due - b.due);
  }

  kernelMetrics(): Counters & { events: number; traceEvents: number } {
    return { ...this.counters, dropped: { ...this.counters.dropped }, replies: { ...this.counters.replies }, events: this.events, traceEvents: this.trace.count };
  }

  /** The workload stream, for generators that must stay reproducible (fuzz schedules). */
  get workloadRng(): RandomStream {
    return this.rngWorkload;
  }

  // ---- effects (EffectSink) ----------------------------------------------------------------

  send(from: number, to: number, msg: Message): void {
    const id = ++this.msgSeq;
    this.flightVersion++;
    this.counters.sent++;
    this.trace.send(this.now, from, to, id, msg, false);
    const blocked = this.network.blocked(from, to);
    if (blocked) {
      this.drop(from, to, id, msg, blocked);
      return;
    }
    const lat = this.latencies;
    const copies = this.network.transit(this.rngNetwork, lat);
    if (copies === 0) {
      this.drop(from, to, id, msg, 'loss');
      return;
    }
    this.queue.push(this.now + lat[0], ++this.seq, QueueKind.Deliver, to, from, id, msg, this.now);
    if (copies > 1) {
      const dupId = ++this.msgSeq;
      this.counters.duplicated++;
      this.trace.send(this.now, from, to, dupId, msg, true);
      this.queue.push(this.now + lat[1], ++this.seq, QueueKind.Deliver, to, from, dupId, msg, this.now);
    }
  }

  setTimer(node: number, name: string, delayMs: number): void {
    const gen = ++this.timerSeq;
    const rec = this.nodes[node];
    rec.timers.set(name, gen);
    rec.timerDue.set(name, this.now + delayMs);
    this.queue.push(this.now + delayMs, ++this.seq, QueueKind.Timer, node, gen, 0, name, this.now);
  }

  cancelTimer(node: number, name: string): void {
    this.nodes[node].timers.delete(name);
    this.nodes[node].timerDue.delete(name);
  }

  narrate(node: number, key: string, params: Record<string, unknown>): void {
    this.trace.narrate(this.now, node, key, params);
  }

  changed(node: number, field: string, value: unknown): void {
    this.trace.state(this.now, node, field, value);
  }

  reply(node: number, reply: ClientReply): void {
    this.trace.client(this.now, node, reply);
    this.counters.replies[reply.outcome] = (this.counters.replies[reply.outcome] ?? 0) + 1;
    this.replies.push({ node, reply });
  }

  // ---- internals ---------------------------------------------------------------------------

  private installSink(onTrace: TraceSink | undefined): void {
    const log = this.traceLog;
    if (log && onTrace) {
      this.trace.sink = (e) => {
        log.push(e);
        onTrace(e);
      };
    } else if (log) this.trace.sink = (e) => log.push(e);
    else if (onTrace) this.trace.sink = onTrace;
  }

  /** Handles one queued item; false when it was invisible (a stale timer, or parked while paused). */
  private dispatch(q: QueuedItem): boolean {
    const rec = this.nodes[q.node];
    if (q.kind === QueueKind.Deliver) {
      if (this.droppedByUser.size > 0 && this.droppedByUser.delete(q.id)) {
        this.drop(q.from, q.node, q.id, q.payload, 'user');
        return true;
      }
      if (!rec.up) {
        this.drop(q.from, q.node, q.id, q.payload, 'down');
        return true;
      }
      const blocked = this.network.blocked(q.from, q.node);
      if (blocked) {
        this.drop(q.from, q.node, q.id, q.payload, blocked);
        return true;
      }
      if (rec.paused) {
        rec.backlog.push({ kind: 'deliver', from: q.from, id: q.id, msg: q.payload });
        this.flightVersion++;
        return false;
      }
      this.deliver(q.node, q.from, q.id, q.payload as Message);
      return true;
    }
    // Timer: stale unless it is still the pending generation of that name.
    const name = q.payload as string;
    if (!rec.up || rec.timers.get(name) !== q.from) return false;
    if (rec.paused) {
      rec.backlog.push({ kind: 'timer', name, gen: q.from });
      return false;
    }
    this.fireTimer(q.node, name);
    return true;
  }

  private deliver(to: number, from: number, id: number, msg: Message): void {
    this.counters.delivered++;
    this.flightVersion++;
    this.trace.deliver(this.now, from, to, id, msg);
    this.protocol.onMessage(this.states[to], from, msg, this.ioFor(to));
  }

  private fireTimer(node: number, name: string): void {
    this.nodes[node].timers.delete(name);
    this.nodes[node].timerDue.delete(name);
    this.counters.timers++;
    this.trace.timer(this.now, node, name);
    this.protocol.onTimer(this.states[node], name, this.ioFor(node));
  }

  private drop(from: number, to: number, id: number, msg: unknown, reason: DropReason): void {
    this.counters.dropped[reason] = (this.counters.dropped[reason] ?? 0) + 1;
    this.flightVersion++;
    this.trace.drop(this.now, from, to, id, msg, reason);
  }

  private ioFor(id: number): KernelIO {
    const io = this.io;
    io.id = id;
    io.now = this.now;
    io.params = this.params;
    io.rng = this.rngNodes[id];
    return io;
  }

  private boot(id: number): void {
    const rec = this.nodes[id];
    rec.up = true;
    rec.paused = false;
    rec.timers.clear();
    rec.timerDue.clear();
    rec.backlog = [];
    const persisted = structuredClone(rec.persisted);
    rec.persisted = undefined;
    this.refreshPersisted(id);
    this.states[id] = this.protocol.boot(persisted, this.ioFor(id));
  }

  private crash(id: number): void {
    const rec = this.nodes[id];
    rec.persisted = this.protocol.persist(this.states[id]);
    this.states[id] = null;
    rec.up = false;
    rec.paused = false;
    rec.timers.clear();
    rec.timerDue.clear();
    for (const item of rec.backlog) if (item.kind === 'deliver') this.drop(item.from, id, item.id, item.msg, 'crashed');
    rec.backlog = [];
    this.refreshPersisted(id);
  }

  private applyExternal(e: ExternalEvent): void {
    this.trace.action(this.now, e);
    const id = e.node ?? 0;
    switch (e.do) {
      case 'crash':
        if (this.nodes[id].up) {
          this.crash(id);
          this.changed(id, 'up', false);
        } else this.narrate(id, 'kernel.alreadyDown', { node: id });
        return;
      case 'restart':
        if (this.nodes[id].up) this.crash(id);
        this.boot(id);
        this.changed(id, 'up', true);
        return;
      case 'pause':
        if (this.nodes[id].up && !this.nodes[id].paused) {
          this.nodes[id].paused = true;
          this.changed(id, 'paused', true);
        }
        return;
      case 'resume':
        if (this.nodes[id].up && this.nodes[id].paused) this.resume(id);
        return;
      case 'partition':
        this.network.partition(e.groups ?? []);
        return;
      case 'cut':
        this.network.cut(e.from ?? 0, e.to ?? 0);
        return;
      case 'heal':
        this.network.heal();
        return;
      case 'drop':
        if (e.message !== undefined) this.droppedByUser.add(e.message);
        this.flightVersion++;
        return;
      case 'set':
        if (e.network) this.network.update(e.network);
        if (e.params) {
          const previous = this.params;
          this.params = this.protocol.resolveParams(e.params, this.params);
          this.cluster.params = this.params;
          this.paramsChanged(previous);
        }
        return;
      default:
        if (!NODE_COMMANDS.has(e.do)) throw new Error(`unknown action "${e.do}"`);
        this.command(id, commandOf(e, e.do === 'request' ? ++this.requestSeq : 0));
    }
  }

  /** Tells every live node that the parameters changed (a paused one when it resumes). */
  private paramsChanged(previous: unknown): void {
    if (!this.protocol.onParamsChanged) return;
    for (let id = 1; id < this.nodes.length; id++) {
      const rec = this.nodes[id];
      if (!rec.up) continue;
      if (rec.paused) rec.backlog.push({ kind: 'params', previous });
      else this.protocol.onParamsChanged(this.states[id], previous, this.ioFor(id));
    }
  }

  private command(id: number, command: NodeCommand): void {
    const rec = this.nodes[id];
    if (!rec.up) {
      this.narrate(id, 'kernel.commandToDownNode', { node: id, command: command.type });
      if (command.type === 'request' && command.client !== undefined) this.reply(id, { client: command.client, outcome: 'down', value: command.value });
      return;
    }
    if (rec.paused) {
      rec.backlog.push({ kind: 'command', command });
      return;
    }
    this.protocol.onCommand(this.states[id], command, this.ioFor(id));
  }

  /**
   * A resumed process handles what waited for it, in arrival order. The checkers look after each
   * item it handles, as they do after every event: a state it passes through on the way (a
   * leadership it wins and loses within its backlog) is checked too, not only where it ends.
   */
  private resume(id: number): void {
    const rec = this.nodes[id];
    rec.paused = false;
    this.changed(id, 'paused', false);
    const backlog: BacklogItem[] = rec.backlog;
    rec.backlog = [];
    const touched = this.cluster.touched;
    for (const item of backlog) {
      if (!rec.up) break;
      if (item.kind === 'deliver') this.deliver(id, item.from, item.id, item.msg as Message);
      else if (item.kind === 'timer') {
        if (rec.timers.get(item.name) === item.gen) this.fireTimer(id, item.name);
      } else if (item.kind === 'params') this.protocol.onParamsChanged?.(this.states[id], item.previous, this.ioFor(id));
      else this.protocol.onCommand(this.states[id], item.command as NodeCommand, this.ioFor(id));
      // As if this item had been an event of its own at node `id`.
      this.cluster.touched = id;
      this.runCheckers();
      this.replies.length = 0;
    }
    this.cluster.touched = touched;
  }

  private afterEvent(): void {
    this.events++;
    const touched = this.cluster.touched;
    if (touched > 0) this.changedNodes[touched] = 1;
    else this.allNodesChanged = true;
    if (this.countedTime !== this.now) {
      this.countedTime = this.now;
      this.eventsAtTime = 0;
    }
    this.eventsAtTime++;
    this.runCheckers();
    this.replies.length = 0;
    if (this.checkpointEvery > 0 && this.events % this.checkpointEvery === 0) {
      const last = this.checkpoints[this.checkpoints.length - 1];
      if (!last || last.events < this.events) {
        this.checkpoints.push(this.capture());
        thinCheckpoints(this.checkpoints, this.checkpointEvery);
      }
    }
    if (this.onEvent) this.onEvent();
  }

  private report(invariant: string, message: string): void {
    const key = `${invariant}\u0000${message}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.violations.push({ at: this.now, invariant, message });
    this.trace.violation(this.now, invariant, message);
  }

  /** Every invariant checker looks at the cluster as it is now. */
  private runCheckers(): void {
    const checkers = this.protocol.checkers;
    if (!checkers || checkers.length === 0) return;
    this.refreshCluster();
    for (let i = 0; i < checkers.length; i++) {
      checkers[i].check(this.cluster, this.checkerMemory[i], this.reporters[i]);
    }
  }

  private refreshCluster(): void {
    this.cluster.now = this.now;
  }

  /** Keeps `cluster.persisted` in step with which nodes are down (checkers read it every event). */
  private refreshPersisted(id: number): void {
    this.cluster.persisted[id] = this.nodes[id].up ? undefined : this.nodes[id].persisted;
  }

  private capture(): Checkpoint {
    return {
      now: this.now,
      events: this.events,
      seq: this.seq,
      msgSeq: this.msgSeq,
      timerSeq: this.timerSeq,
      cursor: this.cursor,
      requestSeq: this.requestSeq,
      queue: this.queue.snapshot(),
      states: structuredClone(this.states),
      nodes: this.nodes.map(cloneNodeRecord),
      rngNetwork: this.rngNetwork.state(),
      rngWorkload: this.rngWorkload.state(),
      rngNodes: this.rngNodes.map((r) => r.state()),
      network: this.network.snapshot(),
      params: this.params,
      trace: this.trace.save(),
      checkerMemory: structuredClone(this.checkerMemory),
      reported: [...this.reported],
      violations: this.violations.length,
      counters: { ...this.counters, dropped: { ...this.counters.dropped }, replies: { ...this.counters.replies } },
      droppedByUser: [...this.droppedByUser],
      countedTime: this.countedTime,
      eventsAtTime: this.eventsAtTime,
    };
  }

  private restore(c: Checkpoint): void {
    this.now = c.now;
    this.events = c.events;
    this.seq = c.seq;
    this.msgSeq = c.msgSeq;
    this.timerSeq = c.timerSeq;
    this.cursor = c.cursor;
    this.requestSeq = c.requestSeq;
    this.replies.length = 0;
    this.queue.restore(c.queue);
    const states = structuredClone(c.states);
    for (let id = 0; id <= this.nodeCount; id++) this.states[id] = states[id];
    this.nodes = c.nodes.map(cloneNodeRecord);
    for (let id = 1; id <= this.nodeCount; id++) this.refreshPersisted(id);
    this.rngNetwork = new RandomStream(c.rngNetwork);
    this.rngWorkload = new RandomStream(c.rngWorkload);
    this.rngNodes = c.rngNodes.map((s) => new RandomStream(s));
    this.network.restore(c.network);
    this.params = c.params;
    this.cluster.params = c.params;
    this.trace.restore(c.trace);
    if (this.traceLog) this.traceLog.length = c.trace.count;
    this.checkerMemory = structuredClone(c.checkerMemory);
    this.reported = new Set(c.reported);
    this.violations.length = c.violations;
    this.counters = { ...c.counters, dropped: { ...c.counters.dropped }, replies: { ...c.counters.replies } };
    this.droppedByUser = new Set(c.droppedByUser);
    this.countedTime = c.countedTime;
    this.eventsAtTime = c.eventsAtTime;
    this.allNodesChanged = true;
    this.flightVersion++;
  }
}

function emptyCounters(): Counters {
  return { sent: 0, delivered: 0, duplicated: 0, timers: 0, dropped: {}, replies: {} };
}

function commandOf(e: ExternalEvent, client: number): NodeCommand {
  if (e.do === 'request') return { type: 'request', value: e.value ?? '', client };
  return { type: e.do } as NodeCommand;
}
