import { describe, expect, it } from 'vitest';
import {
  clampWindow,
  coversAll,
  cullBands,
  fitWindow,
  followPresent,
  labelFits,
  layoutMarks,
  lowerBound,
  MARK_LAYOUT,
  MIN_SPAN_MS,
  panBy,
  pxPerMs,
  secondsDecimals,
  termColorIndex,
  toMs,
  toPx,
  upperBound,
  windowAroundSpan,
  windowFromBrush,
  zoomAround,
  type MarkLayoutOptions,
  type TimeScale,
} from './geometry';

const HOUR = 3_600_000;
const scaleOf = (start: number, end: number, width = 1000): TimeScale => ({ start, end, x0: 0, x1: width });
const options = (s: TimeScale): MarkLayoutOptions => ({ ...MARK_LAYOUT, maxPxPerMs: (s.x1 - s.x0) / MIN_SPAN_MS });

describe('window clamping', () => {
  it('keeps the span between 50 ms and the whole run, inside [0, horizon]', () => {
    expect(clampWindow({ start: 100, end: 110 }, 1000)).toEqual({ start: 100, end: 150 });
    expect(clampWindow({ start: -300, end: 200 }, 1000)).toEqual({ start: 0, end: 500 });
    expect(clampWindow({ start: 900, end: 1400 }, 1000)).toEqual({ start: 500, end: 1000 });
    expect(clampWindow({ start: -5, end: 5000 }, 1000)).toEqual({ start: 0, end: 1000 });
  });
  it('a run shorter than 50 ms is shown whole; an empty run is still a window', () => {
    expect(clampWindow({ start: 3, end: 4 }, 20)).toEqual({ start: 0, end: 20 });
    expect(fitWindow(0)).toEqual({ start: 0, end: 1 });
    expect(coversAll(fitWindow(1234), 1234)).toBe(true);
    expect(coversAll({ start: 0, end: 1000 }, 1234)).toBe(false);
  });
});

describe('zoomAround', () => {
  it('keeps the instant under the pointer where it is', () => {
    const w = zoomAround({ start: 0, end: 1000 }, 0.5, 250, 1000);
    expect(w).toEqual({ start: 125, end: 625 });
    // 250 ms was a quarter in, and still is.
    expect((250 - w.start) / (w.end - w.start)).toBeCloseTo(0.25);
  });
  it('stops at 50 ms and at the whole run, and never leaves the run', () => {
    let w = { start: 0, end: 1000 };
    for (let k = 0; k < 20; k++) w = zoomAround(w, 0.5, 990, 1000);
    expect(w.end - w.start).toBe(MIN_SPAN_MS);
    expect(w.end).toBeLessThanOrEqual(1000);
    expect(w.start).toBeLessThanOrEqual(990);
    for (let k = 0; k < 20; k++) w = zoomAround(w, 2, 10, 1000);
    expect(w).toEqual({ start: 0, end: 1000 });
  });
  it('reaches a window where 100 ms spans 200 px on a 1000 px strip', () => {
    let w = fitWindow(HOUR);
    while (pxPerMs({ ...w, x0: 0, x1: 1000 }) < 2) {
      const next = zoomAround(w, 0.5, HOUR / 2, HOUR);
      if (next.end - next.start === w.end - w.start) break;
      w = next;
    }
    expect(100 * pxPerMs({ ...w, x0: 0, x1: 1000 })).toBeGreaterThanOrEqual(200);
  });
});

describe('panBy', () => {
  it('moves the window and stops at either end, span unchanged', () => {
    expect(panBy({ start: 100, end: 300 }, 50, 1000)).toEqual({ start: 150, end: 350 });
    expect(panBy({ start: 100, end: 300 }, -500, 1000)).toEqual({ start: 0, end: 200 });
    expect(panBy({ start: 100, end: 300 }, 5000, 1000)).toEqual({ start: 800, end: 1000 });
  });
});

describe('followPresent', () => {
  it('leaves the window alone while the present is in it', () => {
    const w = { start: 1000, end: 2000 };
    expect(followPresent(w, 1500, 10_000)).toBe(w);
    expect(followPresent(w, 2000, 10_000)).toBe(w);
  });
  it('turns a page when playing out of the right side, the present near the left', () => {
    expect(followPresent({ start: 1000, end: 2000 }, 2010, 10_000)).toEqual({ start: 1910, end: 2910 });
  });
  it('stepping back out of the left side puts the present near the right', () => {
    expect(followPresent({ start: 1000, end: 2000 }, 500, 10_000)).toEqual({ start: 0, end: 1000 });
    expect(followPresent({ start: 5000, end: 6000 }, 4000, 10_000)).toEqual({ start: 3100, end: 4100 });
  });
  it('stays inside the run', () => {
    expect(followPresent({ start: 0, end: 1000 }, 9990, 10_000)).toEqual({ start: 9000, end: 10_000 });
  });
});

describe('brush and cluster windows', () => {
  it('a brush in either direction zooms to what it covered, at least 50 ms', () => {
    expect(windowFromBrush(400, 200, 1000)).toEqual({ start: 200, end: 400 });
    expect(windowFromBrush(500, 510, 1000)).toEqual({ start: 480, end: 530 });
  });
  it('a cluster opens with room on both sides', () => {
    expect(windowAroundSpan(1000, 2000, 10_000, 0.25)).toEqual({ start: 750, end: 2250 });
    expect(windowAroundSpan(300, 300, 10_000)).toEqual({ start: 275, end: 325 });
  });
});

describe('scales and search', () => {
  it('maps time to pixels and back', () => {
    const s = { start: 100, end: 600, x0: 10, x1: 1010 };
    expect(toPx(s, 350)).toBe(510);
    expect(toMs(s, 510)).toBe(350);
    expect(pxPerMs(s)).toBe(2);
  });
  it('binary searches a sorted array by key', () => {
    const items = [1, 3, 3, 3, 7].map((at) => ({ at }));
    expect(lowerBound(items, 3, (m) => m.at)).toBe(1);
    expect(upperBound(items, 3, (m) => m.at)).toBe(4);
    expect(lowerBound(items, 8, (m) => m.at)).toBe(5);
    expect(upperBound(items, 0, (m) => m.at)).toBe(0);
  });
});

describe('termColorIndex', () => {
  it('cycles through the six term colors', () => {
    expect([0, 1, 5, 6, 13].map(termColorIndex)).toEqual([0, 1, 5, 0, 1]);
    expect(termColorIndex(-1)).toBe(5);
  });
});

describe('cullBands', () => {
  const bands = [
    { from: 0, to: 100, leader: 1, term: 1 },
    { from: 150, to: 400, leader: 2, term: 2 },
    { from: 500, to: null, leader: 3, term: 3 },
  ];
  it('keeps the bands in the window, cut at its edges, and runs the open one up to the present', () => {
    const paint = cullBands(bands, scaleOf(200, 700, 500), 650);
    expect(paint.bands).toEqual([
      { index: 1, x0: 0, x1: 200, leader: 2, term: 2, open: false },
      { index: 2, x0: 300, x1: 450, leader: 3, term: 3, open: true },
    ]);
    expect(paint.busy).toEqual([]);
  });
  it('skips bands that ended before the window', () => {
    expect(cullBands(bands, scaleOf(420, 480), 600).bands).toEqual([]);
  });
  it('merges slivers into busy runs: an hour of short leaders costs what fits on screen', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => ({ from: i * 36, to: i * 36 + 20, leader: (i % 5) + 1, term: i + 1 }));
    const started = performance.now();
    const paint = cullBands(many, scaleOf(0, HOUR, 1000), HOUR);
    expect(performance.now() - started).toBeLessThan(200);
    expect(paint.bands.length).toBe(0);
    expect(paint.busy.length).toBe(1);
    expect(paint.busy[0].x0).toBe(0);
    // Zoomed in to one second, the 28 bands there are drawn one by one (binary search finds them).
    const zoomed = cullBands(many, scaleOf(HOUR / 2, HOUR / 2 + 1000), HOUR);
    expect(zoomed.bands.length).toBe(28);
    expect(zoomed.bands[0].index).toBe(50_000);
  });
});

describe('layoutMarks', () => {
  const at = (...times: number[]) => times.map((t) => ({ at: t }));
  it('gives marks far apart a button each, in order, at their time', () => {
    const s = scaleOf(0, 1000);
    const slots = layoutMarks(at(100, 300, 700), s, options(s));
    expect(slots.map((m) => [m.cluster, m.x, m.first])).toEqual([
      [false, 100, 0],
      [false, 300, 1],
      [false, 700, 2],
    ]);
  });
  it('merges marks closer than ~10 px into a cluster that covers their span', () => {
    const s = scaleOf(0, 10_000);
    const slots = layoutMarks(at(1000, 1040, 1060, 5000), s, options(s));
    expect(slots).toHaveLength(2);
    expect(slots[0]).toMatchObject({ cluster: true, first: 0, last: 2, count: 3, fromMs: 1000, toMs: 1060, separable: true });
    expect(slots[1]).toMatchObject({ cluster: false, first: 3 });
  });
  it('the same marks part once zoomed in', () => {
    const s = scaleOf(900, 1100);
    expect(layoutMarks(at(1000, 1040, 1060, 5000), s, options(s)).map((m) => m.cluster)).toEqual([false, false, false]);
  });
  it('fans out marks of one instant (no zoom could part them), and clusters too many of them', () => {
    const s = scaleOf(0, 1000);
    const fanned = layoutMarks(at(500, 500), s, options(s));
    expect(fanned.map((m) => m.cluster)).toEqual([false, false]);
    expect(fanned[1].x - fanned[0].x).toBe(MARK_LAYOUT.fanGapPx);
    const many = layoutMarks(at(500, 500, 500, 500, 500, 500), s, options(s));
    expect(many).toHaveLength(1);
    expect(many[0]).toMatchObject({ cluster: true, count: 6, separable: false });
  });
  it('culls to the window, including marks exactly on its edges', () => {
    const s = scaleOf(200, 400);
    expect(layoutMarks(at(100, 200, 300, 400, 500), s, options(s)).map((m) => m.first)).toEqual([1, 2, 3]);
  });
  it('buttons never overlap', () => {
    const s = scaleOf(0, 1000);
    const slots = layoutMarks(at(100, 100, 111, 124, 137, 150, 600), s, options(s));
    for (let k = 1; k < slots.length; k++) expect(slots[k].left).toBeGreaterThanOrEqual(slots[k - 1].right);
  });
  it('stays bounded for 100,000 marks, whatever the window', () => {
    const marks = Array.from({ length: 100_000 }, (_, i) => ({ at: i * 36 + (i % 7) }));
    for (const s of [scaleOf(0, HOUR, 1200), scaleOf(HOUR / 3, HOUR / 3 + 60_000, 1200), scaleOf(1000, 1050, 1200)]) {
      const started = performance.now();
      const slots = layoutMarks(marks, s, options(s));
      expect(performance.now() - started).toBeLessThan(300);
      expect(slots.length).toBeLessThanOrEqual(MARK_LAYOUT.maxSlots);
      expect(slots.reduce((n, m) => n + m.count, 0)).toBe(upperBound(marks, s.end, (m) => m.at) - lowerBound(marks, s.start, (m) => m.at));
      for (let k = 1; k < slots.length; k++) expect(slots[k].first).toBe(slots[k - 1].last + 1);
    }
  });
});

describe('labels', () => {
  it('axis decimals follow the tick step', () => {
    expect([5000, 200, 20, 5].map(secondsDecimals)).toEqual([0, 1, 2, 3]);
  });
  it('a band label needs room', () => {
    expect(labelFits(60, 'S3 · t1')).toBe(true);
    expect(labelFits(20, 'S3 · t1')).toBe(false);
  });
});
