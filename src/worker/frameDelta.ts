import type { Frame } from './frame';

/** The parts of a frame that are left out of the next one while they stay the same object. */
export const HEAVY_FRAME_KEYS = ['title', 'description', 'rooms', 'nodes', 'focus', 'violations', 'messages', 'timers', 'network', 'transitions', 'bulk'] as const;
export type HeavyFrameKey = (typeof HEAVY_FRAME_KEYS)[number];

/**
 * A frame as the worker posts it: the small fields always, the heavy ones only when they changed
 * since the frame numbered `base` (a `full` frame has them all). The UI merges it into the frame
 * it holds; one that does not hold frame `base` asks for a full frame.
 */
export type FrameDelta = Omit<Frame, HeavyFrameKey> &
  Partial<Pick<Frame, HeavyFrameKey>> & {
    full: boolean;
    /** This frame's number, and the number of the frame it is relative to (when not full). */
    seq: number;
    base: number;
  };

/** Turns the host's full frames into deltas against the previous one it posted. */
export class FrameEncoder {
  private last: Frame | null = null;
  private seq = 0;
  private forceFull = true;

  /** The next frame goes whole (a UI that lost track asked for it). */
  requestFull(): void {
    this.forceFull = true;
  }

  encode(frame: Frame): FrameDelta {
    const base = this.seq;
    const seq = ++this.seq;
    const last = this.last;
    this.last = frame;
    if (this.forceFull || last === null || last.runId !== frame.runId) {
      this.forceFull = false;
      return { ...frame, full: true, seq, base };
    }
    const delta: Record<string, unknown> = { ...frame, full: false, seq, base };
    for (const key of HEAVY_FRAME_KEYS) if (frame[key] === last[key]) delete delta[key];
    return delta as FrameDelta;
  }
}

/** The frame a delta describes, given the frame the UI holds (null when it must ask for a full one). */
export function mergeFrame(held: Frame | null, delta: Frame | FrameDelta): Frame | null {
  if (!('full' in delta) || delta.full) return delta as Frame;
  if (!held || (held as Partial<FrameDelta>).seq !== delta.base) return null;
  return { ...held, ...delta } as Frame;
}
