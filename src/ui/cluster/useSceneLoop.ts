import { useEffect } from 'react';
import { displayTime } from '../geometry/messages';
import { useUi } from '../store';

type UiSnapshot = ReturnType<typeof useUi.getState>;

/**
 * Calls `draw` whenever the store changes (a frame from the worker, a selection, the speed…),
 * with the virtual time to draw at. With `everyAnimationFrame`, it also draws on every animation
 * frame while the simulation runs, the time interpolated since the last frame — for views that
 * animate by script (the canvas views); views whose motion the compositor plays between frames
 * (the SVG cluster) leave it off, and the page then does nothing between the worker's frames.
 * D3 and canvas views draw here, outside React renders.
 */
export function useSceneLoop(draw: (state: UiSnapshot, time: number) => void, active: boolean, everyAnimationFrame = true): void {
  useEffect(() => {
    if (!active) return;
    let raf = 0;
    const timeOf = (s: UiSnapshot) =>
      s.frame ? displayTime(s.frame.time, performance.now() - s.frameAt, s.speed, s.playback === 'playing', 50 * s.speed) : 0;
    const loop = () => {
      const s = useUi.getState();
      draw(s, timeOf(s));
      raf = everyAnimationFrame && s.playback === 'playing' ? requestAnimationFrame(loop) : 0;
    };
    const unsubscribe = useUi.subscribe((s, prev) => {
      if (everyAnimationFrame && s.playback === 'playing') {
        if (raf === 0) raf = requestAnimationFrame(loop);
      } else if (s !== prev) draw(s, timeOf(s));
    });
    loop();
    return () => {
      unsubscribe();
      cancelAnimationFrame(raf);
    };
  }, [draw, active, everyAnimationFrame]);
}
