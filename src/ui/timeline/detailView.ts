import { select, type Selection } from 'd3-selection';
import { linearScale } from '../geometry/scale';
import type { TimelineMarker } from '../../worker/timeline';
import { labelFits, secondsDecimals, termColorIndex, toPx, type BandPaint, type MarkSlot, type TimeScale } from './geometry';
import { drawCluster, drawGlyph, drawUserRing, LANES } from './glyphs';

export interface DetailScene {
  scale: TimeScale;
  width: number;
  /** Gossip has no leaders: its band lane stays neutral. */
  hasLeaders: boolean;
  bands: BandPaint;
  bandLabel: (leader: number, term: number) => string;
  bandTitle: (leader: number, term: number) => string;
  markers: readonly TimelineMarker[];
  markerSlots: readonly MarkSlot[];
  momentSlots: readonly MarkSlot[];
  help: string;
}

type Sel<E extends Element> = Selection<E, unknown, null, undefined>;

function shown<E extends Element>(sel: Sel<E>, visible: boolean): Sel<E> {
  return visible ? sel.style('display', null) : sel.style('display', 'none');
}

const MARK_Y = LANES.events.top + LANES.events.height / 2;
const MOMENT_Y = LANES.moments.top + LANES.moments.height / 2;
const BAND_TOP = LANES.bands.top;
const BAND_H = LANES.bands.height;

/**
 * The detail strip, owned by D3: who led when (bands colored by term, hatched where nobody led),
 * the marks above them, a seconds axis, the present as a line and the reached future shaded
 * lighter. `paint` redraws it all (on new data, a new window, size or language); `present` moves
 * only the now line and what depends on it (on every frame).
 */
export class DetailView {
  private readonly svg: Sel<SVGSVGElement>;
  private readonly title: Sel<SVGTitleElement>;
  private readonly reached: Sel<SVGRectElement>;
  private readonly unreached: Sel<SVGRectElement>;
  private readonly bands: Sel<SVGGElement>;
  private readonly bandLabels: Sel<SVGGElement>;
  private readonly shade: Sel<SVGRectElement>;
  private readonly marks: Sel<SVGGElement>;
  private readonly axis: Sel<SVGGElement>;
  private readonly now: Sel<SVGGElement>;
  private readonly brushRect: Sel<SVGRectElement>;
  private scene: DetailScene | null = null;
  private openBand: { rect: Sel<SVGRectElement>; label: Sel<SVGTextElement>; x0: number; text: string } | null = null;
  private last = { time: NaN, reached: NaN };

  constructor(
    element: SVGSVGElement,
    private readonly hatchId: string,
  ) {
    this.svg = select(element);
    this.svg.selectAll('*').remove();
    this.title = this.svg.append<SVGTitleElement>('title');
    const hatch = this.svg.append('defs').append('pattern').attr('id', hatchId).attr('width', 6).attr('height', 6).attr('patternUnits', 'userSpaceOnUse').attr('patternTransform', 'rotate(45)');
    hatch.append('rect').attr('class', 'tl-hatch-bg').attr('width', 6).attr('height', 6);
    hatch.append('line').attr('class', 'tl-hatch-line').attr('x1', 0).attr('x2', 0).attr('y1', 0).attr('y2', 6);
    this.svg.append('line').attr('class', 'tl-lane-line').attr('y1', MARK_Y).attr('y2', MARK_Y);
    this.unreached = this.svg.append('rect').attr('class', 'tl-unreached').attr('y', BAND_TOP).attr('height', BAND_H);
    this.reached = this.svg.append('rect').attr('class', 'tl-reached').attr('y', BAND_TOP).attr('height', BAND_H);
    this.bands = this.svg.append('g').attr('class', 'tl-bands');
    this.shade = this.svg.append('rect').attr('class', 'tl-future').attr('y', BAND_TOP).attr('height', BAND_H);
    // The now line runs under the marks, so a mark at the present stays visible on it.
    this.now = this.svg.append('g').attr('class', 'tl-now');
    this.now.append('line').attr('y1', LANES.events.top).attr('y2', LANES.axisTop + 2);
    this.now.append('path').attr('d', `M-4.5,${LANES.events.top}L4.5,${LANES.events.top}L0,${LANES.events.top + 5}Z`);
    // Band labels over the now line (a halo in the band's color keeps them readable where it crosses).
    this.bandLabels = this.svg.append('g').attr('class', 'tl-band-labels');
    this.marks = this.svg.append('g').attr('class', 'tl-marks-g');
    this.axis = this.svg.append('g').attr('class', 'tl-axis').attr('transform', `translate(0,${LANES.axisTop})`);
    this.brushRect = this.svg.append('rect').attr('class', 'tl-brush').attr('y', 0).attr('height', LANES.axisTop).style('display', 'none');
  }

  paint(scene: DetailScene): void {
    this.scene = scene;
    const { scale, width } = scene;
    this.svg.attr('width', width).attr('height', LANES.height).attr('viewBox', `0 0 ${width} ${LANES.height}`);
    this.title.text(scene.help);
    this.svg.select('.tl-lane-line').attr('x1', scale.x0).attr('x2', scale.x1);
    this.unreached.attr('x', scale.x0).attr('width', Math.max(0, scale.x1 - scale.x0));
    // Nobody leads in the gaps between bands: hatched. Gossip has no leaders at all: a plain strip.
    this.reached.style('fill', () => (scene.hasLeaders ? `url(#${this.hatchId})` : null));
    this.paintBands(scene);
    this.paintMarks(scene);
    this.paintAxis(scale);
    this.last = { time: NaN, reached: NaN };
  }

  /** The present and the furthest point reached moved: the now line, the shading and the open band follow. */
  present(timeMs: number, reachedMs: number): void {
    const scene = this.scene;
    if (!scene || (timeMs === this.last.time && reachedMs === this.last.reached)) return;
    this.last = { time: timeMs, reached: reachedMs };
    const s = scene.scale;
    const clip = (x: number) => Math.min(Math.max(x, s.x0), s.x1);
    const reachedEnd = Math.max(reachedMs, timeMs);
    const xNow = toPx(s, timeMs);
    const xReached = clip(toPx(s, reachedEnd));
    this.reached.attr('x', s.x0).attr('width', Math.max(0, xReached - s.x0));
    const shadeFrom = clip(xNow);
    this.shade.attr('x', shadeFrom).attr('width', Math.max(0, xReached - shadeFrom));
    shown(this.now, xNow >= s.x0 - 0.5 && xNow <= s.x1 + 0.5).attr('transform', `translate(${xNow},0)`);
    if (this.openBand) {
      const width = Math.max(0, xReached - this.openBand.x0);
      this.openBand.rect.attr('width', width);
      shown(this.openBand.label, labelFits(width, this.openBand.text));
    }
    this.marks.selectAll<SVGGElement, MarkSlot>('g.tl-mark').classed('tl-ahead', (d) => d.fromMs > timeMs);
  }

  /** The stretch being brushed (px), or null when none. */
  brush(range: [number, number] | null): void {
    shown(this.brushRect, range !== null);
    if (!range) return;
    const [a, b] = range;
    this.brushRect.attr('x', Math.min(a, b)).attr('width', Math.abs(b - a));
  }

  private paintBands(scene: DetailScene): void {
    this.bands.selectAll('*').remove();
    this.bandLabels.selectAll('*').remove();
    this.openBand = null;
    for (const b of scene.bands.bands) {
      const g = this.bands.append('g').attr('class', 'tl-band');
      const rect = g
        .append('rect')
        .attr('x', b.x0)
        .attr('y', BAND_TOP)
        .attr('width', Math.max(0, b.x1 - b.x0))
        .attr('height', BAND_H)
        .style('fill', `var(--term-${termColorIndex(b.term)})`);
      g.append('title').text(scene.bandTitle(b.leader, b.term));
      const text = scene.bandLabel(b.leader, b.term);
      const label = this.bandLabels
        .append('text')
        .attr('x', b.x0 + 4)
        .attr('y', BAND_TOP + BAND_H / 2 + 0.5)
        .style('stroke', `var(--term-${termColorIndex(b.term)})`)
        .text(text);
      shown(label, labelFits(b.x1 - b.x0, text));
      if (b.open) this.openBand = { rect, label, x0: b.x0, text };
    }
    for (const run of scene.bands.busy) {
      this.bands.append('rect').attr('class', 'tl-busy').attr('x', run.x0).attr('y', BAND_TOP).attr('width', run.x1 - run.x0).attr('height', BAND_H);
    }
  }

  private paintMarks(scene: DetailScene): void {
    this.marks.selectAll('*').remove();
    const put = (slot: MarkSlot, y: number, lane: 'events' | 'moments') => {
      const g = this.marks.append('g').attr('class', `tl-mark tl-mark-${lane}`).datum(slot);
      if (slot.cluster) {
        drawCluster(g, slot.left, slot.right, y, slot.count);
        return;
      }
      if (lane === 'moments') {
        drawGlyph(g, 'moment', slot.x, y);
        return;
      }
      const m = scene.markers[slot.first];
      if (m.user) drawUserRing(g, slot.x, y);
      drawGlyph(g, m.kind, slot.x, y);
    };
    for (const slot of scene.momentSlots) put(slot, MOMENT_Y, 'moments');
    for (const slot of scene.markerSlots) put(slot, MARK_Y, 'events');
  }

  private paintAxis(s: TimeScale): void {
    const seconds = linearScale([s.start / 1000, s.end / 1000], [s.x0, s.x1]);
    const count = Math.max(2, Math.floor((s.x1 - s.x0) / 90));
    const ticks = seconds.ticks(count);
    const stepMs = ticks.length > 1 ? (ticks[1] - ticks[0]) * 1000 : s.end - s.start;
    const decimals = secondsDecimals(stepMs);
    // A tick line and its label under it; labels at the very ends would be cut in half by the
    // strip's edge, so they lean inwards instead.
    this.axis
      .selectAll<SVGGElement, number>('g.tick')
      .data(ticks)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'tick');
        g.append('line').attr('y2', 3).attr('stroke', 'currentColor');
        g.append('text').attr('y', 14).attr('fill', 'currentColor');
        return g;
      })
      .attr('transform', (d) => `translate(${seconds(d)},0)`)
      .each(function (d) {
        const x = seconds(d);
        const anchor = x - s.x0 < 22 ? 'start' : s.x1 - x < 22 ? 'end' : 'middle';
        select(this)
          .select('text')
          .attr('text-anchor', anchor)
          .attr('dx', anchor === 'start' ? -3 : anchor === 'end' ? 3 : 0)
          .text(`${d.toFixed(decimals)} s`);
      });
  }
}
