import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { followRun } from './followRun';

describe('followRun', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    vi.stubGlobal('window', globalThis);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('shows every change at once while paused', () => {
    const show = vi.fn();
    const follower = followRun(show, 100);
    follower.changed(false);
    follower.changed(false);
    expect(show).toHaveBeenCalledTimes(2);
  });

  it('while playing, shows in the tasks of the frames that bring changes, about every interval, never from a timer of its own', () => {
    const show = vi.fn();
    const follower = followRun(show, 100);
    const shownAt: number[] = [];
    show.mockImplementation(() => shownAt.push(performance.now()));
    // Frames every 33 ms (a 30-Hz stream) for one second: the changes they bring show in their own task.
    for (let frame = 0; frame <= 30; frame++) {
      if (frame > 0) vi.advanceTimersByTime(33);
      follower.changed(true);
    }
    // Ten a second (every third frame, 99 ms apart: a frame a little early counts as on time).
    expect(shownAt).toEqual([0, 99, 198, 297, 396, 495, 594, 693, 792, 891, 990]);
  });

  it('shows the last change from a fallback timer when no frame follows it', () => {
    const show = vi.fn();
    const follower = followRun(show, 100);
    follower.changed(true);
    vi.advanceTimersByTime(30);
    follower.changed(true);
    expect(show).toHaveBeenCalledTimes(1);
    // Not yet at the interval: the next frame would have shown it; none comes, so the timer does.
    vi.advanceTimersByTime(69);
    expect(show).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(200);
    expect(show).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(1000);
    expect(show).toHaveBeenCalledTimes(2);
  });

  it('cancel drops a change still waiting', () => {
    const show = vi.fn();
    const follower = followRun(show, 100);
    follower.changed(true);
    follower.changed(true);
    follower.cancel();
    vi.advanceTimersByTime(1000);
    expect(show).toHaveBeenCalledTimes(1);
  });
});
