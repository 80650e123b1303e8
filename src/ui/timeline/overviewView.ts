import { select, type Selection } from 'd3-selection';
import type { TimelineMarker } from '../../worker/timeline';
import { cullBands, termColorIndex, type BandLike, type TimeWindow } from './geometry';

type Sel<E extends Element> = Selection<E, unknown, null, undefined>;

export const OVERVIEW_HEIGHT = 18;
/** Half the range input's thumb width: the thumb's center runs from here to the width minus this. */
export const THUMB_INSET = 6;

/**
 * The overview behind the Time slider: the whole run as a mini-map of who led when, violations
 * as red ticks, the reached future lighter, and the detail strip's window as a rectangle. It is
 * drawn in milliseconds (the viewBox spans 0..horizon), so a growing run only changes the viewBox:
 * bands are redrawn when they change, never per frame.
 */
export class OverviewView {
  private readonly svg: Sel<SVGSVGElement>;
  private readonly reached: Sel<SVGRectElement>;
  private readonly bands: Sel<SVGGElement>;
  private readonly ticks: Sel<SVGGElement>;
  private readonly shade: Sel<SVGRectElement>;
  private readonly frame: Sel<SVGRectElement>;
  private horizon = 1;

  constructor(element: SVGSVGElement) {
    this.svg = select(element).attr('preserveAspectRatio', 'none');
    this.svg.selectAll('*').remove();
    this.svg.append('rect').attr('class', 'tl-ov-base').attr('x', 0).attr('y', 3).attr('height', OVERVIEW_HEIGHT - 6).attr('width', 1);
    this.reached = this.svg.append('rect').attr('class', 'tl-ov-reached').attr('x', 0).attr('y', 3).attr('height', OVERVIEW_HEIGHT - 6);
    this.bands = this.svg.append('g');
    this.ticks = this.svg.append('g');
    this.shade = this.svg.append('rect').attr('class', 'tl-future').attr('y', 3).attr('height', OVERVIEW_HEIGHT - 6);
    this.frame = this.svg.append('rect').attr('class', 'tl-ov-window').attr('y', 1).attr('height', OVERVIEW_HEIGHT - 2).attr('vector-effect', 'non-scaling-stroke');
  }

  /**
   * Redraws bands and ticks: bands narrower than a pixel of a `widthPx` strip merge (an hour of
   * leaders stays a few hundred rectangles).
   */
  paint(bands: readonly BandLike[], markers: readonly TimelineMarker[], horizonMs: number, openEndMs: number, widthPx: number): void {
    const total = Math.max(horizonMs, 1);
    const scale = { start: 0, end: total, x0: 0, x1: total };
    const perPx = total / Math.max(widthPx, 1);
    const paint = cullBands(bands, scale, openEndMs, perPx);
    this.bands.selectAll('*').remove();
    for (const b of paint.bands) {
      this.bands
        .append('rect')
        .attr('x', b.x0)
        .attr('y', 3)
        .attr('width', Math.max(b.x1 - b.x0, 0))
        .attr('height', OVERVIEW_HEIGHT - 6)
        .attr('class', b.open ? 'tl-ov-open' : null)
        .style('fill', `var(--term-${termColorIndex(b.term)})`);
    }
    for (const run of paint.busy) this.bands.append('rect').attr('class', 'tl-busy').attr('x', run.x0).attr('y', 3).attr('width', run.x1 - run.x0).attr('height', OVERVIEW_HEIGHT - 6);
    this.ticks.selectAll('*').remove();
    let lastX = -Infinity;
    for (const m of markers) {
      if (m.kind !== 'violation' || m.at - lastX < perPx * 2) continue;
      lastX = m.at;
      this.ticks.append('line').attr('class', 'tl-ov-violation').attr('x1', m.at).attr('x2', m.at).attr('y1', 0).attr('y2', OVERVIEW_HEIGHT).attr('vector-effect', 'non-scaling-stroke');
    }
    this.horizon = NaN;
  }

  /** Per frame: the run's length, the present, the reached future and the window (null: Show all). */
  present(horizonMs: number, timeMs: number, reachedMs: number, window: TimeWindow | null): void {
    const total = Math.max(horizonMs, 1);
    if (total !== this.horizon) {
      this.horizon = total;
      this.svg.attr('viewBox', `0 0 ${total} ${OVERVIEW_HEIGHT}`);
      this.svg.select('.tl-ov-base').attr('width', total);
    }
    const reachedEnd = Math.max(reachedMs, timeMs);
    this.reached.attr('width', Math.min(reachedEnd, total));
    this.bands.select('.tl-ov-open').attr('width', function () {
      return Math.max(0, reachedEnd - Number((this as SVGRectElement).getAttribute('x')));
    });
    this.shade.attr('x', timeMs).attr('width', Math.max(0, reachedEnd - timeMs));
    if (window) this.frame.style('display', null).attr('x', window.start).attr('width', window.end - window.start);
    else this.frame.style('display', 'none');
  }
}
