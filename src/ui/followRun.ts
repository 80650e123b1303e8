/**
 * Calls `show` when the run changes: at once while paused (a step or a seek shows in the task its
 * frame arrived in), at most every `intervalMs` while playing, the last change always shown.
 *
 * While playing, a change shows in the task of the frame that brought it, never from a timer of
 * its own, so every panel that follows the run updates in the same rendering frame as the cluster
 * (a panel updating from its own timer costs the page a rendering frame more each time). A change
 * that came too soon waits for the next frame, and only if none comes does a fallback timer show it.
 */
export interface RunFollower {
  /** The store changed; `playing` says whether the run plays. */
  changed(playing: boolean): void;
  cancel(): void;
}

/** A frame this early is taken as on time (the frames come on an interval timer, which jitters). */
const EARLY_MS = 6;
/** The fallback timer waits this much longer than due, so the next frame normally shows the change first. */
const FALLBACK_SLACK_MS = 60;

export function followRun(show: () => void, intervalMs: number): RunFollower {
  let timer = 0;
  let last = -Infinity;
  const run = () => {
    window.clearTimeout(timer);
    timer = 0;
    last = performance.now();
    show();
  };
  return {
    changed(playing) {
      const wait = intervalMs - (performance.now() - last);
      if (!playing || wait <= EARLY_MS) run();
      else if (timer === 0) timer = window.setTimeout(run, wait + FALLBACK_SLACK_MS);
    },
    cancel() {
      window.clearTimeout(timer);
      timer = 0;
    },
  };
}
