import type { Remote } from 'comlink';
import { createActor, fromPromise, type Actor } from 'xstate';
import type { ExternalEvent } from '../sim/kernel/simulation';
import type { Scenario } from '../sim/scenario/schema';
import type { ScenarioError } from '../sim/scenario/validate';
import type { Frame } from '../worker/frame';
import type { ApplyResult, LinkResult, LoadResult, SimHost } from '../worker/simHost';
import type { TraceExport } from '../worker/traceExport';
import { i18n } from './i18n';
import { playbackMachine, type PlaybackEvent } from './playbackMachine';
import { shareBase } from './share/links';
import { startSimWorker } from './simClient';
import { useUi, type PlaybackMode } from './store';

/** Run-until-leader gives up after this much virtual time … */
export const RUN_UNTIL_LIMIT_MS = 60_000;
/** … and runs in slices of this much, one per animation frame, so the view follows along. */
const RUN_UNTIL_SLICE_MS = 250;
/** Real ms one animation frame may account for (a background tab must not jump minutes). */
const MAX_TICK_MS = 250;

type Action = Omit<ExternalEvent, 'at'>;

/**
 * Binds the UI to the worker. Commands go through the playback machine; worker calls run one at
 * a time, and while playing each animation frame asks for at most one frame (the worker
 * advances by the real time elapsed × speed).
 */
export class Controller {
  private readonly sim: Remote<SimHost>;
  readonly playback: Actor<typeof playbackMachine>;
  private queue: Promise<unknown> = Promise.resolve();
  private pending = 0;
  private pendingMs = 0;
  private lastTick = 0;
  private rafId = 0;
  private ticking = false;
  private seekTarget: number | null = null;

  constructor(sim: Remote<SimHost> = startSimWorker()) {
    this.sim = sim;
    const machine = playbackMachine.provide({
      actions: {
        startClock: () => this.startClock(),
        stopClock: () => this.stopClock(),
        step: () => void this.request(() => this.sim.step()),
        stepDelivery: () => void this.request(() => this.sim.stepToDelivery()),
        stepStateChange: () => void this.request(() => this.sim.stepToStateChange()),
        reset: () => void this.request(() => this.sim.reset()),
        seek: (_, { t }) => this.queueSeek(t),
        reportRunUntil: (_, { found }) => useUi.getState().setNote(found ? null : () => i18n.t('playback.runUntilFailed')),
      },
      actors: { runUntilLeader: fromPromise(({ signal }) => this.runUntilLeader(signal)) },
    });
    this.playback = createActor(machine);
    this.playback.subscribe((s) => useUi.getState().setPlayback(s.value as PlaybackMode));
    this.playback.start();
  }

  /** Opens the page's link (a share link, `#lib=<id>`, or nothing: the default scenario) and fetches the library. */
  async start(hash: string): Promise<void> {
    await this.openHash(hash);
    useUi.getState().setLibrary(await this.enqueue(() => this.sim.library()));
  }

  /** Opens a link's hash; a link that cannot be opened says why, and the default scenario runs. */
  async openHash(hash: string): Promise<void> {
    this.send({ type: 'PAUSE' });
    const result = await this.enqueue<LinkResult>(() => this.sim.loadHash(hash));
    useUi.getState().applyFrame(result.frame);
    useUi.getState().setLinkError(result.ok ? null : result.problem);
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
    useUi.getState().applyFrame(result.frame);
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
    useUi.getState().applyFrame(result.frame);
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

  seek(t: number): void {
    this.send({ type: 'SEEK', t });
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
    useUi.getState().applyFrame(result.frame);
    if (result.ok) setAddressHash('');
    const error = result.ok ? null : result.error;
    useUi.getState().setNote(error === null ? null : () => error);
  }

  /** The node whose full view frames carry (the inspector shows it). */
  focus(node: number | null): Promise<void> {
    return this.request(() => this.sim.setFocus(node));
  }

  /** The share link: the page's address (without `?embed=1` or other query) and the scenario's hash. */
  async share(): Promise<string> {
    const hash = await this.enqueue(() => this.sim.shareHash());
    const link = `${shareBase(location)}${hash}`;
    useUi.getState().setShareLink(link);
    return link;
  }

  private startClock(): void {
    if (this.ticking) return;
    this.ticking = true;
    this.pendingMs = 0;
    this.lastTick = performance.now();
    this.rafId = requestAnimationFrame(this.tick);
  }

  private stopClock(): void {
    this.ticking = false;
    cancelAnimationFrame(this.rafId);
    this.pendingMs = 0;
  }

  private readonly tick = (now: number): void => {
    if (!this.ticking) return;
    this.pendingMs += Math.min(MAX_TICK_MS, Math.max(0, now - this.lastTick)) * useUi.getState().speed;
    this.lastTick = now;
    // At most one request in flight: the worker's answer is the next frame.
    if (this.pending === 0 && this.pendingMs > 0) {
      const ms = this.pendingMs;
      this.pendingMs = 0;
      void this.request(() => this.sim.advance(ms));
    }
    this.rafId = requestAnimationFrame(this.tick);
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

  private async runUntilLeader(signal: AbortSignal): Promise<boolean> {
    const since = useUi.getState().frame?.leader ?? null;
    for (let spent = 0; spent < RUN_UNTIL_LIMIT_MS && !signal.aborted; spent += RUN_UNTIL_SLICE_MS) {
      const result = await this.enqueue(() => this.sim.runUntilLeader(since, RUN_UNTIL_SLICE_MS));
      useUi.getState().applyFrame(result.frame);
      if (result.found) return true;
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    return false;
  }

  private async request(call: () => Promise<Frame>): Promise<void> {
    const frame = await this.enqueue(call);
    useUi.getState().applyFrame(frame);
    if (frame.atLimit && this.ticking) {
      this.send({ type: 'PAUSE' });
      useUi.getState().setNote(() => i18n.t('playback.runAtLimit'));
    }
  }

  /** Worker calls run one after another, in the order asked. */
  private enqueue<T>(call: () => Promise<T>): Promise<T> {
    this.pending++;
    const run = this.queue.then(call, call);
    this.queue = run.catch(() => undefined);
    return run.finally(() => {
      this.pending--;
    });
  }
}

/**
 * Keeps the address bar honest about what runs: a link that no longer describes the run is
 * dropped (a reload then starts what was loaded last, not an old link). `replaceState` fires no
 * `hashchange`, so this does not reload anything.
 */
function setAddressHash(hash: string): void {
  if (location.hash === hash) return;
  history.replaceState(history.state, '', `${location.pathname}${location.search}${hash}`);
}
