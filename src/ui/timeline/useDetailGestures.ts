import { useEffect, type RefObject } from 'react';
import { panBy, toMs, zoomAround, type TimeScale, type TimeWindow } from './geometry';

/** A press that moves less than this (px) is a click, not a brush. */
const CLICK_SLOP_PX = 4;
/** Wheel sensitivity: 100 px of wheel (one notch) zooms by about 1.5×. */
const WHEEL_ZOOM_PER_PX = 0.004;

export interface GestureTarget {
  /** The window and scale now (read when a gesture happens: refs, not render-time values). */
  current: () => { window: TimeWindow; scale: TimeScale; horizon: number };
  setWindow: (w: TimeWindow) => void;
  seek: (ms: number) => void;
  brush: (range: [number, number] | null) => void;
  /** A brush released over this stretch (ms). */
  brushed: (fromMs: number, toMs: number) => void;
}

/**
 * Mouse and touch on the detail strip: the wheel zooms around the pointer (Shift+wheel, or a
 * sideways wheel, pans), a press-and-drag brushes a stretch to zoom into, a plain click seeks.
 * The wheel listener is not passive: the page must not scroll while the strip zooms.
 */
export function useDetailGestures(area: RefObject<HTMLElement | null>, surface: RefObject<SVGSVGElement | null>, target: RefObject<GestureTarget | null>): void {
  useEffect(() => {
    const box = area.current;
    const svg = surface.current;
    if (!box || !svg) return;
    const localX = (e: MouseEvent) => e.clientX - svg.getBoundingClientRect().left;

    const onWheel = (e: WheelEvent) => {
      const g = target.current;
      if (!g) return;
      const { window, scale, horizon } = g.current();
      const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? scale.x1 - scale.x0 : 1;
      const dx = e.deltaX * unit;
      const dy = e.deltaY * unit;
      if (dx === 0 && dy === 0) return;
      e.preventDefault();
      const msPerPx = (window.end - window.start) / Math.max(scale.x1 - scale.x0, 1);
      if (e.shiftKey || Math.abs(dx) > Math.abs(dy)) {
        g.setWindow(panBy(window, (Math.abs(dx) > Math.abs(dy) ? dx : dy) * msPerPx, horizon));
      } else {
        g.setWindow(zoomAround(window, Math.exp(dy * WHEEL_ZOOM_PER_PX), toMs(scale, localX(e)), horizon));
      }
    };

    let press: { id: number; x: number; brushing: boolean } | null = null;
    const clampX = (x: number) => {
      const scale = target.current?.current().scale;
      if (!scale) return x;
      return Math.min(Math.max(x, scale.x0), scale.x1);
    };
    const onDown = (e: PointerEvent) => {
      if (e.button !== 0 || press) return;
      press = { id: e.pointerId, x: clampX(localX(e)), brushing: false };
      svg.setPointerCapture(e.pointerId);
      e.preventDefault();
    };
    const onMove = (e: PointerEvent) => {
      if (!press || e.pointerId !== press.id) return;
      const x = clampX(localX(e));
      if (!press.brushing && Math.abs(x - press.x) < CLICK_SLOP_PX) return;
      press.brushing = true;
      target.current?.brush([press.x, x]);
    };
    const onUp = (e: PointerEvent) => {
      const g = target.current;
      if (!press || e.pointerId !== press.id || !g) return;
      const { scale, horizon } = g.current();
      const x = clampX(localX(e));
      const started = press;
      press = null;
      g.brush(null);
      if (started.brushing && Math.abs(x - started.x) >= CLICK_SLOP_PX) g.brushed(toMs(scale, started.x), toMs(scale, x));
      else g.seek(Math.round(Math.min(Math.max(toMs(scale, x), 0), horizon)));
    };
    const onCancel = () => {
      press = null;
      target.current?.brush(null);
    };

    box.addEventListener('wheel', onWheel, { passive: false });
    svg.addEventListener('pointerdown', onDown);
    svg.addEventListener('pointermove', onMove);
    svg.addEventListener('pointerup', onUp);
    svg.addEventListener('pointercancel', onCancel);
    return () => {
      box.removeEventListener('wheel', onWheel);
      svg.removeEventListener('pointerdown', onDown);
      svg.removeEventListener('pointermove', onMove);
      svg.removeEventListener('pointerup', onUp);
      svg.removeEventListener('pointercancel', onCancel);
    };
  }, [area, surface, target]);
}
