import type { Remote } from 'comlink';
import { createActor, fromPromise, type Actor } from 'xstate';
import type { ExternalEvent, RunPosition } from '../sim/kernel/simulation';
import type { Scenario } from '../sim/scenario/schema';
import type { ScenarioError } from '../sim/scenario/validate';
import type { Frame } from '../worker/frame';
import type { ApplyResult, LinkResult, LinkView, LoadResult, SearchResult, SimHost } from '../worker/simHost';
import type { TraceExport } from '../worker/traceExport';
import { i18n } from './i18n';
import { playbackMachine, type PlaybackEvent } from './playbackMachine';
import { shareBase } from './share/links';
import { startSimWorker, type SimWorker } from './simClient';
import { setAddressHash } from './share/address';
import { formatMs } from './labels';
import { PANEL_TABS, useUi, type PanelTab, type PlaybackMode } from './store';

/** Run-until-leader gives up after this much virtual time (as Next delivery and Next change do) … */
export const RUN_UNTIL_LIMIT_MS = 60_000;
/** … and runs in slices of this much, one per animation frame, so the view follows along. */
const RUN_UNTIL_SLICE_MS = 250;
/** Real ms one tick of the clock may account for (a background tab must not jump minutes). */
const MAX_TICK_MS = 250;
/**
 * While playing, the worker is asked for a frame at most this often (25 Hz, a film's rate):
 * messages glide between two frames as compositor animations and the space-time diagram scrolls
 * the same way, so the page renders 25 times a second while motion stays at the display's rate.
 * (Each frame costs the main thread about 8 ms of script, style, layout and paint; at 30 Hz the
 * page took 25–26 % of a core playing 5 Raft nodes, at 25 Hz 20 %.)
 */
export const FRAME_INTERVAL_MS = 40;
/** How often the playing clock looks whether a frame is due (a divisor of FRAME_INTERVAL_MS). */
const CLOCK_TICK_MS = 20;
/**
 * A worker call unanswered for this long means the worker is stuck (a frame takes milliseconds;
 * the longest seek the limits allow, 24 h of a busy cluster, a few seconds).
 */
export const WATCH_MS = 10_000;

type Action = Omit<ExternalEvent, 'at' | 'after'>;

/**
 * Binds the UI to the worker. Commands go through the playback machine; worker calls run one at
 * a time, and while playing each animation frame asks for at most one frame (the worker
 * advances by the real time elapsed × speed).
 */
export class Controller {
  private worker: SimWorker;
  private sim: Remote<SimHost>;
  /** Bumped by a restart: answers of the worker before it are ignored. */
  private generation = 0;
  readonly playback: Actor<typeof playbackMachine>;
  private queue: Promise<unknown> = Promise.resolve();
  private pending = 0;
  private pendingMs = 0;
  private lastTick = 0;
  private lastRequest = 0;
  /** The playing clock's interval (not requestAnimationFrame: the page draws nothing between frames, so it asks for no animation frames). */
  private clockTimer = 0;
  private ticking = false;
  private seekTarget: number | null = null;
  private runUntilFrom = 0;

  constructor(
    worker: SimWorker = startSimWorker(),
    private readonly startWorker: () => SimWorker = startSimWorker,
  ) {
    this.worker = worker;
    this.sim = worker.sim;
    const machine = playbackMachine.provide({
      actions: {
        startClock: () => this.startClock(),
        stopClock: () => this.stopClock(),
        step: () => void this.request(() => this.sim.step()),
        stepBack: () => void this.request(() => this.sim.stepBack()),
        stepDelivery: () => void this.search(() => this.sim.stepToDelivery(), 'delivery'),
        stepStateChange: () => void this.search(() => this.sim.stepToStateChange(), 'change'),
        reset: () => void this.request(() => this.sim.reset()),
        seek: (_, { t }) => this.queueSeek(t),
        seekPosition: (_, { position }) => void this.request(() => this.sim.seekToPosition(position)),
        seekEnd: () => void this.request(() => this.sim.seekToReached()),
        reportRunUntil: (_, { found }) => {
          const from = formatMs(this.runUntilFrom);
          const to = formatMs(useUi.getState().frame?.time ?? 0);
          useUi.getState().setNote(found ? null : () => i18n.t('playback.runUntilFailed', { from, to }));
        },
      },
      actors: { runUntilLeader: fromPromise(({ signal }) => this.runUntilLeader(signal)) },
    });
    this.playback = createActor(machine);
    this.playback.subscribe((s) => useUi.getState().setPlayback(s.value as PlaybackMode));
    this.playback.start();
    // Last: a failure the worker had before the page got here is reported at once.
    this.watchFailures(worker);
  }

  /** Opens the page's link (a share link, `#lib=<id>`, or nothing: the default scenario) and fetches the library. */
  async start(hash: string, opening?: Promise<LinkResult>): Promise<void> {
    await this.openHash(hash, opening);
    useUi.getState().setLibrary(await this.enqueue(() => this.sim.library()));
  }

  /**
   * Opens a link's hash; a link that cannot be opened says why, and the default scenario runs.
   * `opening` is that very call already made (the page's entry asks the worker before the app has
   * loaded, so the first frame is ready when the app is).
   */
  async openHash(hash: string, opening?: Promise<LinkResult>): Promise<void> {
    this.send({ type: 'PAUSE' });
    const result = await this.enqueue<LinkResult>(() => opening ?? this.sim.loadHash(hash));
    this.applyFrame(result.frame);
    useUi.getState().setLinkError(result.ok ? null : result.problem);
    this.applyLinkView(result.view, result.frame.nodeCount);
  }

  /**
   * A new worker in place of a failed or stuck one, opening what the address holds (the recorded
   * run, at its moment when the page was paused), or the default scenario (`fresh`).
   */
  async restart(fresh = false): Promise<void> {
    this.send({ type: 'PAUSE' });
    this.generation++;
    this.worker.terminate();
    this.worker = this.startWorker();
    this.sim = this.worker.sim;
    this.watchFailures(this.worker);
    this.queue = Promise.resolve();
    this.pending = 0;
    this.seekTarget = null;
    useUi.getState().setWorkerProblem(null);
    if (fresh) setAddressHash('');
    await this.start(fresh ? '' : location.hash);
  }

  private watchFailures(worker: SimWorker): void {
    const generation = this.generation;
    worker.onFailure((message) => {
      if (generation !== this.generation) return;
      this.send({ type: 'PAUSE' });
      useUi.getState().setWorkerProblem({ kind: 'crashed', message });
    });
  }

  /** After a bad link: forget it (so a reload does not show the error again) and start the default scenario afresh. */
  async openDefault(): Promise<void> {
    setAddressHash('');
    await this.openHash('');
  }

  /** Loads a built-in scenario; the address becomes its short link (`#lib=<id>`), so a reload reopens it. */
  async loadLibrary(id: string): Promise<void> {
    this.send({ type: 'PAUSE' });
    const result = await this.enqueue<LoadResult>(() => this.sim.loadLibrary(id));
    this.applyFrame(result.frame);
    useUi.getState().setLinkError(null);
    if (result.ok) {
      setAddressHash(`#lib=${encodeURIComponent(id)}`);
    } else {
      const error = result.error;
      useUi.getState().setNote(() => error);
    }
  }

  /** The recorded scenario (with every recorded action) as pretty JSON, as the editor and Save show it. */
  scenarioText(): Promise<string> {
    return this.enqueue<string>(() => this.sim.scenarioText());
  }

  validate(text: string): Promise<ScenarioError[]> {
    return this.enqueue<ScenarioError[]>(() => this.sim.validate(text));
  }

  /** Loads edited scenario text; a bad one changes nothing and comes back with its errors. */
  async applyText(text: string): Promise<ApplyResult> {
    this.send({ type: 'PAUSE' });
    const result = await this.enqueue<ApplyResult>(() => this.sim.applyText(text));
    this.applyFrame(result.frame);
    if (result.ok) setAddressHash('');
    return result;
  }

  setRecording(on: boolean): Promise<void> {
    return this.request(() => this.sim.setRecording(on));
  }

  exportTrace(): Promise<TraceExport> {
    return this.enqueue<TraceExport>(() => this.sim.exportTrace());
  }

  send(event: PlaybackEvent): void {
    if (event.type !== 'RUN_UNTIL_LEADER') useUi.getState().setNote(null);
    this.playback.send(event);
  }

  togglePlay(): void {
    this.send({ type: 'TOGGLE' });
  }

  step(): void {
    this.send({ type: 'STEP' });
  }

  /** Back to exactly the previous event (Step back, ←). */
  stepBack(): void {
    this.send({ type: 'STEP_BACK' });
  }

  seek(t: number): void {
    this.send({ type: 'SEEK', t: Math.max(0, t) });
  }

  /** Moves the present by `ms` of virtual time (Shift+←/→, PageUp/PageDown). */
  moveBy(ms: number): void {
    this.seek((useUi.getState().frame?.time ?? 0) + ms);
  }

  /** Jumps to exactly a position of the run (a timeline marker). */
  seekToPosition(position: RunPosition): void {
    this.send({ type: 'SEEK_POSITION', position });
  }

  /** The furthest point reached (End). */
  seekToReached(): void {
    this.send({ type: 'SEEK_END' });
  }

  /** Takes back the last action (Undo, Ctrl+Z): its discarded future comes back exactly. */
  undo(): void {
    this.send({ type: 'PAUSE' });
    void this.request(() => this.sim.undo());
  }

  reset(): void {
    this.send({ type: 'RESET' });
  }

  /** A user action at the current time; it becomes a scenario event (shareable, replayable). */
  act(action: Action): Promise<void> {
    return this.request(() => this.sim.act(action));
  }

  /** Loads a new scenario (protocol switch, node count); the old run is gone. */
  async loadScenario(scenario: Scenario): Promise<void> {
    this.send({ type: 'PAUSE' });
    const result = await this.enqueue<LoadResult>(() => this.sim.loadScenario(scenario));
    this.applyFrame(result.frame);
    if (result.ok) setAddressHash('');
    const error = result.ok ? null : result.error;
    useUi.getState().setNote(error === null ? null : () => error);
  }

  /** How much recent past the page shows (the space-time diagram's window): what a seek brings back. */
  setTraceWindow(ms: number): Promise<void> {
    return this.enqueue(() => this.sim.setTraceWindow(ms));
  }

  /** The node whose full view frames carry (the inspector shows it). */
  focus(node: number | null): Promise<void> {
    return this.request(() => this.sim.setFocus(node));
  }

  /** The share link: the page's address (without `?embed=1` or other query) and the hash of the run, its moment and the view. */
  async share(): Promise<string> {
    const link = `${shareBase(location)}${await this.linkHash()}`;
    useUi.getState().setShareLink(link);
    return link;
  }

  /** The hash a link to what is shown now would have: the recorded scenario, the moment, the selected node and open tab. */
  linkHash(): Promise<string> {
    const { selectedNode, tab, frame } = useUi.getState();
    const defaultTab = frame?.protocol === 'gossip' ? 'chart' : 'logs';
    return this.enqueue(() => this.sim.shareHash({ node: selectedNode, tab: tab === defaultTab ? null : tab }));
  }

  /** A link's selected node and tab, and a word about the fields it ignored. */
  private applyLinkView(view: LinkView, nodeCount: number): void {
    const ui = useUi.getState();
    if (view.node !== null && view.node <= nodeCount) ui.selectNode(view.node);
    if (view.tab !== null && (PANEL_TABS as readonly string[]).includes(view.tab)) ui.setTab(view.tab as PanelTab);
    const ignored = view.ignored.map((f) => `${f.field}=${f.value}`).join(', ');
    if (ignored) ui.setNote(() => i18n.t('linkError.ignoredFields', { fields: ignored }));
  }

  private startClock(): void {
    if (this.ticking) return;
    this.ticking = true;
    this.pendingMs = 0;
    this.lastTick = performance.now();
    this.clockTimer = window.setInterval(() => this.tick(performance.now()), CLOCK_TICK_MS);
  }

  private stopClock(): void {
    this.ticking = false;
    window.clearInterval(this.clockTimer);
    this.pendingMs = 0;
  }

  private readonly tick = (now: number): void => {
    if (!this.ticking) return;
    this.pendingMs += Math.min(MAX_TICK_MS, Math.max(0, now - this.lastTick)) * useUi.getState().speed;
    this.lastTick = now;
    // At most one request in flight (the worker's answer is the next frame), at most one per FRAME_INTERVAL_MS.
    const due = now - this.lastRequest >= FRAME_INTERVAL_MS - 4;
    if (this.pending === 0 && this.pendingMs > 0 && due) {
      this.lastRequest = now;
      const ms = this.pendingMs;
      this.pendingMs = 0;
      void this.request(() => this.sim.advance(ms));
    }
  };

  /** Dragging the Time slider fires many seeks; only the latest one still waiting is run. */
  private queueSeek(t: number): void {
    const waiting = this.seekTarget !== null;
    this.seekTarget = t;
    if (waiting) return;
    void this.request(() => {
      const target = this.seekTarget ?? t;
      this.seekTarget = null;
      return this.sim.seek(target);
    });
  }

  /** Next delivery / Next change: a bounded search that says so when it found nothing. */
  private async search(call: () => Promise<SearchResult>, kind: 'delivery' | 'change'): Promise<void> {
    const result = await this.enqueue(call);
    this.applyFrame(result.frame);
    if (result.found) return;
    const params = { from: formatMs(result.fromMs), to: formatMs(result.toMs), limit: RUN_UNTIL_LIMIT_MS / 1000 };
    const key = result.stoppedBy === 'end' ? 'playback.searchEnd' : result.stoppedBy === 'events' ? `playback.searchEvents.${kind}` : `playback.searchFailed.${kind}`;
    useUi.getState().setNote(() => i18n.t(key as 'playback.searchEnd', params));
  }

  private async runUntilLeader(signal: AbortSignal): Promise<boolean> {
    const since = useUi.getState().frame?.leader ?? null;
    this.runUntilFrom = useUi.getState().frame?.time ?? 0;
    for (let spent = 0; spent < RUN_UNTIL_LIMIT_MS && !signal.aborted; spent += RUN_UNTIL_SLICE_MS) {
      const result = await this.enqueue(() => this.sim.runUntilLeader(since, Math.min(RUN_UNTIL_SLICE_MS, RUN_UNTIL_LIMIT_MS - spent)));
      this.applyFrame(result.frame);
      if (result.found) return true;
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    return false;
  }

  private async request(call: () => Promise<Frame>): Promise<void> {
    const frame = await this.enqueue(call);
    this.applyFrame(frame);
    if (frame.atLimit && this.ticking) {
      this.send({ type: 'PAUSE' });
      useUi.getState().setNote(() => i18n.t('playback.runAtLimit'));
    }
  }

  /** Shows a frame; when the timeline lost count of its deltas, asks for all of it. */
  private applyFrame(frame: Frame): void {
    if (!useUi.getState().applyFrame(frame)) {
      // A delta against a frame this page does not hold: ask for the whole frame.
      void this.enqueue(() => this.sim.fullFrame()).then((full) => useUi.getState().applyFrame(full));
      return;
    }
    if (useUi.getState().timeline.stale) {
      void this.enqueue(() => this.sim.timelineAll()).then((all) => useUi.getState().setTimeline(all));
    }
  }

  /**
   * Worker calls run one after another, in the order asked. Each is watched: one that throws
   * is reported with its error, one unanswered for WATCH_MS as stuck (and the report goes away
   * if it answers after all). Nothing the worker does wrong is only in the console.
   */
  private enqueue<T>(call: () => Promise<T>): Promise<T> {
    this.pending++;
    const generation = this.generation;
    const watched = () => this.watch(call(), generation);
    const run = this.queue.then(watched, watched);
    this.queue = run.catch(() => undefined);
    return run.finally(() => {
      if (generation === this.generation) this.pending--;
    });
  }

  private watch<T>(answer: Promise<T>, generation: number): Promise<T> {
    const ui = useUi.getState;
    const current = () => generation === this.generation;
    const timer = window.setTimeout(() => {
      if (!current()) return;
      this.send({ type: 'PAUSE' });
      ui().setWorkerProblem({ kind: 'stuck', message: '' });
    }, WATCH_MS);
    return answer.then(
      (value) => {
        window.clearTimeout(timer);
        if (current() && ui().workerProblem?.kind === 'stuck') ui().setWorkerProblem(null);
        return value;
      },
      (err: unknown) => {
        window.clearTimeout(timer);
        if (current()) {
          this.send({ type: 'PAUSE' });
          ui().setWorkerProblem({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
        }
        throw err;
      },
    );
  }
}

