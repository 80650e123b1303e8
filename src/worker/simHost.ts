import type { ExternalEvent, Simulation } from '../sim/kernel/simulation';
import type { NodeView } from '../sim/kernel/protocol';
import { canonicalAction } from '../sim/kernel/canonical';
import { createSimulation, NoProtocolError } from '../sim/create';
import { defaultRunUntil } from '../sim/report';
import { decodeShareHash, shareHash } from '../sim/scenario/codec';
import { defaultScenario } from '../sim/scenario/library/defaultScenario';
import type { ProtocolId, Scenario } from '../sim/scenario/schema';
import { formatErrors, parseScenario, parseScenarioText, type ScenarioError } from '../sim/scenario/validate';
import { ActionLog } from './actionLog';
import type { Frame } from './frame';
import { framedMessages, framedNetwork, TimerMemo } from './frameParts';
import { gossipBulk } from './gossipBulk';
import { libraryIdOf, libraryInfo, libraryScenarioById, type LibraryInfo } from './library';
import { describeLinkErrors, type LinkProblem } from './linkProblem';
import { replayTrace, type TraceExport } from './traceExport';
import { KindBit, RESET_WINDOW_MS, TraceFeed } from './traceFeed';

/** Checkpoint spacing for interactive runs: seeking replays at most this many events. */
const CHECKPOINT_EVERY = 500;
/** Events one `advance` may process, so a fast-forward never freezes the worker for long. */
const MAX_EVENTS_PER_ADVANCE = 200_000;
/**
 * A run stops growing here: its checkpoints (and the browser's memory) grow with its length. At
 * 4 million events that is hours of virtual time for a small cluster.
 */
export const MAX_RUN_EVENTS = 4_000_000;
/** Events a step-to-next-… may skip before it gives up. */
const MAX_EVENTS_PER_STEP = 50_000;
/** Gossip clusters above this size are drawn on a canvas from arrays (no per-message list, no full trace). */
export const SVG_MAX_NODES = 32;

export type LoadResult = { ok: true; frame: Frame } | { ok: false; error: string; frame: Frame };
/** Opening a link: a refused one says why (translatable) and runs the default scenario. */
export type LinkResult = { ok: true; frame: Frame } | { ok: false; problem: LinkProblem; frame: Frame };
/** Applying an edited scenario: a bad one lists its errors by JSON path and changes nothing. */
export type ApplyResult = { ok: true; frame: Frame } | { ok: false; errors: ScenarioError[]; frame: Frame };
/** The share-link hash key that names a built-in scenario: `#lib=raft-split-brain-5`. */
export const LIBRARY_PARAM = 'lib';
export interface RunUntilResult {
  frame: Frame;
  /** True when the condition held; false when the time limit came first. */
  found: boolean;
}

/** The trace field whose changes move the node along its role statechart. */
const ROLE_FIELD: Record<ProtocolId, { field: string; perMember: boolean }> = {
  raft: { field: 'role', perMember: false },
  zab: { field: 'state', perMember: false },
  gossip: { field: 'members', perMember: true },
};

/**
 * The simulation as the UI drives it (the worker exposes this object through Comlink). It holds
 * one run of one scenario; every user action becomes a scenario event, so the run can be shared.
 * Every command answers with a Frame.
 */
export class SimHost {
  private scenario: Scenario = defaultScenario;
  private feed: TraceFeed;
  private sim: Simulation;
  private readonly timers = new TimerMemo();
  private runId = 0;
  /** Furthest virtual time this run has reached. */
  private reached = 0;
  /** The Time slider's range: the scripted actions plus a tail, or further once reached. */
  private horizon = 0;
  private branch: Frame['branch'] = null;
  private focusId: number | null = null;
  /** The built-in scenario this run was loaded from (its "what to watch" applies), or null. */
  private libraryId: string | null = null;
  /** On: user actions go into the shared scenario; off: they are what-ifs (see setRecording). */
  private recording = true;
  private readonly log = new ActionLog();
  /** Bumped whenever the recorded scenario changes, so the editor knows to fetch it again. */
  private scenarioRev = 0;

  constructor() {
    ({ sim: this.sim, feed: this.feed } = this.create(defaultScenario));
  }

  /**
   * Loads a share-link hash (`#s=…`), a built-in scenario by name (`#lib=<id>`), or the default
   * scenario when there is neither. A link that cannot be opened says why, and the default runs.
   */
  loadHash(hash: string): LinkResult {
    const fallback = (problem: LinkProblem): LinkResult => ({ ok: false, problem, frame: this.load(defaultScenario) });
    const libraryId = new URLSearchParams(hash.replace(/^#/, '')).get(LIBRARY_PARAM);
    if (libraryId !== null) {
      const scenario = libraryScenarioById(libraryId);
      if (!scenario) return fallback({ code: 'unknownEntry', params: { id: libraryId }, detail: `no built-in scenario "${libraryId}"` });
      return { ok: true, frame: this.load(scenario) };
    }
    const decoded = hash ? decodeShareHash(hash) : null;
    if (decoded === null) return { ok: true, frame: this.load(defaultScenario) };
    if (!decoded.ok) return fallback(describeLinkErrors(decoded.errors, hash));
    try {
      return { ok: true, frame: this.load(decoded.scenario) };
    } catch (error) {
      if (!(error instanceof NoProtocolError)) throw error;
      return fallback({ code: 'unavailable', params: { protocol: error.protocolId }, detail: `protocol ${error.protocolId} is not in this build` });
    }
  }

  /** The built-in scenarios, for the picker (titles and notes in English and Chinese). */
  library(): LibraryInfo {
    return libraryInfo();
  }

  /** Loads a built-in scenario by its id; an unknown id changes nothing. */
  loadLibrary(id: string): LoadResult {
    const scenario = libraryScenarioById(id);
    if (!scenario) return { ok: false, error: `no built-in scenario "${id}"`, frame: this.frame() };
    return { ok: true, frame: this.load(scenario) };
  }

  /** Validates scenario JSON text (the editor, as you type): every error with its JSON path. */
  validate(text: string): ScenarioError[] {
    const parsed = parseScenarioText(text);
    return parsed.ok ? [] : parsed.errors;
  }

  /** Loads edited scenario JSON text (Apply, a file); a bad one leaves the running scenario untouched. */
  applyText(text: string): ApplyResult {
    const parsed = parseScenarioText(text);
    if (!parsed.ok) return { ok: false, errors: parsed.errors, frame: this.frame() };
    const loaded = this.loadScenario(parsed.scenario);
    if (!loaded.ok) return { ok: false, errors: [{ path: '$.protocol', message: loaded.error }], frame: loaded.frame };
    return loaded;
  }

  /** Loads a scenario given as JSON; a bad one leaves the current run untouched. */
  loadScenario(json: unknown): LoadResult {
    const parsed = parseScenario(json);
    if (!parsed.ok) return { ok: false, error: formatErrors(parsed.errors), frame: this.frame() };
    try {
      return { ok: true, frame: this.load(parsed.scenario) };
    } catch (error) {
      if (!(error instanceof NoProtocolError)) throw error;
      return { ok: false, error: `The ${error.protocolId} protocol is not available in this build yet.`, frame: this.frame() };
    }
  }

  /** Advances virtual time by `ms` (the UI's clock × speed). */
  advance(ms: number): Frame {
    if (this.sim.events >= MAX_RUN_EVENTS) return this.frame();
    const target = this.sim.now + Math.max(0, ms);
    let budget = Math.min(MAX_EVENTS_PER_ADVANCE, MAX_RUN_EVENTS - this.sim.events);
    while (budget-- > 0 && this.sim.step(target));
    if (budget > 0) this.sim.runUntil(target);
    return this.frame();
  }

  /** Processes exactly one event. */
  step(): Frame {
    this.sim.step();
    return this.frame();
  }

  /** Steps until a message is delivered. */
  stepToDelivery(): Frame {
    this.stepUntilKind(KindBit.deliver);
    return this.frame();
  }

  /** Steps until some node's visible state changes (role, term, vote, commit index, membership…). */
  stepToStateChange(): Frame {
    this.stepUntilKind(KindBit.state);
    return this.frame();
  }

  /**
   * Runs until a leader other than `since` leads (any leader when `since` is null), for at most
   * `maxMs` of virtual time; the UI calls it in slices so it can show progress and be paused.
   */
  runUntilLeader(since: { id: number; term: number } | null, maxMs: number): RunUntilResult {
    const leaderFn = this.sim.protocol.leader;
    if (!leaderFn) return { frame: this.frame(), found: false };
    const isNew = () => {
      const l = leaderFn(this.sim.snapshot());
      return l !== null && (since === null || l.id !== since.id || l.term !== since.term);
    };
    const found = isNew() || this.sim.runUntilCondition(isNew, Math.max(0, maxMs));
    return { frame: this.frame(), found };
  }

  /**
   * Moves to virtual time t (checkpoints + replay). Far moves land a window early and run the
   * rest, so the trace feed sees the recent past the space-time diagram shows.
   */
  seek(t: number): Frame {
    const target = Math.max(0, t);
    // A large gossip cluster keeps no message trace to fill: the kernel's own seek is enough (and cheaper).
    if (this.isBulk(this.scenario)) this.sim.seek(target);
    else if (target < this.sim.now || target > this.sim.now + RESET_WINDOW_MS) {
      this.sim.seek(Math.max(0, target - RESET_WINDOW_MS));
    }
    this.sim.runUntil(target);
    return this.frame();
  }

  reset(): Frame {
    return this.load(this.scenario);
  }

  /**
   * A user action at the current time (crash, partition, drop…); see Simulation.act. With Record
   * on it becomes part of the shared scenario; with Record off it is a what-if: it acts on the
   * run, but Share, Save and the editor leave it out.
   */
  act(action: Omit<ExternalEvent, 'at'>): Frame {
    // Acting before the furthest point reached discards that old future (the UI says so).
    const inPast = this.sim.now < this.reached;
    const discarded = this.sim.act(action);
    this.log.add(canonicalAction({ ...action, at: this.sim.now } as ExternalEvent), !this.recording);
    if (inPast) {
      this.branch = { at: this.sim.now, discarded };
      this.reached = this.sim.now;
    }
    if (this.recording || discarded > 0) this.scenarioRev++;
    return this.frame();
  }

  /**
   * Record on or off. Turning it back on drops the what-if actions: the run is rebuilt from the
   * recorded scenario (its user actions replayed where they were taken) at the same virtual time.
   */
  setRecording(on: boolean): Frame {
    if (on === this.recording) return this.frame();
    this.recording = on;
    if (on && this.log.whatIfCount > 0) this.rebuildRecorded();
    return this.frame();
  }

  /** The recorded scenario (every recorded action included), in the validator's canonical form. */
  currentScenario(): Scenario {
    return canonical({ ...this.scenario, events: this.log.recorded(this.sim.actions()) } as Scenario);
  }

  /** The recorded scenario as the editor shows it and Save writes it: pretty JSON. */
  scenarioText(): string {
    return `${JSON.stringify(this.currentScenario(), null, 2)}\n`;
  }

  /**
   * The trace from time 0 to now as JSON Lines, by replaying the run headless (see replayTrace),
   * with a file name after the scenario's title.
   */
  exportTrace(): TraceExport {
    const run = { ...this.scenario, events: this.sim.actions() } as Scenario;
    return replayTrace(run, this.sim.trace.count, this.sim.now);
  }

  /** The node whose full view every frame carries (the inspector's), or null. */
  setFocus(node: number | null): Frame {
    this.focusId = node !== null && node >= 1 && node <= this.sim.nodeCount ? node : null;
    return this.frame();
  }

  frame(): Frame {
    const sim = this.sim;
    this.reached = Math.max(this.reached, sim.now);
    const protocol = this.scenario.protocol;
    const bulkView = this.isBulk(this.scenario);
    const nodes = bulkView ? [] : sim.nodeViews();
    return {
      runId: this.runId,
      protocol,
      title: this.scenario.title ?? '',
      description: this.scenario.description ?? '',
      nodeCount: sim.nodeCount,
      rooms: (this.scenario.groups ?? []).map((g) => [...g]),
      view: bulkView ? 'bulk' : 'svg',
      time: sim.now,
      horizon: Math.max(this.horizon, this.reached),
      events: sim.events,
      traceHash: sim.traceHash(),
      leader: sim.protocol.leader?.(sim.snapshot()) ?? null,
      nodes,
      focus: this.focusView(nodes),
      violations: sim.violations.map((v) => ({ ...v })),
      inFlight: bulkView ? inFlightCount(sim) : sim.inFlight().length,
      messages: bulkView ? [] : framedMessages(sim),
      timers: bulkView ? [] : this.timers.timers(sim, protocol, nodes),
      network: framedNetwork(sim),
      trace: this.feed.take(sim.now),
      transitions: this.feed.roles.list(),
      bulk: protocol === 'gossip' ? gossipBulk(sim) : null,
      branch: this.branch,
      atLimit: sim.events >= MAX_RUN_EVENTS,
      libraryId: this.libraryId,
      recording: this.recording,
      whatIf: this.log.whatIfCount,
      scenarioRev: this.scenarioRev,
      traceEvents: sim.trace.count,
    };
  }

  /**
   * The recorded scenario as a share-link hash. It is encoded in the validator's canonical form
   * — the form `npm run sim -- url` encodes after reading the same scenario from a file — so the
   * Share button and the CLI make the very same link.
   */
  shareHash(): string {
    return shareHash(this.currentScenario());
  }

  private focusView(nodes: NodeView[]): NodeView | null {
    const id = this.focusId;
    if (id === null || id > this.sim.nodeCount) return null;
    if (nodes.length > 0) return nodes[id - 1];
    const up = this.sim.isUp(id);
    const persisted = up ? undefined : this.sim.snapshot().persisted[id];
    return {
      id,
      up,
      ...(this.sim.isPaused(id) ? { paused: true } : {}),
      ...this.sim.protocol.view(up ? this.sim.stateOf(id) : null, persisted, id),
    };
  }

  private stepUntilKind(bit: number): void {
    this.feed.clearKinds();
    for (let budget = MAX_EVENTS_PER_STEP; budget > 0; budget--) {
      if (!this.sim.step()) return;
      if ((this.feed.kinds & bit) !== 0) return;
    }
  }

  private isBulk(scenario: Scenario): boolean {
    return scenario.protocol === 'gossip' && scenario.nodes > SVG_MAX_NODES;
  }

  private load(scenario: Scenario): Frame {
    // Created first: a scenario whose protocol is missing throws here and changes nothing.
    ({ sim: this.sim, feed: this.feed } = this.create(scenario));
    this.scenario = scenario;
    this.timers.clear();
    this.runId++;
    this.horizon = defaultRunUntil(scenario.events);
    this.reached = 0;
    this.branch = null;
    this.log.clear();
    this.libraryId = libraryIdOf(scenario);
    this.scenarioRev++;
    if (this.focusId !== null && this.focusId > scenario.nodes) this.focusId = null;
    return this.frame();
  }

  /** The run without its what-if actions: the scenario again, with the recorded user actions replayed where they were taken. */
  private rebuildRecorded(): void {
    const now = this.sim.now;
    const kept = this.log.dropWhatIf();
    ({ sim: this.sim, feed: this.feed } = this.create(this.scenario));
    this.timers.clear();
    this.runId++;
    for (const { event } of kept) {
      this.sim.runUntil(event.at);
      const { at: _at, ...action } = event;
      this.sim.act(action);
    }
    this.sim.runUntil(now);
    this.scenarioRev++;
  }

  private create(scenario: Scenario): { sim: Simulation; feed: TraceFeed } {
    const role = ROLE_FIELD[scenario.protocol];
    const bulk = this.isBulk(scenario);
    const feed = new TraceFeed(role.field, role.perMember, bulk);
    // A large gossip cluster's state is big and its events many: checkpoint less often, keep no full trace.
    const checkpointEvery = scenario.protocol === 'gossip' ? Math.max(CHECKPOINT_EVERY, 64 * scenario.nodes) : CHECKPOINT_EVERY;
    // The feed keeps a bounded recent trace itself; the kernel's full `traceLog` would grow without end.
    const sim = createSimulation(scenario, { checkpointEvery, onTrace: feed.sink });
    feed.attach(sim);
    return { sim, feed };
  }
}

/** A valid scenario in the validator's output form (its key order): what the CLI holds after reading it. */
function canonical(scenario: Scenario): Scenario {
  const parsed = parseScenario(JSON.parse(JSON.stringify(scenario)));
  if (!parsed.ok) throw new Error(`the running scenario no longer validates: ${formatErrors(parsed.errors)}`);
  return parsed.scenario;
}

/** Messages on the wire, from the kernel's counters (listing a large cluster's queue is not needed). */
function inFlightCount(sim: Simulation): number {
  const k = sim.kernelMetrics();
  const dropped = Object.values(k.dropped).reduce((a, b) => a + b, 0);
  return Math.max(0, k.sent + k.duplicated - k.delivered - dropped);
}
