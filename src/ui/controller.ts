import type { Remote } from 'comlink';
import type { ExternalEvent } from '../sim/kernel/simulation';
import type { SimHost } from '../worker/simHost';
import { startSimWorker } from './simClient';
import { useUi } from './store';

/**
 * Binds the UI to the worker: one request at a time, at most one frame per animation frame.
 * While playing, each animation frame asks the worker to advance by real elapsed time × speed.
 */
export class Controller {
  private readonly sim: Remote<SimHost>;
  private busy = false;
  private pendingMs = 0;
  private lastTick = 0;
  private rafId = 0;

  constructor(sim: Remote<SimHost> = startSimWorker()) {
    this.sim = sim;
  }

  async start(hash: string): Promise<void> {
    const result = await this.sim.loadHash(hash);
    useUi.getState().setFrame(result.frame);
    useUi.getState().setLinkError(result.ok ? null : result.error);
  }

  play(): void {
    if (useUi.getState().playing) return;
    useUi.getState().setPlaying(true);
    this.lastTick = performance.now();
    this.rafId = requestAnimationFrame(this.tick);
  }

  pause(): void {
    useUi.getState().setPlaying(false);
    cancelAnimationFrame(this.rafId);
    this.pendingMs = 0;
  }

  togglePlay(): void {
    if (useUi.getState().playing) this.pause();
    else this.play();
  }

  step(): Promise<void> {
    this.pause();
    return this.request(() => this.sim.step());
  }

  reset(): Promise<void> {
    this.pause();
    return this.request(() => this.sim.reset());
  }

  seek(t: number): Promise<void> {
    return this.request(() => this.sim.seek(t));
  }

  act(action: Omit<ExternalEvent, 'at'>): Promise<void> {
    return this.request(() => this.sim.act(action));
  }

  async share(): Promise<string> {
    const hash = await this.sim.shareHash();
    const link = `${location.origin}${location.pathname}${hash}`;
    useUi.getState().setShareLink(link);
    return link;
  }

  private readonly tick = (now: number): void => {
    if (!useUi.getState().playing) return;
    this.pendingMs += Math.min(250, now - this.lastTick) * useUi.getState().speed;
    this.lastTick = now;
    if (!this.busy && this.pendingMs > 0) {
      const ms = this.pendingMs;
      this.pendingMs = 0;
      void this.request(() => this.sim.advance(ms));
    }
    this.rafId = requestAnimationFrame(this.tick);
  };

  private async request(call: () => Promise<import('../worker/frame').Frame>): Promise<void> {
    while (this.busy) await new Promise((resolve) => setTimeout(resolve, 1));
    this.busy = true;
    try {
      useUi.getState().setFrame(await call());
    } finally {
      this.busy = false;
    }
  }
}
