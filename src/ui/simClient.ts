import { releaseProxy, wrap, type Remote } from 'comlink';
import type { SimHost } from '../worker/simHost';

/** The simulation's worker as the page holds it: the RPC proxy, its failures, and a way to end it. */
export interface SimWorker {
  readonly sim: Remote<SimHost>;
  /**
   * `listener` hears of a failure outside any call: an error the worker did not catch, a script
   * that could not load, a message that could not be read. Failures before a listener was set are
   * kept and told to it at once.
   */
  onFailure(listener: (message: string) => void): void;
  terminate(): void;
}

/** The one worker of the page; its URL is written literally so Vite bundles it. */
export function startSimWorker(): SimWorker {
  const worker = new Worker(new URL('../worker/sim.worker.ts', import.meta.url), { type: 'module' });
  const sim = wrap<SimHost>(worker);
  let listener: ((message: string) => void) | null = null;
  const early: string[] = [];
  const fail = (message: string) => (listener ? listener(message) : early.push(message));
  worker.addEventListener('error', (e) => {
    e.preventDefault();
    fail(e.message || 'the simulation’s script could not be loaded or crashed');
  });
  worker.addEventListener('messageerror', () => fail('a message from the simulation could not be read'));
  return {
    sim,
    onFailure(l) {
      listener = l;
      for (const message of early.splice(0)) l(message);
    },
    terminate() {
      sim[releaseProxy]();
      worker.terminate();
    },
  };
}
