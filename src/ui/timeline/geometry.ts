/**
 * View math of the painted timeline, tldraw style: data in, data out. Nothing here reaches the
 * store, React or the DOM, so every rule (zoom limits, following the present, which markers merge)
 * is tested on its own in geometry.test.ts.
 */

/** A stretch of virtual time, in ms. */
export interface TimeWindow {
  start: number;
  end: number;
}

/** The narrowest window: 50 ms, so a 100 ms election can fill the strip. */
export const MIN_SPAN_MS = 50;
/** One press of Zoom in / Zoom out (or one `+` / `-`) halves or doubles the window. */
export const ZOOM_STEP = 2;

/** The whole run as a window (never empty, so scales stay defined at time 0). */
export function fitWindow(horizonMs: number): TimeWindow {
  return { start: 0, end: Math.max(horizonMs, 1) };
}

/** The window moved and sized into the run: span between the narrowest and the whole run, inside [0, horizon]. */
export function clampWindow(w: TimeWindow, horizonMs: number): TimeWindow {
  const total = Math.max(horizonMs, 1);
  const minSpan = Math.min(MIN_SPAN_MS, total);
  const span = Math.min(Math.max(w.end - w.start, minSpan), total);
  const start = Math.min(Math.max(w.start, 0), total - span);
  return { start, end: start + span };
}

/** Whether the window shows the whole run (Show all). */
export function coversAll(w: TimeWindow, horizonMs: number): boolean {
  return w.start <= 0 && w.end >= Math.max(horizonMs, 1);
}

/**
 * Zooms by `factor` (< 1 zooms in) keeping the instant `atMs` where it is on screen, as a map
 * zooms around the pointer. Clamped: the span stays within [50 ms, horizon] and the window inside the run.
 */
export function zoomAround(w: TimeWindow, factor: number, atMs: number, horizonMs: number): TimeWindow {
  const total = Math.max(horizonMs, 1);
  const span = w.end - w.start;
  const nextSpan = Math.min(Math.max(span * factor, Math.min(MIN_SPAN_MS, total)), total);
  const ratio = span > 0 ? Math.min(Math.max((atMs - w.start) / span, 0), 1) : 0.5;
  const start = atMs - ratio * nextSpan;
  return clampWindow({ start, end: start + nextSpan }, horizonMs);
}

/** Moves the window by `deltaMs`, stopping at either end of the run (the span never changes). */
export function panBy(w: TimeWindow, deltaMs: number, horizonMs: number): TimeWindow {
  return clampWindow({ start: w.start + deltaMs, end: w.end + deltaMs }, horizonMs);
}

/**
 * Keeps the present in view: when `timeMs` has left the window, the window turns a page so the
 * present stands `lead` of the span in from the side it came from (playing forward: near the left,
 * with room to play into; stepping back: near the right). Inside the window nothing moves, so the
 * painted bands stay put while the now line walks across them.
 */
export function followPresent(w: TimeWindow, timeMs: number, horizonMs: number, lead = 0.1): TimeWindow {
  if (timeMs >= w.start && timeMs <= w.end) return w;
  const span = w.end - w.start;
  const start = timeMs > w.end ? timeMs - lead * span : timeMs - (1 - lead) * span;
  return clampWindow({ start, end: start + span }, horizonMs);
}

/** The window a brush selected (either direction), widened to the narrowest window around its middle when shorter. */
export function windowFromBrush(aMs: number, bMs: number, horizonMs: number): TimeWindow {
  return windowAroundSpan(Math.min(aMs, bMs), Math.max(aMs, bMs), horizonMs, 0);
}

/** A window that shows [fromMs, toMs] with `pad` of its span free on each side (a cluster zooms in there). */
export function windowAroundSpan(fromMs: number, toMs: number, horizonMs: number, pad = 0.2): TimeWindow {
  const span = Math.max((toMs - fromMs) * (1 + 2 * pad), MIN_SPAN_MS);
  const mid = (fromMs + toMs) / 2;
  return clampWindow({ start: mid - span / 2, end: mid + span / 2 }, horizonMs);
}

/** Time to pixels and back: the window [start, end] spread over [x0, x1]. */
export interface TimeScale {
  start: number;
  end: number;
  x0: number;
  x1: number;
}

export function toPx(s: TimeScale, ms: number): number {
  const span = s.end - s.start;
  return span > 0 ? s.x0 + ((ms - s.start) * (s.x1 - s.x0)) / span : s.x0;
}

export function toMs(s: TimeScale, px: number): number {
  const width = s.x1 - s.x0;
  return width > 0 ? s.start + ((px - s.x0) * (s.end - s.start)) / width : s.start;
}

export function pxPerMs(s: TimeScale): number {
  const span = s.end - s.start;
  return span > 0 ? (s.x1 - s.x0) / span : 0;
}

/** The first index whose `key` is ≥ `value` in an array sorted by key (items.length when none). */
export function lowerBound<T>(items: readonly T[], value: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(items[mid]) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index whose `key` is > `value` (items.length when none). */
export function upperBound<T>(items: readonly T[], value: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(items[mid]) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Which of the six `--term-N` colors a term or epoch gets. */
export function termColorIndex(term: number): number {
  return ((Math.trunc(term) % 6) + 6) % 6;
}

/** Who led when: the fields of a worker band the painting needs (`to` null: still leading). */
export interface BandLike {
  from: number;
  to: number | null;
  leader: number;
  term: number;
}

/** A band as painted: pixels, and `open` when it still lasts (its right edge follows the present). */
export interface BandSegment {
  index: number;
  x0: number;
  x1: number;
  leader: number;
  term: number;
  open: boolean;
}

/** Painted bands: each wide enough to see, plus `busy` runs where many leaders came and went within a pixel or so. */
export interface BandPaint {
  bands: BandSegment[];
  busy: { x0: number; x1: number }[];
}

/**
 * Bands that show in the window, in pixels (binary search to the first, so an hour of leaders
 * costs only what is on screen). An open band ends at `openEndMs`. Bands narrower than `minPx`
 * join into busy runs instead of hundreds of slivers.
 */
export function cullBands(bands: readonly BandLike[], s: TimeScale, openEndMs: number, minPx = 1): BandPaint {
  const out: BandPaint = { bands: [], busy: [] };
  let i = Math.max(0, lowerBound(bands, s.start, (b) => b.from) - 1);
  let busy: { x0: number; x1: number } | null = null;
  for (; i < bands.length && bands[i].from <= s.end; i++) {
    const b = bands[i];
    const to = b.to ?? Math.max(openEndMs, b.from);
    if (to < s.start) continue;
    const x0 = Math.max(toPx(s, b.from), s.x0);
    const x1 = Math.min(toPx(s, to), s.x1);
    if (x1 - x0 < minPx && b.to !== null) {
      if (busy && x0 - busy.x1 < minPx) busy.x1 = Math.max(busy.x1, x1);
      else {
        busy = { x0, x1 };
        out.busy.push(busy);
      }
      continue;
    }
    busy = null;
    out.bands.push({ index: i, x0, x1, leader: b.leader, term: b.term, open: b.to === null });
  }
  for (const run of out.busy) run.x1 = Math.max(run.x1, run.x0 + minPx);
  return out;
}

export interface MarkLayoutOptions {
  /** Marks closer than this (px) merge into one cluster. */
  minGapPx: number;
  /** Marks at the same instant (that no zoom can part) are fanned out this far apart, up to `fanMax` of them. */
  fanGapPx: number;
  fanMax: number;
  /** A cluster stops growing at this width, so a dense stretch shows as several clusters, not one. */
  maxClusterPx: number;
  /** Never more slots than this: the layout retries with a wider gap until it fits. */
  maxSlots: number;
  /** The narrowest window's pixels per ms: marks that would still be closer than the gap there are "the same instant". */
  maxPxPerMs: number;
}

export const MARK_LAYOUT: Omit<MarkLayoutOptions, 'maxPxPerMs'> = { minGapPx: 10, fanGapPx: 13, fanMax: 4, maxClusterPx: 48, maxSlots: 100 };

/** One button of the marker lane: a single mark, or a cluster of `count` marks. */
export interface MarkSlot {
  cluster: boolean;
  /** Index range [first, last] in the sorted source array. */
  first: number;
  last: number;
  count: number;
  /** Where the glyph is drawn (px), and the button's extent: slots never overlap. */
  x: number;
  left: number;
  right: number;
  /** The time span the slot covers (equal for a single mark). */
  fromMs: number;
  toMs: number;
  /** Cluster: zooming in can part its marks (else they share one instant and are too many to fan out). */
  separable: boolean;
}

/**
 * Lays out the marks (sorted by `at`) that fall in the window: marks closer than the gap merge
 * into clusters, marks of one instant fan out side by side, and the slot count stays bounded
 * whatever the run length (only the window's marks are visited: binary search, then one pass).
 */
export function layoutMarks(items: readonly { at: number }[], s: TimeScale, options: MarkLayoutOptions): MarkSlot[] {
  const lo = lowerBound(items, s.start, (m) => m.at);
  const hi = upperBound(items, s.end, (m) => m.at);
  let gap = options.minGapPx;
  for (;;) {
    const slots = layoutRange(items, lo, hi, s, { ...options, minGapPx: gap, fanGapPx: Math.max(options.fanGapPx, gap) });
    if (slots.length <= options.maxSlots) return slots;
    gap *= 2;
  }
}

interface Atom {
  first: number;
  last: number;
  x: number;
  halfWidth: number;
}

function layoutRange(items: readonly { at: number }[], lo: number, hi: number, s: TimeScale, o: MarkLayoutOptions): MarkSlot[] {
  const sameInstantMs = o.maxPxPerMs > 0 ? o.minGapPx / o.maxPxPerMs : 0;
  const slots: MarkSlot[] = [];
  let group: Atom[] = [];
  let groupLeft = 0;
  let groupRight = 0;
  const flush = () => {
    if (group.length > 0) emitGroup(items, group, o, slots);
    group = [];
  };
  for (let i = lo; i < hi; ) {
    let j = i;
    while (j + 1 < hi && items[j + 1].at - items[i].at <= sameInstantMs) j++;
    const n = j - i + 1;
    const atom: Atom = { first: i, last: j, x: toPx(s, (items[i].at + items[j].at) / 2), halfWidth: n <= o.fanMax ? ((n - 1) * o.fanGapPx) / 2 : 0 };
    const left = atom.x - atom.halfWidth;
    const right = atom.x + atom.halfWidth;
    if (group.length > 0 && left - groupRight < o.minGapPx && right - groupLeft <= o.maxClusterPx) {
      group.push(atom);
      groupRight = Math.max(groupRight, right);
    } else {
      flush();
      group = [atom];
      groupLeft = left;
      groupRight = right;
    }
    i = j + 1;
  }
  flush();
  separate(slots, o.minGapPx / 2);
  return slots;
}

function emitGroup(items: readonly { at: number }[], group: Atom[], o: MarkLayoutOptions, out: MarkSlot[]): void {
  const half = o.minGapPx / 2 + 1;
  const only = group.length === 1 ? group[0] : null;
  if (only && only.last - only.first + 1 <= o.fanMax) {
    const n = only.last - only.first + 1;
    for (let k = 0; k < n; k++) {
      const x = only.x + (k - (n - 1) / 2) * o.fanGapPx;
      const at = items[only.first + k].at;
      out.push({ cluster: false, first: only.first + k, last: only.first + k, count: 1, x, left: x - half, right: x + half, fromMs: at, toMs: at, separable: false });
    }
    return;
  }
  const first = group[0].first;
  const last = group[group.length - 1].last;
  const left = group[0].x - group[0].halfWidth;
  const right = group[group.length - 1].x + group[group.length - 1].halfWidth;
  out.push({
    cluster: true,
    first,
    last,
    count: last - first + 1,
    x: (left + right) / 2,
    left: left - half,
    right: right + half,
    fromMs: items[first].at,
    toMs: items[last].at,
    separable: group.length > 1,
  });
}

/** Neighboring buttons that would overlap share the space between their glyphs instead (each keeps at least `minHalf` on its side). */
function separate(slots: MarkSlot[], minHalf: number): void {
  for (let k = 1; k < slots.length; k++) {
    const a = slots[k - 1];
    const b = slots[k];
    if (a.right <= b.left) continue;
    const keep = Math.min(minHalf, (b.x - a.x) / 2);
    const border = Math.min(Math.max((a.right + b.left) / 2, a.x + keep), b.x - keep);
    a.right = border;
    b.left = border;
  }
}

/** Decimals for axis labels in seconds, so neighbouring ticks `stepMs` apart read differently. */
export function secondsDecimals(stepMs: number): number {
  if (stepMs >= 1000) return 0;
  if (stepMs >= 100) return 1;
  if (stepMs >= 10) return 2;
  return 3;
}

/** Whether a band is wide enough for its label ("S3 · t1") at about `charPx` per character. */
export function labelFits(widthPx: number, label: string, charPx = 6.5, paddingPx = 8): boolean {
  return widthPx >= label.length * charPx + paddingPx;
}
