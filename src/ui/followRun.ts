/**
 * Calls `show` when the run changes: at once while paused (a step or a seek shows in the task its
 * frame arrived in), at most every `intervalMs` while playing, the last change always shown.
 */
export interface RunFollower {
  /** The store changed; `playing` says whether the run plays. */
  changed(playing: boolean): void;
  cancel(): void;
}

export function followRun(show: () => void, intervalMs: number): RunFollower {
  let timer = 0;
  let last = 0;
  const run = () => {
    timer = 0;
    last = performance.now();
    show();
  };
  return {
    changed(playing) {
      if (!playing) {
        window.clearTimeout(timer);
        run();
        return;
      }
      const wait = intervalMs - (performance.now() - last);
      if (wait <= 0) run();
      else if (timer === 0) timer = window.setTimeout(run, wait);
    },
    cancel() {
      window.clearTimeout(timer);
      timer = 0;
    },
  };
}
