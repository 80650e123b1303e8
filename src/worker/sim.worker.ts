import { expose, transfer } from 'comlink';
import type { Frame } from './frame';
import { bulkTransferables } from './gossipBulk';
import { SimHost } from './simHost';

/**
 * The Web Worker: the simulation runs here, off the UI thread, behind a thin Comlink API. Frames
 * of large gossip clusters carry typed arrays; they are transferred, not copied.
 */
const host = new SimHost();

function withTransfer<T>(result: T): T {
  const frame = (result as { frame?: Frame }).frame ?? (result as Frame);
  const buffers = frame && typeof frame === 'object' && 'bulk' in frame ? bulkTransferables(frame.bulk) : [];
  return buffers.length > 0 ? transfer(result, buffers) : result;
}

const api = new Proxy(host, {
  get(target, key, receiver) {
    const value: unknown = Reflect.get(target, key, receiver);
    if (typeof value !== 'function') return value;
    return (...args: unknown[]) => withTransfer((value as (...a: unknown[]) => unknown).apply(target, args));
  },
});

expose(api);
