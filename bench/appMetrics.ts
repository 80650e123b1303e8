import type { CDPSession, Page } from '@playwright/test';

/**
 * Chrome DevTools Protocol readings for `npm run bench app`: main-thread task time
 * (Performance.getMetrics) and the JS heaps of the page and of its simulation worker
 * (HeapProfiler.collectGarbage, then Runtime.getHeapUsage).
 *
 * Playwright's CDPSession.send has no sessionId, so the worker is reached through the page
 * session in non-flattened mode: Target.setAutoAttach({flatten: false}) attaches to the
 * page's dedicated worker, and Target.sendMessageToTarget / Target.receivedMessageFromTarget
 * carry its messages.
 */

const CDP_TIMEOUT_MS = 30_000;

export interface TaskSample {
  /** Seconds the page's main thread spent in tasks since Performance.enable. */
  task: number;
  /** CPU seconds of the whole renderer process (main thread, worker, compositor…). */
  process: number;
  /** The metrics' monotonic timestamp, seconds. */
  at: number;
}

function withTimeout<T>(promise: Promise<T>, what: string, ms = CDP_TIMEOUT_MS): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`CDP ${what}: no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The simulation worker's own DevTools session, reached through the page session. */
class WorkerSession {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: unknown) => void; reject: (e: Error) => void }>();

  constructor(
    private readonly page: CDPSession,
    readonly sessionId: string,
  ) {
    page.on('Target.receivedMessageFromTarget', (e) => {
      if (e.sessionId !== this.sessionId) return;
      const msg = JSON.parse(e.message) as { id?: number; result?: unknown; error?: { message: string } };
      if (msg.id === undefined) return;
      const waiter = this.pending.get(msg.id);
      if (!waiter) return;
      this.pending.delete(msg.id);
      if (msg.error) waiter.reject(new Error(`worker CDP: ${msg.error.message}`));
      else waiter.resolve(msg.result);
    });
  }

  send<T>(method: string, params: object = {}): Promise<T> {
    const id = this.nextId++;
    const answer = new Promise<T>((resolve, reject) => this.pending.set(id, { resolve: (r) => resolve(r as T), reject }));
    const sent = this.page.send('Target.sendMessageToTarget', { sessionId: this.sessionId, message: JSON.stringify({ id, method, params }) });
    return withTimeout(
      sent.then(() => answer),
      `worker ${method}`,
    ).finally(() => this.pending.delete(id));
  }
}

export interface HeapSample {
  /** Runtime.getHeapUsage usedSize: the JS heap, bytes. */
  main: number;
  worker: number;
  /** Runtime.getHeapUsage backingStorageSize: ArrayBuffer backing stores, outside usedSize. */
  mainBacking: number;
  workerBacking: number;
}

interface HeapUsage {
  usedSize: number;
  backingStorageSize?: number;
}

/** A page's DevTools session: task time, and both heaps after a full garbage collection. */
export class PageProbe {
  private worker: WorkerSession | null = null;

  private constructor(private readonly session: CDPSession) {}

  static async open(page: Page): Promise<PageProbe> {
    const session = await page.context().newCDPSession(page);
    await withTimeout(session.send('Performance.enable'), 'Performance.enable');
    return new PageProbe(session);
  }

  async tasks(): Promise<TaskSample> {
    const { metrics } = await withTimeout(this.session.send('Performance.getMetrics'), 'Performance.getMetrics');
    const get = (name: string) => {
      const m = metrics.find((x) => x.name === name);
      if (!m) throw new Error(`Performance.getMetrics has no ${name}`);
      return m.value;
    };
    return { task: get('TaskDuration'), process: get('ProcessTime'), at: get('Timestamp') };
  }

  /** Attaches to the page's dedicated worker (the simulation) once; waits for it to exist. */
  private async workerSession(): Promise<WorkerSession> {
    if (this.worker) return this.worker;
    const attached = new Promise<string>((resolve) => {
      this.session.on('Target.attachedToTarget', (e) => {
        if (e.targetInfo.type === 'worker') resolve(e.sessionId);
      });
    });
    await withTimeout(this.session.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false }), 'Target.setAutoAttach');
    const sessionId = await withTimeout(attached, 'attach to the simulation worker (no worker target appeared)');
    this.worker = new WorkerSession(this.session, sessionId);
    return this.worker;
  }

  /** Bytes in use on the page's main thread and in the worker, each right after a full GC. */
  async heaps(): Promise<HeapSample> {
    const worker = await this.workerSession();
    await withTimeout(this.session.send('HeapProfiler.collectGarbage'), 'HeapProfiler.collectGarbage');
    const main: HeapUsage = await withTimeout(this.session.send('Runtime.getHeapUsage'), 'Runtime.getHeapUsage');
    await worker.send('HeapProfiler.collectGarbage');
    const used = await worker.send<HeapUsage>('Runtime.getHeapUsage');
    return { main: main.usedSize, worker: used.usedSize, mainBacking: main.backingStorageSize ?? 0, workerBacking: used.backingStorageSize ?? 0 };
  }

  async detach(): Promise<void> {
    await this.session.detach().catch(() => undefined);
  }
}
