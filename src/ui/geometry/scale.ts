import { ticks as niceTicks } from 'd3-array';

/** A linear map from a domain (virtual ms or s) to pixels, with its inverse and round tick values. */
export interface LinearScale {
  (value: number): number;
  invert(px: number): number;
  /** About `count` round values inside the domain (d3's 1-2-5 steps). */
  ticks(count: number): number[];
}

/**
 * The one kind of scale the page's own views draw with (time to pixels). A few lines instead of
 * d3-scale, whose formatting and color interpolation the views never use, so the first paint
 * loads less code; the ticks are d3-array's.
 */
export function linearScale([d0, d1]: readonly [number, number], [r0, r1]: readonly [number, number]): LinearScale {
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  const scale = ((value: number) => r0 + (value - d0) * k) as LinearScale;
  scale.invert = (px: number) => (k === 0 ? d0 : d0 + (px - r0) / k);
  scale.ticks = (count: number) => niceTicks(Math.min(d0, d1), Math.max(d0, d1), count);
  return scale;
}
