import { describe, expect, it } from 'vitest';
import type { Frame } from './frame';
import { FrameEncoder, HEAVY_FRAME_KEYS, mergeFrame, type FrameDelta } from './frameDelta';
import { SimHost } from './simHost';

/** The parts of a frame that must survive encoding (trace and timeline are deltas of their own). */
function comparable(frame: Frame): Record<string, unknown> {
  const { trace: _trace, timeline: _timeline, ...rest } = frame;
  const out: Record<string, unknown> = { ...rest };
  delete out.full;
  delete out.seq;
  delete out.base;
  return JSON.parse(JSON.stringify(out)) as Record<string, unknown>;
}

describe('frame deltas: the worker posts only what changed', () => {
  it('a UI merging the deltas holds exactly the frames the host made, through play, steps, actions, seeks and a new run', () => {
    const host = new SimHost();
    const encoder = new FrameEncoder();
    let held: Frame | null = null;
    const sizes: number[] = [];
    const post = (frame: Frame) => {
      const delta = encoder.encode(frame);
      sizes.push(JSON.stringify(delta).length);
      held = mergeFrame(held, delta);
      expect(held).not.toBeNull();
      expect(comparable(held!)).toEqual(comparable(frame));
    };
    post(host.loadHash('#lib=raft-first-election').frame);
    for (let i = 0; i < 40; i++) post(host.advance(7));
    post(host.act({ do: 'crash', node: 3 }));
    for (let i = 0; i < 10; i++) post(host.step());
    post(host.stepBack());
    post(host.seek(100));
    post(host.setFocus(2));
    post(host.advance(500));
    post(host.undo());
    post(host.loadHash('#lib=raft-split-brain-5').frame);
    post(host.seek(3000));
    // A paused frame (nothing changed) is a small fraction of a full one.
    const full = sizes[0];
    post(host.frame());
    expect(sizes.at(-1)!).toBeLessThan(full / 3);
  });

  it('leaves out every heavy part that is the same object, and says so', () => {
    const host = new SimHost();
    const encoder = new FrameEncoder();
    const first = encoder.encode(host.loadHash('#lib=raft-first-election').frame);
    expect(first.full).toBe(true);
    const again = encoder.encode(host.frame());
    expect(again.full).toBe(false);
    for (const key of HEAVY_FRAME_KEYS) expect(key in again).toBe(false);
    // One event is handled by one node: only its view is new, the others are the same objects.
    const before = host.frame();
    const stepped = host.step();
    expect(stepped.nodes.filter((n, i) => n !== before.nodes[i])).toHaveLength(1);
    expect(host.frame().nodes).toBe(stepped.nodes);
  });

  it('a delta against a frame the UI does not hold is refused, and a full frame starts over', () => {
    const host = new SimHost();
    const encoder = new FrameEncoder();
    const first = encoder.encode(host.loadHash('').frame);
    encoder.encode(host.advance(50));
    const third: FrameDelta = encoder.encode(host.advance(50));
    expect(mergeFrame(first as Frame, third)).toBeNull();
    encoder.requestFull();
    const full = encoder.encode(host.fullFrame());
    expect(full.full).toBe(true);
    expect(mergeFrame(null, full)).not.toBeNull();
  });
});
