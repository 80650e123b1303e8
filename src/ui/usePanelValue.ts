import { useEffect, useRef, useState } from 'react';
import { followRun } from './followRun';
import { useUi } from './store';

type UiSnapshot = ReturnType<typeof useUi.getState>;

/** How often text panels follow the run while it plays (nobody reads a number changing 60 times a second). */
export const PANEL_INTERVAL_MS = 100;

/**
 * A value of the store for a panel of text (the clock, the logs, the narration…): the same as
 * `useUi(selector)` while paused, but while playing it follows at most every `intervalMs`, with
 * the last change always shown. The drawing itself moves at the display's rate; what the page
 * saves is React renders, style, layout and paint of panels nobody can read that fast.
 */
export function usePanelValue<T>(selector: (s: UiSnapshot) => T, intervalMs = PANEL_INTERVAL_MS): T {
  const [value, setValue] = useState(() => selector(useUi.getState()));
  const shown = useRef(value);
  const select = useRef(selector);
  select.current = selector;
  useEffect(() => {
    const show = () => {
      const next = select.current(useUi.getState());
      if (Object.is(next, shown.current)) return;
      shown.current = next;
      setValue(() => next);
    };
    show();
    const follower = followRun(show, intervalMs);
    const unsubscribe = useUi.subscribe((s) => {
      if (!Object.is(select.current(s), shown.current)) follower.changed(s.playback === 'playing');
    });
    return () => {
      unsubscribe();
      follower.cancel();
    };
  }, [intervalMs]);
  return value;
}

/**
 * Text that follows the store without React: the element's text is set in the store's own
 * notification (at once while paused, so a seek shows its time in the same task the frame
 * arrived in; at most every `intervalMs` while playing).
 */
export function useLiveText<E extends HTMLElement>(ref: React.RefObject<E | null>, text: (s: UiSnapshot) => string, intervalMs = PANEL_INTERVAL_MS): void {
  const make = useRef(text);
  make.current = text;
  useEffect(() => {
    const show = () => {
      const element = ref.current;
      const next = make.current(useUi.getState());
      if (element && element.textContent !== next) element.textContent = next;
    };
    show();
    const follower = followRun(show, intervalMs);
    const unsubscribe = useUi.subscribe((s) => follower.changed(s.playback === 'playing'));
    return () => {
      unsubscribe();
      follower.cancel();
    };
  }, [ref, intervalMs]);
}
