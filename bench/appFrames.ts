import type { ElementHandle, Locator, Page } from '@playwright/test';

/**
 * What `npm run bench app` measures inside the page, on its animation frames: the first paint
 * of the cluster, the frames while playing (with the Time slider's value at each), and the time
 * from a seek to its moment being painted.
 */

export interface ClusterDrawn {
  /** performance.now() (ms since navigation start) when the first `[data-node]` element appeared. */
  appeared: number;
  /** …and two animation frames later: one frame has been painted with it. */
  painted: number;
  /** The URLs the page had requested by `painted` (its resource timing entries). */
  fetched: string[];
}

/** Init script: a MutationObserver waits for the first `[data-node]`, then two animation frames. */
export const CLUSTER_DRAWN_SCRIPT = `(() => {
  window.__benchClusterDrawn = new Promise((resolve) => {
    let seen = false;
    const observer = new MutationObserver(() => {
      if (seen || !document.querySelector('[data-node]')) return;
      seen = true;
      observer.disconnect();
      const appeared = performance.now();
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          const painted = performance.now();
          // What the page had asked for by then (a chunk it loads later, after the paint, does not count).
          const fetched = performance.getEntriesByType('resource').filter((e) => e.startTime <= painted).map((e) => e.name);
          resolve({ appeared, painted, fetched });
        }),
      );
    });
    observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-node'] });
  });
})();`;

export async function clusterDrawn(page: Page, timeoutMs: number): Promise<ClusterDrawn> {
  const result = await Promise.race([
    page.evaluate(() => (window as unknown as { __benchClusterDrawn: Promise<ClusterDrawn> }).__benchClusterDrawn),
    page.waitForTimeout(timeoutMs).then(() => null),
  ]);
  if (!result) throw new Error(`no [data-node] element was painted within ${timeoutMs / 1000} s of the load`);
  return result;
}

/** Each animation frame's timestamp (ms) and the Time slider's value then (virtual ms). */
export interface FrameTrace {
  t: number[];
  v: number[];
}

/** Records every animation frame for `durationMs` of wall time (the slider is the Time slider). */
export function recordFrames(slider: Locator, durationMs: number): Promise<FrameTrace> {
  return slider.evaluate(
    (el, ms) =>
      new Promise<FrameTrace>((resolve) => {
        const input = el as HTMLInputElement;
        const trace: FrameTrace = { t: [], v: [] };
        let start = -1;
        let done = false;
        const finish = () => {
          if (done) return;
          done = true;
          resolve(trace);
        };
        const tick = (now: number) => {
          if (done) return;
          if (start < 0) start = now;
          trace.t.push(now);
          trace.v.push(Number(input.value));
          if (now - start < ms) requestAnimationFrame(tick);
          else finish();
        };
        requestAnimationFrame(tick);
        // Frames that stop altogether still end the recording (the gap shows as the worst frame).
        setTimeout(finish, ms + 10_000);
      }),
    durationMs,
  );
}

export interface FrameWindows {
  /** Frames per second in each window. */
  fps: number[];
  /** Largest gap between consecutive frames ending in each window, ms. */
  worstMs: number[];
  /** Virtual ms per (wall ms × speed) in each window. */
  rate: number[];
}

/** Cuts a trace into `windowMs` windows after dropping its first `skipMs`. */
export function frameWindows(trace: FrameTrace, speed: number, skipMs = 1000, windowMs = 1000): FrameWindows {
  const { t, v } = trace;
  const out: FrameWindows = { fps: [], worstMs: [], rate: [] };
  if (t.length < 2) return out;
  const last = t[t.length - 1];
  /** Index of the last frame at or before time `at`. */
  const at = (time: number) => {
    let i = 0;
    while (i + 1 < t.length && t[i + 1] <= time) i++;
    return i;
  };
  for (let a = t[0] + skipMs; a + windowMs <= last + 1; a += windowMs) {
    const b = a + windowMs;
    let frames = 0;
    let worst = 0;
    for (let i = 1; i < t.length; i++) {
      if (t[i] < a || t[i] >= b) continue;
      frames++;
      worst = Math.max(worst, t[i] - t[i - 1]);
    }
    const i0 = at(a);
    const i1 = at(b);
    out.fps.push(frames / (windowMs / 1000));
    out.worstMs.push(worst);
    if (t[i1] > t[i0]) out.rate.push((v[i1] - v[i0]) / ((t[i1] - t[i0]) * speed));
  }
  return out;
}

export interface SeekTiming {
  /** From the input event to the animation frame where the clock first shows the target, ms. */
  shown: number;
  /** …to the next animation frame: the frame showing it has been painted. */
  painted: number;
}

/** Moves the Time slider to `target` (as a user's drag does: native setter, `input` event) and times it. */
export function seekPainted(slider: Locator, clock: ElementHandle<Element>, target: number, timeoutMs: number): Promise<SeekTiming> {
  return slider.evaluate(
    (el, { target, clock, timeoutMs }) =>
      new Promise<SeekTiming>((resolve, reject) => {
        const input = el as HTMLInputElement;
        const want = `${(target / 1000).toFixed(3)} s`;
        const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
        if (!setValue) throw new Error('no value setter on HTMLInputElement');
        const start = performance.now();
        setValue.call(input, String(target));
        input.dispatchEvent(new Event('input', { bubbles: true }));
        const poll = () => {
          const now = performance.now();
          if (clock.textContent?.trim() === want) {
            requestAnimationFrame(() => resolve({ shown: now - start, painted: performance.now() - start }));
          } else if (now - start > timeoutMs) {
            reject(new Error(`after ${timeoutMs} ms the clock shows "${clock.textContent}", not "${want}"`));
          } else {
            requestAnimationFrame(poll);
          }
        };
        requestAnimationFrame(poll);
      }),
    { target, clock, timeoutMs },
  );
}

/** Deterministic targets in [0, max] (mulberry32), so every run seeks to the same moments. */
export function seededTargets(count: number, max: number, seed = 1): number[] {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = s;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: count }, () => Math.floor(next() * (max + 1)));
}
