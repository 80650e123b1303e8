import { describe, expect, it } from 'vitest';
import { TraceWindow } from '../traceWindow';
import type { TraceEvent } from '../../sim/kernel/trace';
import { ArrowIndex, laneMarks, messageArrows, timeWindow, type SpaceTimeEvent } from './spaceTime';

const events: SpaceTimeEvent[] = [
  { t: 0, k: 'state', node: 1, field: 'role', value: 'follower' },
  { t: 10, k: 'send', from: 1, to: 2, id: 1, msg: { type: 'RequestVote' } },
  { t: 10, k: 'send', from: 1, to: 3, id: 2, msg: { type: 'RequestVote' } },
  { t: 25, k: 'deliver', from: 1, to: 2, id: 1 },
  { t: 28, k: 'drop', from: 1, to: 3, id: 2, reason: 'partition' },
  { t: 30, k: 'send', from: 2, to: 1, id: 3, msg: { type: 'RequestVoteResponse' } },
  { t: 31, k: 'deliver', from: 9, to: 9, id: 99 },
  { t: 40, k: 'state', node: 1, field: 'role', value: 'leader' },
  { t: 41, k: 'state', node: 3, field: 'up', value: false },
];

describe('messageArrows', () => {
  it('pairs sends with deliveries and drops by message id; unmatched sends are in flight', () => {
    const arrows = messageArrows(events);
    expect(arrows).toEqual([
      { id: 1, from: 1, to: 2, type: 'RequestVote', sentAt: 10, endAt: 25, outcome: 'delivered' },
      { id: 2, from: 1, to: 3, type: 'RequestVote', sentAt: 10, endAt: 28, outcome: 'dropped', reason: 'partition' },
      { id: 3, from: 2, to: 1, type: 'RequestVoteResponse', sentAt: 30, endAt: null, outcome: 'inflight' },
    ]);
  });
});

describe('ArrowIndex', () => {
  it('fed a sliding window frame by frame, holds the same arrows as a scan of the window', () => {
    const window = new TraceWindow();
    const index = new ArrowIndex();
    const all = events as unknown as TraceEvent[];
    for (let i = 0; i < all.length; i += 2) {
      window.apply({ reset: false, events: all.slice(i, i + 2) }, all[Math.min(i + 1, all.length - 1)].t);
      index.update(window.events as readonly SpaceTimeEvent[], window.appended, window.generation);
      expect([...index.arrows()]).toEqual(messageArrows(window.events as readonly SpaceTimeEvent[]));
    }
    // A reset (a seek) starts over from the new window.
    window.apply({ reset: true, events: all.slice(5) }, 41);
    index.update(window.events as readonly SpaceTimeEvent[], window.appended, window.generation);
    expect([...index.arrows()].map((a) => a.id)).toEqual([3]);
  });

  it('lets go of arrows sent before the window (as a scan from there would), in flight or not', () => {
    const index = new ArrowIndex();
    index.update(events, events.length, 1);
    index.prune(29);
    expect([...index.arrows()].map((a) => a.id)).toEqual([3]);
    expect(index.prunedBefore).toBe(29);
    // A message sent long ago and never seen arriving (its delivery left the window) does not pile up.
    const stale = new ArrowIndex();
    stale.update([{ t: 5, k: 'send', from: 1, to: 2, id: 7, msg: {} }, ...events], events.length + 1, 1);
    stale.prune(29);
    expect([...stale.arrows()].map((a) => a.id)).toEqual([3]);
  });
});

describe('laneMarks', () => {
  it('marks changes of the role field, crashes and restarts', () => {
    expect(laneMarks(events, 'role')).toEqual([
      { node: 1, t: 0, value: 'follower' },
      { node: 1, t: 40, value: 'leader' },
      { node: 3, t: 41, value: 'crash' },
    ]);
  });
});

describe('timeWindow', () => {
  it('shows mostly the past and never negative time', () => {
    expect(timeWindow(1000, 1000)).toEqual([150, 1150]);
    expect(timeWindow(100, 1000)).toEqual([0, 1000]);
  });
});
