import type { Browser } from '@playwright/test';
import { clusterDrawn, CLUSTER_DRAWN_SCRIPT, frameWindows, recordFrames, seededTargets, seekPainted } from './appFrames';
import { isPlaying, pause, play, setSpeed, virtualTime, waitForReady, waitForStill, waitForVirtualTime, withPage } from './appBrowser';
import { startupJs } from './appBundle';
import { PageProbe, type HeapSample } from './appMetrics';
import { figure, fmt, type Figure } from './appReport';
import { PLAY_SCENARIOS, PLAY_SPEEDS, RAFT_5, raft5At, type PlayScenario } from './appScenarios';
import { median } from './stats';

/**
 * The measurements of `npm run bench app`, each on fresh pages of the production build; each
 * returns its table rows. Repetitions are fresh page loads unless a figure says otherwise.
 */

export interface Env {
  browser: Browser;
  /** The preview server, e.g. `http://127.0.0.1:41234/`. */
  baseUrl: string;
  /** The build it serves. */
  outDir: string;
  log(message: string): void;
  /** A measurement that could not run, while the others go on. */
  problem(message: string): void;
}

const LOAD_REPS = 5;
const CPU_REPS = 5;
const CPU_WINDOW_MS = 10_000;
const PLAY_RECORD_MS = 6_000;
const HEAP_REPS = 5;
const HEAP_VIRTUAL_MS = 300_000;
const HOUR_MS = 3_600_000;
const HOUR_REPS = 3;
const SEEK_HISTORY_MS = 600_000;
const SEEK_COUNT = 15;
const KIB = 1024;
const MIB = 1024 * 1024;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** rAF on a page that draws nothing: the frame rate this headless Chromium gives at best. */
export async function measureBaseline(env: Env): Promise<Figure[]> {
  const fps = await withPage(env.browser, 'about:blank', async ({ page }) => {
    await page.setContent('<input type="range" aria-label="Time" value="0">');
    return frameWindows(await recordFrames(page.getByRole('slider', { name: 'Time' }), PLAY_RECORD_MS), 1).fps;
  });
  return [figure({ section: 'environment', name: 'rAF rate of an empty page (headless ceiling)', unit: 'fps', samples: fps, note: 'per 1-s window, first second dropped' })];
}

export async function measureLoad(env: Env): Promise<Figure[]> {
  const url = env.baseUrl + RAFT_5;
  const painted: number[] = [];
  const appeared: number[] = [];
  let fetched: Figure | null = null;
  // One load first, not counted: the server's and the disk's caches warm up.
  for (let i = -1; i < LOAD_REPS; i++) {
    const drawn = await withPage(
      env.browser,
      url,
      async ({ page }) => {
        const result = await clusterDrawn(page, 60_000);
        fetched ??= startupJs(env.outDir, result.fetched, page.workers().map((w) => w.url()));
        return result;
      },
      [CLUSTER_DRAWN_SCRIPT],
    );
    if (i < 0) continue;
    painted.push(drawn.painted);
    appeared.push(drawn.appeared);
    env.log(`load ${i + 1}/${LOAD_REPS}: ${fmt(drawn.painted)} ms`);
  }
  return [
    figure({
      section: 'load',
      name: 'load → cluster drawn (/#lib=raft-first-election)',
      unit: 'ms',
      samples: painted,
      target: { op: '≤', value: 423 },
      raftScope: 423,
      note: `fresh context each load (empty cache), 1 warm-up load not counted; first [data-node] appeared at median ${fmt(median(appeared))} ms`,
    }),
    ...(fetched ? [fetched] : []),
  ];
}

/** Main-thread task time over 10 s of wall time, as % of one core, playing at 1× or paused. */
export async function measureCpu(env: Env, playing: boolean): Promise<Figure[]> {
  const main: number[] = [];
  const renderer: number[] = [];
  for (let i = 0; i < CPU_REPS; i++) {
    await withPage(env.browser, env.baseUrl + RAFT_5, async ({ page }) => {
      await waitForReady(page);
      const probe = await PageProbe.open(page);
      if (playing) {
        await setSpeed(page, 1);
        await play(page);
      }
      await sleep(1_000);
      const before = await probe.tasks();
      await sleep(CPU_WINDOW_MS);
      const after = await probe.tasks();
      if (playing && !(await isPlaying(page))) throw new Error('the run stopped playing during the CPU window');
      const wall = after.at - before.at;
      main.push((100 * (after.task - before.task)) / wall);
      renderer.push((100 * (after.process - before.process)) / wall);
      await probe.detach();
    });
    env.log(`CPU ${playing ? 'playing' : 'paused'} ${i + 1}/${CPU_REPS}: main ${fmt(main[i])} %, renderer process ${fmt(renderer[i])} %`);
  }
  const what = playing ? 'playing at 1×' : 'paused';
  return [
    figure({
      section: 'main-thread CPU (5 Raft nodes, 10 s windows)',
      name: `main-thread CPU, ${what}`,
      unit: '% of a core',
      samples: main,
      target: { op: '≤', value: playing ? 25 : 2 },
      ...(playing ? { raftScope: [85, 95] as [number, number] } : {}),
      note: `Δ TaskDuration / Δ wall, after 1 s settling; whole renderer process (main + worker + compositor): median ${fmt(median(renderer))} %`,
    }),
  ];
}

/** One cell of the playback matrix: a fresh page of `scenario`, played at `speed` for ~6 s. */
async function playCell(env: Env, scenario: PlayScenario, speed: number): Promise<Figure[]> {
  const { windows, stopped } = await withPage(env.browser, env.baseUrl + scenario.hash, async ({ page }) => {
    await waitForReady(page);
    await setSpeed(page, speed);
    await play(page);
    const trace = await recordFrames(page.getByRole('slider', { name: 'Time' }), PLAY_RECORD_MS);
    return { windows: frameWindows(trace, speed), stopped: !(await isPlaying(page)) };
  });
  if (windows.fps.length === 0) throw new Error('the recording had no whole second after the first');
  const section = `playing: ${scenario.name}`;
  const label = `${scenario.name} @ ${speed}×`;
  const figures = [
    figure({ section, name: `${label}: fps`, unit: 'fps', samples: windows.fps, target: scenario.fps, raftScope: 59.7, ...(stopped ? { note: 'the run stopped playing by itself during the recording' } : {}) }),
    figure({ section, name: `${label}: worst frame`, unit: 'ms', samples: windows.worstMs, stat: 'max', ...(scenario.worstFrame ? { target: scenario.worstFrame } : {}) }),
  ];
  if (windows.rate.length > 0) figures.push(figure({ section, name: `${label}: virtual-time rate`, unit: '×', samples: windows.rate, ...(scenario.rate ? { target: scenario.rate } : {}) }));
  return figures;
}

/** Frames and virtual-time rate while playing, for every scenario × speed; a cell that fails is reported and skipped. */
export async function measurePlayback(env: Env): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const scenario of PLAY_SCENARIOS) {
    for (const speed of PLAY_SPEEDS) {
      const started = performance.now();
      if (!env.browser.isConnected()) throw new Error('the browser has closed');
      try {
        const cell = await playCell(env, scenario, speed);
        figures.push(...cell);
        env.log(`${scenario.name} @ ${speed}×: ${cell.map((f) => `${fmt(f.value)} ${f.unit}`).join(', ')} · ${fmt((performance.now() - started) / 1000)} s`);
      } catch (err) {
        env.problem(`${scenario.name} @ ${speed}×: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}`);
      }
    }
  }
  return figures;
}

/** Heap growth per simulated second: 5 Raft nodes at 100× for about 300 s of virtual time. */
export async function measureHeapGrowth(env: Env): Promise<Figure[]> {
  const main: number[] = [];
  const worker: number[] = [];
  const total: number[] = [];
  const backing: number[] = [];
  for (let i = 0; i < HEAP_REPS; i++) {
    await withPage(env.browser, env.baseUrl + RAFT_5, async ({ page }) => {
      await waitForReady(page);
      const probe = await PageProbe.open(page);
      await sleep(500);
      const v0 = await virtualTime(page);
      const h0 = await probe.heaps();
      await setSpeed(page, 100);
      await play(page);
      await waitForVirtualTime(page, (ms) => ms >= v0 + HEAP_VIRTUAL_MS, `pass ${v0 + HEAP_VIRTUAL_MS} ms`, 180_000);
      await pause(page);
      const v1 = await waitForStill(page);
      const h1 = await probe.heaps();
      await probe.detach();
      const simSeconds = (v1 - v0) / 1000;
      main.push((h1.main - h0.main) / KIB / simSeconds);
      worker.push((h1.worker - h0.worker) / KIB / simSeconds);
      total.push((h1.main + h1.worker - h0.main - h0.worker) / KIB / simSeconds);
      backing.push((h1.mainBacking + h1.workerBacking - h0.mainBacking - h0.workerBacking) / KIB / simSeconds);
      env.log(`heap growth ${i + 1}/${HEAP_REPS}: ${fmt(simSeconds)} sim s, main ${fmt(main[i])}, worker ${fmt(worker[i])} KiB/sim s`);
    });
  }
  const section = 'JS heap (5 Raft nodes, after full GC)';
  const unit = 'KiB/sim s';
  return [
    figure({ section, name: 'heap growth per simulated second, main thread', unit, samples: main }),
    figure({ section, name: 'heap growth per simulated second, worker', unit, samples: worker }),
    figure({ section, name: 'heap growth per simulated second, total', unit, samples: total, target: { op: '≤', value: 12 }, raftScope: 244, note: `Runtime.getHeapUsage usedSize, playing at 100× from 0 until the slider passes 300 s; ArrayBuffer backing stores (not in usedSize) grew ${fmt(median(backing))} KiB/sim s` }),
  ];
}

/** Both heaps after the link has run 1 hour of virtual time (`at=3600000`). */
export async function measureHourHeap(env: Env): Promise<Figure[]> {
  const samples: HeapSample[] = [];
  const openSeconds: number[] = [];
  for (let i = 0; i < HOUR_REPS; i++) {
    await withPage(env.browser, env.baseUrl + raft5At(HOUR_MS), async ({ page }) => {
      const start = performance.now();
      await waitForVirtualTime(page, (ms) => ms === HOUR_MS, `read ${HOUR_MS}`, 300_000);
      openSeconds.push((performance.now() - start) / 1000);
      const probe = await PageProbe.open(page);
      samples.push(await probe.heaps());
      await probe.detach();
    });
    const s = samples[i];
    env.log(`1 h heap ${i + 1}/${HOUR_REPS}: main ${fmt(s.main / MIB)} MiB, worker ${fmt(s.worker / MIB)} MiB, opened in ${fmt(openSeconds[i])} s`);
  }
  const section = 'JS heap (5 Raft nodes, after full GC)';
  return [
    figure({
      section,
      name: 'heap after 1 h of 5 Raft nodes, total',
      unit: 'MiB',
      samples: samples.map((s) => (s.main + s.worker) / MIB),
      note:
        `budget to be decided; main ${fmt(median(samples.map((s) => s.main / MIB)))} MiB + worker ${fmt(median(samples.map((s) => s.worker / MIB)))} MiB (medians);` +
        ` ArrayBuffer backing stores, not included: ${fmt(median(samples.map((s) => (s.mainBacking + s.workerBacking) / MIB)))} MiB`,
    }),
    figure({ section, name: 'open #…&at=3600000 → slider reads 3600000', unit: 's', samples: openSeconds }),
  ];
}

/** Seek → painted over 10 minutes of history, one page.evaluate per seek. */
export async function measureSeek(env: Env): Promise<Figure[]> {
  const targets = seededTargets(SEEK_COUNT, SEEK_HISTORY_MS);
  const timings = await withPage(env.browser, env.baseUrl + raft5At(SEEK_HISTORY_MS), async ({ page }) => {
    await waitForVirtualTime(page, (ms) => ms === SEEK_HISTORY_MS, `read ${SEEK_HISTORY_MS}`, 300_000);
    const slider = page.getByRole('slider', { name: 'Time' });
    const clock = await page.getByRole('timer', { name: 'Virtual time' }).elementHandle();
    if (!clock) throw new Error('no Virtual time clock on the page');
    await sleep(500);
    const out = [];
    for (const target of targets) {
      out.push(await seekPainted(slider, clock, target, 10_000));
      await sleep(150);
    }
    return out;
  });
  const painted = timings.map((t) => t.painted);
  env.log(`seek: ${painted.map(fmt).join(', ')} ms`);
  const section = 'seek (5 Raft nodes, 10 min of history)';
  return [
    figure({
      section,
      name: 'seek → painted, median',
      unit: 'ms',
      samples: painted,
      target: { op: '≤', value: 25 },
      raftScope: [21, 25],
      note: `${SEEK_COUNT} seeded targets in [0, ${SEEK_HISTORY_MS}]; the clock first showed the target at median ${fmt(median(timings.map((t) => t.shown)))} ms (one frame before "painted")`,
    }),
    figure({ section, name: 'seek → painted, max', unit: 'ms', samples: painted, stat: 'max' }),
  ];
}
