import { expose, transfer } from 'comlink';
import type { Frame } from './frame';
import { FrameEncoder } from './frameDelta';
import { bulkTransferables } from './gossipBulk';
import { SimHost } from './simHost';

/**
 * The Web Worker: the simulation runs here, off the UI thread, behind a thin Comlink API. Every
 * frame a command answers with is posted as a delta: its heavy parts (node views, messages,
 * violations…) only when they changed since the previous frame. Typed arrays of large gossip
 * clusters are transferred, not copied.
 */
const host = new SimHost();
const encoder = new FrameEncoder();

function isFrame(value: unknown): value is Frame {
  return typeof value === 'object' && value !== null && 'runId' in value && 'traceHash' in value;
}

function encoded(result: unknown): unknown {
  if (isFrame(result)) return withTransfer(encoder.encode(result));
  if (typeof result === 'object' && result !== null && 'frame' in result && isFrame(result.frame)) {
    const frame = encoder.encode(result.frame);
    return withTransfer({ ...result, frame }, frame);
  }
  return result;
}

function withTransfer<T>(result: T, frame = result as { bulk?: Frame['bulk'] }): T {
  const buffers = frame.bulk ? bulkTransferables(frame.bulk) : [];
  return buffers.length > 0 ? transfer(result, buffers) : result;
}

const api = new Proxy(host, {
  get(target, key, receiver) {
    const value: unknown = Reflect.get(target, key, receiver);
    if (typeof value !== 'function') return value;
    return (...args: unknown[]) => {
      // A UI that lost track of the deltas asks for a whole frame.
      if (key === 'fullFrame') encoder.requestFull();
      return encoded((value as (...a: unknown[]) => unknown).apply(target, args));
    };
  },
});

expose(api);
