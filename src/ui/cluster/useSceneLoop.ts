import { useEffect } from 'react';
import { displayTime } from '../geometry/messages';
import { useUi } from '../store';

type UiSnapshot = ReturnType<typeof useUi.getState>;

/**
 * Calls `draw` whenever the store changes and, while the simulation runs, on every animation
 * frame with the virtual time interpolated since the last frame (messages glide between frames).
 * D3 and canvas views draw here, outside React renders.
 */
export function useSceneLoop(draw: (state: UiSnapshot, time: number) => void, active: boolean): void {
  useEffect(() => {
    if (!active) return;
    let raf = 0;
    const timeOf = (s: UiSnapshot) =>
      s.frame ? displayTime(s.frame.time, performance.now() - s.frameAt, s.speed, s.playback === 'playing', 50 * s.speed) : 0;
    const loop = () => {
      const s = useUi.getState();
      draw(s, timeOf(s));
      raf = s.playback === 'playing' ? requestAnimationFrame(loop) : 0;
    };
    const unsubscribe = useUi.subscribe((s, prev) => {
      if (s.playback === 'playing') {
        if (raf === 0) raf = requestAnimationFrame(loop);
      } else if (s !== prev) draw(s, timeOf(s));
    });
    loop();
    return () => {
      unsubscribe();
      cancelAnimationFrame(raf);
    };
  }, [draw, active]);
}
