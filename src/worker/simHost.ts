import type { ExternalEvent, RunPosition, Simulation } from '../sim/kernel/simulation';
import { createSimulation, NoProtocolError } from '../sim/create';
import { defaultRunUntil } from '../sim/report';
import { buildShareHash, readShareHash, type LinkMoment } from '../sim/scenario/shareLink';
import { defaultScenario } from '../sim/scenario/library/defaultScenario';
import type { ProtocolId, Scenario } from '../sim/scenario/schema';
import { formatErrors, parseScenario, parseScenarioText, type ScenarioError } from '../sim/scenario/validate';
import { ActionLog } from './actionLog';
import type { Branch, Frame } from './frame';
import { FrameCache } from './frameCache';
import { UndoHistory } from './history';
import { libraryIdOf, libraryInfo, libraryScenarioById, madeFromLibrary, type LibraryInfo } from './library';
import { describeLinkErrors, type LinkProblem } from './linkProblem';
import { replayTrace, type TraceExport } from './traceExport';
import { TimelineRecorder, type TimelineDelta } from './timeline';
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
/** Next delivery and Next change search at most this much virtual time (as Run until leader does) … */
export const SEARCH_LIMIT_MS = 60_000;
/** … and at most this many events (a large gossip cluster has many in a minute). */
export const SEARCH_LIMIT_EVENTS = 2_000_000;
/** Gossip clusters above this size are drawn on a canvas from arrays (no per-message list, no full trace). */
export const SVG_MAX_NODES = 32;
/** A link's moment beyond this is opened here (a day of virtual time): the run never hangs on a huge `at`. */
const MAX_OPEN_AT_MS = 86_400_000;

export type LoadResult = { ok: true; frame: Frame } | { ok: false; error: string; frame: Frame };
/** What a link asks the page to show besides the run: the selected node and the open tab. */
export interface LinkView {
  node: number | null;
  tab: string | null;
  /** Fields of the link that were there but unreadable (`at=abc`): ignored, and the page says so. */
  ignored: { field: string; value: string }[];
}
/** Opening a link: a refused one says why (translatable) and runs the default scenario. */
export type LinkResult = { ok: true; frame: Frame; view: LinkView } | { ok: false; problem: LinkProblem; frame: Frame; view: LinkView };
/** A bounded search (Next delivery, Next change): whether it found what it looked for, and where it stopped. */
export interface SearchResult {
  frame: Frame;
  found: boolean;
  /** Virtual time where the search started and where it stopped. */
  fromMs: number;
  toMs: number;
  /** Why it stopped without finding: the time bound, the event bound, or no more events at all. */
  stoppedBy: 'found' | 'time' | 'events' | 'end';
}
/** Applying an edited scenario: a bad one lists its errors by JSON path and changes nothing. */
export type ApplyResult = { ok: true; frame: Frame } | { ok: false; errors: ScenarioError[]; frame: Frame };
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
  private readonly parts = new FrameCache();
  private timeline: TimelineRecorder;
  private readonly undoHistory = new UndoHistory();
  private runId = 0;
  /** Furthest point this run has reached. */
  private reached: RunPosition = { events: 0, now: 0 };
  /** The Time slider's range: the scripted actions plus a tail, or further once reached. */
  private horizon = 0;
  private branch: Branch | null = null;
  private traceWindowMs = RESET_WINDOW_MS;
  /** The scenario's rooms for the layout (one array per run, so frames can leave it out). */
  private rooms: number[][] = [];
  private focusId: number | null = null;
  /** The built-in scenario this run was loaded from (its "what to watch" applies), or null. */
  private libraryId: string | null = null;
  /** On: user actions go into the shared scenario; off: they are what-ifs (see setRecording). */
  private recording = true;
  private readonly log = new ActionLog();
  /** Bumped whenever the recorded scenario changes, so the editor knows to fetch it again. */
  private scenarioRev = 0;

  constructor() {
    ({ sim: this.sim, feed: this.feed, timeline: this.timeline } = this.create(defaultScenario));
  }

  /**
   * Loads a share-link hash (`#s=…`), a built-in scenario by name (`#lib=<id>`), or the default
   * scenario when there is neither. A link that cannot be opened says why, and the default runs.
   */
  loadHash(hash: string): LinkResult {
    const link = readShareHash(hash);
    const view: LinkView = { node: link.node, tab: link.tab, ignored: link.bad };
    const fallback = (problem: LinkProblem): LinkResult => ({ ok: false, problem, frame: this.loaded(defaultScenario), view: { node: null, tab: null, ignored: [] } });
    const opened = (scenario: Scenario, libraryId: string | null): LinkResult => {
      this.load(scenario, libraryId);
      if (link.moment) this.openAt(link.moment);
      return { ok: true, frame: this.frame(), view };
    };
    if (link.scenario === null) {
      if (link.lib === null) return opened(defaultScenario, libraryIdOf(defaultScenario));
      const scenario = libraryScenarioById(link.lib);
      if (!scenario) return fallback({ code: 'unknownEntry', params: { id: link.lib }, detail: `no built-in scenario "${link.lib}"` });
      return opened(scenario, link.lib);
    }
    const decoded = link.scenario;
    if (!decoded.ok) return fallback(describeLinkErrors(decoded.errors, hash));
    try {
      // A link made from a built-in scenario (edited by actions) keeps its "what to watch".
      const fromLibrary = link.lib !== null && madeFromLibrary(decoded.scenario, link.lib) ? link.lib : libraryIdOf(decoded.scenario);
      return opened(decoded.scenario, fromLibrary);
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
    return { ok: true, frame: this.loaded(scenario) };
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
      return { ok: true, frame: this.loaded(parsed.scenario) };
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

  /** Goes back to exactly the previous event (same-time events included); the first event is the start. */
  stepBack(): Frame {
    if (this.sim.events > 1) this.sim.seekToEvent(this.sim.events - 1);
    return this.frame();
  }

  /** Steps until a message is delivered, for at most SEARCH_LIMIT_MS of virtual time. */
  stepToDelivery(): SearchResult {
    return this.stepUntilKind(KindBit.deliver);
  }

  /** Steps until some node's visible state changes (role, term, vote, commit index, membership…), bounded as stepToDelivery. */
  stepToStateChange(): SearchResult {
    return this.stepUntilKind(KindBit.state);
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
    else if (target < this.sim.now || target > this.sim.now + this.feed.windowMs) {
      this.sim.seek(Math.max(0, target - this.feed.windowMs));
    }
    this.sim.runUntil(target);
    return this.frame();
  }

  /** Moves to exactly a position of this run (a timeline marker, End, a restored view). */
  seekToPosition(position: RunPosition): Frame {
    this.moveTo(position);
    return this.frame();
  }

  /** Moves to the furthest point this run has reached (End). */
  seekToReached(): Frame {
    return this.seekToPosition(this.reached);
  }

  reset(): Frame {
    return this.loaded(this.scenario, this.libraryId);
  }

  /**
   * A user action at the current time (crash, partition, drop…); see Simulation.act. With Record
   * on it becomes part of the shared scenario; with Record off it is a what-if: it acts on the
   * run, but Share, Save and the editor leave it out.
   */
  act(action: Omit<ExternalEvent, 'at' | 'after'>): Frame {
    const sim = this.sim;
    const position = sim.position();
    const before = {
      actions: sim.saveActions(),
      log: this.log.snapshot(),
      position,
      actedAt: sim.now,
      reached: { ...this.reached },
      timeline: this.timeline.save(),
      branch: this.branch,
    };
    const discardedEvents = Math.max(0, this.reached.events - position.events);
    const reachedTo = this.reached.now;
    const recordedBefore = JSON.stringify(this.log.recorded(before.actions.actions));
    this.timeline.truncate(position.events, sim.trace.count);
    const discarded = sim.act(action);
    this.log.add(sim.lastAct!, !this.recording, sim.actions());
    // The notice appears only when something is really gone: user actions still ahead, or a reached future.
    this.branch = discarded > 0 || discardedEvents > 0 ? { at: sim.now, discardedActions: discarded, discardedEvents, reachedTo } : null;
    this.reached = sim.position();
    const changedRecording = JSON.stringify(this.log.recorded(sim.actions())) !== recordedBefore;
    if (changedRecording) this.scenarioRev++;
    this.undoHistory.push({ ...before, changedRecording });
    return this.frame();
  }

  /**
   * Takes back the last action: the actions, the recorded scenario and the reached future are
   * as they were before it, and the view returns to where it stood.
   */
  undo(): Frame {
    const entry = this.undoHistory.pop();
    if (!entry) return this.frame();
    this.sim.restoreActions(entry.actions, entry.actedAt, entry.position);
    this.moveTo(entry.position);
    this.log.restore(entry.log);
    this.timeline.restore(entry.timeline);
    this.reached = entry.reached;
    this.branch = entry.branch;
    if (entry.changedRecording) this.scenarioRev++;
    return this.frame();
  }

  /** The whole timeline (bands and markers), for a UI that lost count of the deltas. */
  timelineAll(): TimelineDelta {
    return this.timeline.full();
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
    const events = this.log.recorded(this.sim.actions());
    // A scenario that had no events and has none now keeps having none (not an empty list).
    return canonical({ ...this.scenario, events: events.length > 0 || this.scenario.events ? events : undefined } as Scenario);
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

  /** The next frame whole, every part rebuilt (for a UI that lost track of the deltas). */
  fullFrame(): Frame {
    this.parts.invalidate();
    return this.frame();
  }

  /**
   * How much recent past the page shows (the space-time diagram's window): a rewind sends that
   * much, and a seek replays only that much beyond what it must (at most RESET_WINDOW_MS).
   */
  setTraceWindow(ms: number): void {
    this.traceWindowMs = Math.max(500, Math.min(RESET_WINDOW_MS, Number.isFinite(ms) ? ms : RESET_WINDOW_MS));
    this.feed.windowMs = this.traceWindowMs;
  }

  /** The node whose full view every frame carries (the inspector's), or null. */
  setFocus(node: number | null): Frame {
    this.focusId = node !== null && node >= 1 && node <= this.sim.nodeCount ? node : null;
    return this.frame();
  }

  frame(): Frame {
    const sim = this.sim;
    if (sim.events > this.reached.events || (sim.events === this.reached.events && sim.now > this.reached.now)) this.reached = sim.position();
    const protocol = this.scenario.protocol;
    const bulkView = this.isBulk(this.scenario);
    const { nodes, focus, violations, inFlight, messages, timers, network, bulk } = this.parts.update(sim, protocol, bulkView, this.focusId);
    return {
      runId: this.runId,
      protocol,
      title: this.scenario.title ?? '',
      description: this.scenario.description ?? '',
      nodeCount: sim.nodeCount,
      rooms: this.rooms,
      view: bulkView ? 'bulk' : 'svg',
      time: sim.now,
      horizon: Math.max(this.horizon, roundedUpRange(this.reached.now)),
      events: sim.events,
      traceHash: sim.traceHash(),
      leader: sim.protocol.leader?.(sim.snapshot()) ?? null,
      nodes,
      focus,
      violations,
      inFlight,
      messages,
      timers,
      network,
      trace: this.feed.take(sim.now),
      transitions: this.feed.roles.list(),
      bulk,
      branch: this.branch,
      position: sim.position(),
      moment: this.moment(),
      reached: { ...this.reached },
      canUndo: this.undoHistory.size > 0,
      timeline: this.timeline.take(),
      timelineSize: { bands: this.timeline.bandCount, markers: this.timeline.markerCount },
      atLimit: sim.events >= MAX_RUN_EVENTS,
      libraryId: this.libraryId,
      recording: this.recording,
      whatIf: this.log.whatIfCount,
      scenarioRev: this.scenarioRev,
      traceEvents: sim.trace.count,
    };
  }

  /**
   * The recorded scenario as a share-link hash, with the moment shown and the page's view
   * (selected node, open tab). The scenario is encoded in the validator's canonical form — the
   * form `npm run sim -- url` encodes after reading the same scenario from a file — so the Share
   * button and the CLI make the very same link. A built-in scenario nobody changed is named by
   * its id alone (`#lib=…`); a changed one carries its id too, so its note stays.
   */
  shareHash(view: { node?: number | null; tab?: string | null } = {}): string {
    const scenario = this.currentScenario();
    const lib = this.libraryId;
    const unchanged = lib !== null && libraryIdOf(scenario) === lib;
    return buildShareHash({ scenario: unchanged ? undefined : scenario, lib, moment: this.moment(), node: view.node, tab: view.tab });
  }

  /** The moment shown, as a link names it: `after` only when more events of this millisecond are still to come. */
  private moment(): LinkMoment {
    const sim = this.sim;
    return sim.nextEventTime() === sim.now && sim.eventsAt(sim.now) > 0 ? { at: sim.now, after: sim.eventsAt(sim.now) } : { at: sim.now };
  }

  /**
   * Moves to a position; a far move first lands a window early and runs the rest, so the trace
   * feed has the recent past the narration and the space-time diagram show (as `seek` does).
   */
  private moveTo(position: RunPosition): void {
    const sim = this.sim;
    const windowMs = this.feed.windowMs;
    const far = Math.abs(position.now - sim.now) > windowMs && position.now > windowMs;
    if (far && !this.isBulk(this.scenario)) {
      sim.seek(position.now - windowMs);
      if (sim.events <= position.events) sim.runToEvent(position.events);
    }
    sim.seekToPosition(position);
  }

  /** Opens a link's moment: paused there, with the recent past in the trace feed (as a seek). */
  private openAt(moment: LinkMoment): void {
    const at = Math.min(moment.at, MAX_OPEN_AT_MS);
    if (at > this.feed.windowMs) this.sim.seek(at - this.feed.windowMs);
    this.sim.seekToMoment(at, moment.after);
  }


  private stepUntilKind(bit: number): SearchResult {
    const sim = this.sim;
    const fromMs = sim.now;
    const limit = fromMs + SEARCH_LIMIT_MS;
    this.feed.clearKinds();
    let stoppedBy: SearchResult['stoppedBy'] = 'events';
    for (let budget = SEARCH_LIMIT_EVENTS; budget > 0; budget--) {
      if (!sim.step(limit)) {
        stoppedBy = sim.nextEventTime() === Infinity ? 'end' : 'time';
        if (stoppedBy === 'time') sim.runUntil(limit);
        break;
      }
      if ((this.feed.kinds & bit) !== 0) {
        stoppedBy = 'found';
        break;
      }
    }
    return { frame: this.frame(), found: stoppedBy === 'found', fromMs, toMs: sim.now, stoppedBy };
  }

  private isBulk(scenario: Scenario): boolean {
    return scenario.protocol === 'gossip' && scenario.nodes > SVG_MAX_NODES;
  }

  /** Loads a scenario and returns its first frame. */
  private loaded(scenario: Scenario, libraryId?: string | null): Frame {
    this.load(scenario, libraryId);
    return this.frame();
  }

  private load(scenario: Scenario, libraryId: string | null = libraryIdOf(scenario)): void {
    // Created first: a scenario whose protocol is missing throws here and changes nothing.
    ({ sim: this.sim, feed: this.feed, timeline: this.timeline } = this.create(scenario));
    this.scenario = scenario;
    this.rooms = (scenario.groups ?? []).map((g) => [...g]);
    this.parts.reset();
    this.runId++;
    this.horizon = defaultRunUntil(scenario.events);
    this.reached = this.sim.position();
    this.branch = null;
    this.log.clear();
    this.undoHistory.clear();
    this.libraryId = libraryId;
    this.scenarioRev++;
    if (this.focusId !== null && this.focusId > scenario.nodes) this.focusId = null;
  }

  /** The run without its what-if actions: the scenario again, with the recorded user actions replayed where they were taken. */
  private rebuildRecorded(): void {
    const now = this.sim.now;
    const recorded = this.log.recorded(this.sim.actions());
    const kept = this.log.dropWhatIf();
    ({ sim: this.sim, feed: this.feed, timeline: this.timeline } = this.create({ ...this.scenario, events: recorded } as Scenario));
    // The recorded user actions stay the user's: acting before them still discards them.
    this.sim.markUserActions(kept.map((e) => e.event));
    this.parts.reset();
    this.runId++;
    this.sim.runUntil(now);
    this.reached = this.sim.position();
    this.branch = null;
    this.undoHistory.clear();
    this.scenarioRev++;
  }

  private create(scenario: Scenario): { sim: Simulation; feed: TraceFeed; timeline: TimelineRecorder } {
    const role = ROLE_FIELD[scenario.protocol];
    const bulk = this.isBulk(scenario);
    const feed = new TraceFeed(role.field, role.perMember, bulk);
    // A large gossip cluster's state is big and its events many: checkpoint less often, keep no full trace.
    const checkpointEvery = scenario.protocol === 'gossip' ? Math.max(CHECKPOINT_EVERY, 64 * scenario.nodes) : CHECKPOINT_EVERY;
    // The feed keeps a bounded recent trace itself; the kernel's full `traceLog` would grow without end.
    let sim: Simulation | null = null;
    const timeline = new TimelineRecorder((action) => sim?.isUserAction(action) ?? false);
    const sink = (e: Parameters<typeof feed.sink>[0]) => {
      feed.sink(e);
      timeline.onTrace(e);
    };
    sim = createSimulation(scenario, { checkpointEvery, onTrace: sink, onEvent: timeline.onEvent });
    feed.attach(sim);
    feed.windowMs = this.traceWindowMs;
    timeline.attach(sim);
    return { sim, feed, timeline };
  }
}

/** A valid scenario in the validator's output form (its key order): what the CLI holds after reading it. */
function canonical(scenario: Scenario): Scenario {
  const parsed = parseScenario(JSON.parse(JSON.stringify(scenario)));
  if (!parsed.ok) throw new Error(`the running scenario no longer validates: ${formatErrors(parsed.errors)}`);
  return parsed.scenario;
}

/**
 * The Time slider's range past the script, rounded up to a tenth of its order of magnitude
 * (12.3 s → 13 s, 3,600 s → 3,600 s): while playing it grows in steps, not every frame, so the
 * slider and the timeline redraw their scale a few times a second at most.
 */
export function roundedUpRange(ms: number): number {
  if (ms <= 0) return 0;
  const step = Math.max(100, 10 ** Math.floor(Math.log10(ms)) / 10);
  return Math.ceil(ms / step) * step;
}
