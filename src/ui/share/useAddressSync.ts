import { useEffect } from 'react';
import type { Controller } from '../controller';
import { useUi } from '../store';
import { setAddressHash } from './address';

/** How long the view must rest before the address follows it. */
export const ADDRESS_DEBOUNCE_MS = 400;

/**
 * The address bar follows the run: the recorded scenario (every recorded action), the moment
 * shown while paused, the selected node and the open tab — replaced, never pushed, and
 * debounced — so a reload restores the work and the address is always a share link. It waits
 * until the page's first run has arrived and something changed (a fresh page keeps its bare
 * address), never runs while playing, and leaves a link that could not be opened in place until
 * the user dismisses the error or acts.
 */
export function useAddressSync(controller: Controller): void {
  useEffect(() => {
    let timer = 0;
    let shown: string | null = null;
    const viewKey = (s: ReturnType<typeof useUi.getState>): string | null => {
      const f = s.frame;
      if (!f || s.linkError || s.playback !== 'paused') return null;
      return JSON.stringify([f.runId, f.scenarioRev, f.moment, s.selectedNode, s.tab]);
    };
    const unsubscribe = useUi.subscribe((s) => {
      const key = viewKey(s);
      if (key === null) return;
      if (shown === null) {
        // The first view of the page is what its address already says.
        shown = key;
        return;
      }
      if (key === shown) return;
      shown = key;
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        void controller.linkHash().then((hash) => {
          if (viewKey(useUi.getState()) === key) setAddressHash(hash);
        });
      }, ADDRESS_DEBOUNCE_MS);
    });
    return () => {
      unsubscribe();
      window.clearTimeout(timer);
    };
  }, [controller]);
}
