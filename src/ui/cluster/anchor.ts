import type { Point } from '../geometry/layout';

/** A client (page) point as px from the top-left corner of `container`. */
export function anchorIn(container: HTMLElement | null, point: Point): Point {
  const rect = container?.getBoundingClientRect();
  return rect ? { x: point.x - rect.left, y: point.y - rect.top } : point;
}
