import { wrap, type Remote } from 'comlink';
import type { SimHost } from '../worker/simHost';

/** The one worker of the page; its URL is written literally so Vite bundles it. */
export function startSimWorker(): Remote<SimHost> {
  const worker = new Worker(new URL('../worker/sim.worker.ts', import.meta.url), { type: 'module' });
  return wrap<SimHost>(worker);
}
