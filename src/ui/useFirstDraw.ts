import { useEffect, useState } from 'react';
import { useUi } from './store';

/** A page shows its first run once; panels that waited for it do not wait again when they mount anew. */
let drawnOnce = false;
/** A tab opened in the background gets no animation frames: the panels come anyway after this long. */
const FALLBACK_MS = 400;

/**
 * Whether the run's first frame has been drawn and painted. At startup the page draws the
 * cluster first and mounts the panels around it (the space-time diagram, the tabs, the
 * narration) only afterwards: mounting them in the same task made the cluster wait for them.
 */
export function useFirstDraw(): boolean {
  const hasFrame = useUi((s) => s.frame !== null);
  const [drawn, setDrawn] = useState(drawnOnce);
  useEffect(() => {
    if (drawn || !hasFrame) return;
    const done = () => {
      drawnOnce = true;
      setDrawn(true);
    };
    let timer = 0;
    // An animation frame comes before the paint; a task queued from it runs after the paint.
    const raf = requestAnimationFrame(() => {
      window.clearTimeout(fallback);
      timer = window.setTimeout(done, 0);
    });
    const fallback = window.setTimeout(() => {
      cancelAnimationFrame(raf);
      done();
    }, FALLBACK_MS);
    return () => {
      cancelAnimationFrame(raf);
      window.clearTimeout(timer);
      window.clearTimeout(fallback);
    };
  }, [drawn, hasFrame]);
  return drawn;
}
