import { pointer, type Selection } from 'd3-selection';
import type { Point } from '../geometry/layout';

/**
 * Drawing a partition line: while the surface is active, a pointer dragged across the drawing
 * leaves a dashed line, and releasing it reports the line's two ends (in drawing units).
 */
export class LineDrawing {
  private start: Point | null = null;

  constructor(
    private readonly svg: SVGSVGElement,
    surface: Selection<SVGRectElement, unknown, null, undefined>,
    private readonly line: Selection<SVGLineElement, unknown, null, undefined>,
    onLine: (a: Point, b: Point) => void,
  ) {
    surface
      .on('pointerdown', (event: PointerEvent) => {
        const [x, y] = pointer(event, this.svg);
        this.start = { x, y };
        this.line.attr('x1', x).attr('y1', y).attr('x2', x).attr('y2', y).attr('visibility', 'visible');
        (event.target as Element).setPointerCapture?.(event.pointerId);
      })
      .on('pointermove', (event: PointerEvent) => {
        if (!this.start) return;
        const [x, y] = pointer(event, this.svg);
        this.line.attr('x2', x).attr('y2', y);
      })
      .on('pointerup', (event: PointerEvent) => {
        const start = this.start;
        this.cancel();
        if (!start) return;
        const [x, y] = pointer(event, this.svg);
        onLine(start, { x, y });
      });
  }

  cancel(): void {
    this.start = null;
    this.line.attr('visibility', 'hidden');
  }
}
