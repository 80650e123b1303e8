import { describe, expect, it } from 'vitest';
import { displayTime, messagePlacement, messageProgress } from './messages';

describe('messageProgress', () => {
  it('is the share of the latency that has passed', () => {
    expect(messageProgress(100, 120, 100)).toBe(0);
    expect(messageProgress(100, 120, 110)).toBe(0.5);
    expect(messageProgress(100, 120, 130)).toBe(1);
    expect(messageProgress(100, 120, 90)).toBe(0);
  });
  it('handles a zero-latency message', () => {
    expect(messageProgress(100, 100, 99)).toBe(0);
    expect(messageProgress(100, 100, 100)).toBe(1);
  });
});

describe('messagePlacement', () => {
  const a = { x: 0, y: 0 };
  const b = { x: 100, y: 0 };
  it('starts and ends at the node rims', () => {
    expect(messagePlacement(a, b, 0, 10, 0)).toMatchObject({ x: 10, y: 0, angle: 0 });
    expect(messagePlacement(a, b, 1, 10, 0)).toMatchObject({ x: 90, y: 0 });
    expect(messagePlacement(a, b, 0.5, 10, 0).x).toBe(50);
  });
  it('moves a message to the right of its direction, so request and reply separate', () => {
    const there = messagePlacement(a, b, 0.5, 10, 4);
    const back = messagePlacement(b, a, 0.5, 10, 4);
    expect(there.y).toBe(4);
    expect(back.y).toBe(-4);
    expect(back.angle).toBe(180);
  });
});

describe('displayTime', () => {
  it('advances with real time at the playback speed while playing, up to a limit', () => {
    expect(displayTime(1000, 100, 0.1, true, 50)).toBe(1010);
    expect(displayTime(1000, 10_000, 1, true, 50)).toBe(1050);
    expect(displayTime(1000, 100, 1, false, 50)).toBe(1000);
  });
});
