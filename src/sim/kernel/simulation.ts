import { canonicalAction } from './canonical';
import {
  cloneNodeRecord,
  lastCheckpointAtOrBefore,
  type BacklogItem,
  type Checkpoint,
  type Counters,
  type NodeRecord,
} from './checkpoint';
import { EventQueue, QueueKind, type QueuedItem } from './eventQueue';
import { Network, defaultNetwork, type DropReason, type NetworkSettings } from './network';
import { KernelIO, type EffectSink } from './nodeIO';
import { RandomStream } from './prng';
import type { AnyProtocol, ClusterSnapshot, Message, NodeCommand, NodeView } from './protocol';
import { Trace, type TraceEvent, type TraceSink } from './trace';

/** One scripted or user action (Contract 1 `events`); the kernel reads `at` and `do`. */
export interface ExternalEvent {
  at: number;
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
  private readonly checkpointEvery: number;
  private checkpoints: Checkpoint[] = [];
  private readonly cluster: { now: number; states: unknown[]; persisted: unknown[]; nodeCount: number; params: unknown; touched: number };
  private readonly item: QueuedItem = { time: 0, seq: 0, kind: QueueKind.Deliver, node: 0, from: 0, id: 0, sent: 0, payload: undefined };
  /** Messages in flight that the user dropped (by clicking them); lost when they would arrive. */
  private droppedByUser = new Set<number>();
  private readonly latencies = new Float64Array(2);

  constructor(
    readonly protocol: AnyProtocol,
    input: SimulationInput,
    options: SimulationOptions = {},
  ) {
    const n = input.nodes;
    this.nodeCount = n;
    this.seed = (input.seed ?? 1) >>> 0;
    this.checkpointEvery = options.checkpointEvery ?? 0;
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
    this.externals = (input.events ?? []).map(canonicalAction).sort((a, b) => a.at - b.at);
    this.checkerMemory = (protocol.checkers ?? []).map((c) => c.init());
    this.reporters = (protocol.checkers ?? []).map((c) => (message: string) => this.report(c.invariant, message));
    this.states = new Array<unknown>(n + 1).fill(null);
    this.nodes = [];
    const persisted = new Array<unknown>(n + 1);
    this.cluster = { now: 0, states: this.states, persisted, nodeCount: n, params: this.params, touched: 0 };
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
    this.checkpoints.push(this.capture());
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
      if (ext && ext.at <= queued && ext.at <= limit) {
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
   * A user action at the current time. It is inserted into the run's actions (so a share link
   * replays it) and the present is recomputed from the last checkpoint before it, exactly as a
   * fresh run of the edited scenario would order it. Acting in the past branches the run: user
   * actions recorded later than now belong to the old future and are discarded (scripted
   * scenario events stay). Returns how many user actions were discarded.
   */
  act(action: Omit<ExternalEvent, 'at'>): number {
    const at = this.now;
    const before = this.externals.length;
    const kept = this.externals.filter((e) => !(e.at > at && this.userActions.has(e)));
    const discarded = before - kept.length;
    const event = canonicalAction({ ...action, at } as ExternalEvent);
    let index = kept.length;
    while (index > 0 && kept[index - 1].at > at) index--;
    kept.splice(index, 0, event);
    this.externals.length = 0;
    this.externals.push(...kept);
    this.userActions.add(event);
    while (this.checkpoints.length > 1 && this.checkpoints[this.checkpoints.length - 1].now >= at) this.checkpoints.pop();
    this.restore(this.checkpoints[this.checkpoints.length - 1]);
    this.runUntil(at);
    return discarded;
  }

  /** The actions of this run (scripted and user), in order: what a share link encodes. */
  actions(): ExternalEvent[] {
    return this.externals.map((e) => ({ ...e }));
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
    for (let id = 1; id <= this.nodeCount; id++) {
      const rec = this.nodes[id];
      out.push({
        id,
        up: rec.up,
        ...(rec.paused ? { paused: true } : {}),
        ...this.protocol.view(rec.up ? this.states[id] : null, rec.up ? undefined : rec.persisted, id),
      });
    }
    return out;
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
    return { ...this.counters, dropped: { ...this.counters.dropped }, events: this.events, traceEvents: this.trace.count };
  }

  /** The workload stream, for generators that must stay reproducible (fuzz schedules). */
  get workloadRng(): RandomStream {
    return this.rngWorkload;
  }

  // ---- effects (EffectSink) ----------------------------------------------------------------

  send(from: number, to: number, msg: Message): void {
    const id = ++this.msgSeq;
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
        return;
      case 'set':
        if (e.network) this.network.update(e.network);
        if (e.params) {
          this.params = this.protocol.resolveParams(e.params, this.params);
          this.cluster.params = this.params;
        }
        return;
      default:
        if (!NODE_COMMANDS.has(e.do)) throw new Error(`unknown action "${e.do}"`);
        this.command(id, commandOf(e));
    }
  }

  private command(id: number, command: NodeCommand): void {
    const rec = this.nodes[id];
    if (!rec.up) {
      this.narrate(id, 'kernel.commandToDownNode', { node: id, command: command.type });
      return;
    }
    if (rec.paused) {
      rec.backlog.push({ kind: 'command', command });
      return;
    }
    this.protocol.onCommand(this.states[id], command, this.ioFor(id));
  }

  /** A resumed process handles what waited for it, in arrival order. */
  private resume(id: number): void {
    const rec = this.nodes[id];
    rec.paused = false;
    this.changed(id, 'paused', false);
    const backlog: BacklogItem[] = rec.backlog;
    rec.backlog = [];
    for (const item of backlog) {
      if (!rec.up) break;
      if (item.kind === 'deliver') this.deliver(id, item.from, item.id, item.msg as Message);
      else if (item.kind === 'timer') {
        if (rec.timers.get(item.name) === item.gen) this.fireTimer(id, item.name);
      } else this.protocol.onCommand(this.states[id], item.command as NodeCommand, this.ioFor(id));
    }
  }

  private afterEvent(): void {
    this.events++;
    const checkers = this.protocol.checkers;
    if (checkers && checkers.length > 0) {
      this.refreshCluster();
      for (let i = 0; i < checkers.length; i++) {
        checkers[i].check(this.cluster, this.checkerMemory[i], this.reporters[i]);
      }
    }
    if (this.checkpointEvery > 0 && this.events % this.checkpointEvery === 0) {
      const last = this.checkpoints[this.checkpoints.length - 1];
      if (!last || last.events < this.events) this.checkpoints.push(this.capture());
    }
  }

  private report(invariant: string, message: string): void {
    const key = `${invariant}\u0000${message}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.violations.push({ at: this.now, invariant, message });
    this.trace.violation(this.now, invariant, message);
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
      counters: { ...this.counters, dropped: { ...this.counters.dropped } },
      droppedByUser: [...this.droppedByUser],
    };
  }

  private restore(c: Checkpoint): void {
    this.now = c.now;
    this.events = c.events;
    this.seq = c.seq;
    this.msgSeq = c.msgSeq;
    this.timerSeq = c.timerSeq;
    this.cursor = c.cursor;
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
    this.counters = { ...c.counters, dropped: { ...c.counters.dropped } };
    this.droppedByUser = new Set(c.droppedByUser);
  }
}

function emptyCounters(): Counters {
  return { sent: 0, delivered: 0, duplicated: 0, timers: 0, dropped: {} };
}

function commandOf(e: ExternalEvent): NodeCommand {
  if (e.do === 'request') return { type: 'request', value: e.value ?? '' };
  return { type: e.do } as NodeCommand;
}
