import type { Selection } from 'd3-selection';
import type { TimelineMarkerKind } from '../../worker/timeline';

/** A mark's look: the worker's marker kinds, plus a library scenario's "what to watch" moments. */
export type GlyphKind = TimelineMarkerKind | 'moment';

/** Where the lanes of the detail strip are (px from its top); the marker buttons sit over the two mark lanes. */
export const LANES = {
  moments: { top: 0, height: 14 },
  events: { top: 14, height: 18 },
  bands: { top: 32, height: 16 },
  axisTop: 48,
  height: 62,
} as const;

type G<D> = Selection<SVGGElement, D, null, undefined>;

/**
 * Draws one mark centered on (x, y) into `g`: a shape AND a color per kind, so they read apart
 * without color (won ▲ filled, lost ▽ hollow, crash ✕, restart ↻, pause ‖, resume ▶, partition and
 * cut dashed bars, heal a solid bar, violation a red ! diamond, other actions a dot, a moment a flag).
 * Bars run from the mark lane down through the bands, where the network changed.
 */
export function drawGlyph<D>(g: G<D>, kind: GlyphKind, x: number, y: number): void {
  const barTop = LANES.events.top + 2;
  const barBottom = LANES.bands.top + LANES.bands.height;
  switch (kind) {
    case 'won':
      g.append('path').attr('class', 'g-won').attr('d', `M${x - 5.5},${y + 4.5}L${x},${y - 5.5}L${x + 5.5},${y + 4.5}Z`);
      return;
    case 'lost':
      g.append('path').attr('class', 'g-lost').attr('d', `M${x - 5},${y - 4}L${x + 5},${y - 4}L${x},${y + 5}Z`);
      return;
    case 'crash':
      g.append('path').attr('class', 'g-crash').attr('d', `M${x - 4},${y - 4}L${x + 4},${y + 4}M${x + 4},${y - 4}L${x - 4},${y + 4}`);
      return;
    case 'restart': {
      // ↻: most of a circle, and an arrowhead where it ends.
      const r = 4.5;
      const a0 = -Math.PI * 0.35;
      const a1 = Math.PI * 1.25;
      const p = (a: number) => `${x + r * Math.cos(a)},${y + r * Math.sin(a)}`;
      g.append('path').attr('class', 'g-restart').attr('d', `M${p(a0)}A${r},${r} 0 1 1 ${p(a1)}`);
      const [ex, ey] = [x + r * Math.cos(a0), y + r * Math.sin(a0)];
      g.append('path').attr('class', 'g-restart-head').attr('d', `M${ex - 3.5},${ey - 2}L${ex + 1},${ey - 0.5}L${ex - 0.5},${ey + 3.5}Z`);
      return;
    }
    case 'pause':
      g.append('path').attr('class', 'g-pause').attr('d', `M${x - 4},${y - 5}h3v10h-3ZM${x + 1},${y - 5}h3v10h-3Z`);
      return;
    case 'resume':
      g.append('path').attr('class', 'g-resume').attr('d', `M${x - 4},${y - 5}L${x + 5},${y}L${x - 4},${y + 5}Z`);
      return;
    case 'partition':
      g.append('line').attr('class', 'g-partition').attr('x1', x).attr('x2', x).attr('y1', barTop).attr('y2', barBottom);
      return;
    case 'cut':
      g.append('line').attr('class', 'g-partition').attr('x1', x).attr('x2', x).attr('y1', barTop + 5).attr('y2', barBottom);
      // One way: an arrowhead on top.
      g.append('path').attr('class', 'g-cut-head').attr('d', `M${x - 4},${barTop + 5}L${x + 4},${barTop + 5}L${x},${barTop - 1}Z`);
      return;
    case 'heal':
      g.append('line').attr('class', 'g-heal').attr('x1', x).attr('x2', x).attr('y1', barTop).attr('y2', barBottom);
      return;
    case 'violation':
      g.append('path').attr('class', 'g-violation').attr('d', `M${x},${y - 7}L${x + 7},${y}L${x},${y + 7}L${x - 7},${y}Z`);
      g.append('text').attr('class', 'g-violation-mark').attr('x', x).attr('y', y + 0.5).text('!');
      return;
    case 'action':
      g.append('circle').attr('class', 'g-action').attr('cx', x).attr('cy', y).attr('r', 3);
      return;
    case 'moment':
      g.append('line').attr('class', 'g-moment-guide').attr('x1', x).attr('x2', x).attr('y1', y + 5).attr('y2', barBottom);
      g.append('path').attr('class', 'g-moment').attr('d', `M${x},${y + 5}V${y - 5.5}L${x + 7},${y - 3}L${x},${y - 0.5}`);
      return;
  }
}

/** The user's own action: a ring around the mark. */
export function drawUserRing<D>(g: G<D>, x: number, y: number): void {
  g.append('circle').attr('class', 'g-user').attr('cx', x).attr('cy', y).attr('r', 8);
}

/** Marks too close to tell apart: a pill over their span with how many there are. */
export function drawCluster<D>(g: G<D>, left: number, right: number, y: number, count: number): void {
  const x0 = left + 1.5;
  const width = Math.max(right - left - 3, 8);
  g.append('rect').attr('class', 'g-cluster').attr('x', x0).attr('y', y - 6).attr('width', width).attr('height', 12).attr('rx', 6);
  const label = count > 99 ? '99+' : String(count);
  if (width >= label.length * 6 + 2) g.append('text').attr('class', 'g-cluster-count').attr('x', x0 + width / 2).attr('y', y + 0.5).text(label);
}
