import type { Browser } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { cpuSnapshot, othersCores } from './appContention';
import { launchBrowser } from './appBrowser';
import { measureBundle } from './appBundle';
import { measureBaseline, measureCpu, measureHeapGrowth, measureHourHeap, measureLoad, measurePlayback, measureSeek, type Env } from './appMeasure';
import { figuresJson, fmt, formatTable, type Figure } from './appReport';
import { buildApp, buildStamp, OUT_DIR, startPreview, type PreviewServer } from './appServer';

/**
 * `npm run bench app`: the production build in headless Chromium — load, main-thread CPU,
 * frames while playing, heap growth, seek, bundle size — printed as one table (✓/✗ against
 * each target). A missed target is a measurement, not a failure; a measurement that cannot
 * run is reported and makes the run fail. The browser and the preview server always stop.
 */

export interface AppBenchOutput {
  text: string;
  json: object;
  failed: boolean;
}

/** A git command's output, or null outside a git checkout. */
function git(args: string[]): string | null {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trimEnd();
  } catch {
    return null;
  }
}

/** Cores that other processes may keep busy during a step before it is flagged as contended. */
const CONTENDED_CORES = 0.25;

interface StepRecord {
  name: string;
  seconds: number;
  /** Cores the rest of the machine kept busy meanwhile (null: unknown, not Linux). */
  othersCores: number | null;
}

function formatSteps(steps: readonly StepRecord[]): string {
  const rows = steps.map((s) => {
    const others = s.othersCores === null ? 'other processes: unknown' : `other processes used ${fmt(s.othersCores)} cores`;
    const flag = s.othersCores !== null && s.othersCores > CONTENDED_CORES ? '  ← contended: worth rerunning' : '';
    return `  ${s.name.padEnd(22)} ${fmt(s.seconds).padStart(6)} s   ${others}${flag}`;
  });
  return [`steps (${cpus().length} cores; the bench itself keeps one to two busy):`, ...rows].join('\n');
}

const log = (message: string) => console.log(`  · ${message}`);

/** An error's first line (Playwright appends its call log). */
const firstLine = (err: unknown) => (err instanceof Error ? err.message : String(err)).split('\n')[0];

export async function benchApp(): Promise<AppBenchOutput> {
  const started = performance.now();
  const commit = git(['rev-parse', '--short', 'HEAD']) ?? 'unknown (not a git checkout)';
  const status = git(['status', '--porcelain', '--', 'src']);
  const changedSrc = status === null ? [] : status.split('\n').filter(Boolean);
  const tree = status === null ? '' : changedSrc.length ? `, ${changedSrc.length} uncommitted change(s) in src/` : ', src/ clean';
  console.log(`app bench: commit ${commit}${tree}`);

  const figures: Figure[] = [];
  const stepRecords: StepRecord[] = [];
  const errors: string[] = [];
  const problem = (message: string) => {
    errors.push(message);
    console.error(`  ✗ ${message}`);
  };
  let server: PreviewServer | null = null;
  let browser: Browser | null = null;
  let browserVersion = '?';
  const cleanup = async () => {
    await browser?.close().catch(() => undefined);
    browser = null;
    await server?.stop().catch(() => undefined);
    server = null;
  };
  let interrupted: string | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    // A second signal does not wait: the server still stops (appServer's exit hook).
    if (interrupted) process.exit(130);
    // Closing the browser makes the step in flight fail at once; the loop then stops and the
    // finally below stops the server.
    interrupted = signal;
    console.error(`\n${signal}: stopping the browser and the preview server`);
    void browser?.close().catch(() => undefined);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    log(`vite build into ${OUT_DIR}/: ${fmt((await buildApp()) / 1000)} s`);
    figures.push(...measureBundle(OUT_DIR));
    const stamp = buildStamp();
    let replaced = false;
    server = await startPreview();
    log(`vite preview at ${server.url}`);
    browser = await launchBrowser();
    browserVersion = browser.version();
    log(`Chromium ${browserVersion}`);
    const env: Env = { browser, baseUrl: server.url, outDir: OUT_DIR, log, problem };
    const steps: [string, () => Promise<Figure[]>][] = [
      ['empty-page frame rate', () => measureBaseline(env)],
      ['load', () => measureLoad(env)],
      ['CPU playing', () => measureCpu(env, true)],
      ['CPU paused', () => measureCpu(env, false)],
      ['playback matrix', () => measurePlayback(env)],
      ['heap growth', () => measureHeapGrowth(env)],
      ['heap after 1 h', () => measureHourHeap(env)],
      ['seek', () => measureSeek(env)],
    ];
    for (const [name, step] of steps) {
      if (interrupted) break;
      const t0 = performance.now();
      const cpu0 = cpuSnapshot();
      try {
        figures.push(...(await step()));
      } catch (err) {
        if (interrupted) break;
        problem(`${name}: ${firstLine(err)}`);
      }
      const others = othersCores(cpu0, cpuSnapshot());
      stepRecords.push({ name, seconds: (performance.now() - t0) / 1000, othersCores: others });
      log(`${name} done in ${fmt((performance.now() - t0) / 1000)} s${others === null ? '' : `; other processes used ${fmt(others)} cores`}`);
      if (!replaced && buildStamp() !== stamp) {
        replaced = true;
        problem(`${OUT_DIR}/index.html changed during "${name}": another vite build replaced the one measured, so this and later figures may be of another build (BENCH_APP_OUT_DIR=<private dir> avoids it)`);
      }
    }
  } catch (err) {
    problem(err instanceof Error ? err.message : String(err));
  } finally {
    await cleanup();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }

  const seconds = (performance.now() - started) / 1000;
  const lines = [
    '',
    `app bench — commit ${commit}${tree ? tree.replace(',', ';') : ''}; Chromium ${browserVersion} headless, 1280×720; KiB = 1024 B; value = median unless marked max`,
    'playing rows: a fresh page per scenario and speed, played from 0 s for 6 s; samples are its 1-s windows after the first second',
    formatTable(figures),
    formatSteps(stepRecords),
    `took ${fmt(seconds)} s`,
  ];
  if (interrupted) lines.push(`interrupted by ${interrupted}: the later measurements did not run`);
  if (errors.length) lines.push(`${errors.length} problem(s) (in full above):`, ...errors.map((e) => `  ✗ ${e.split('\n')[0]}`));
  return {
    text: lines.join('\n'),
    json: { commit, interrupted, uncommittedSrc: changedSrc, chromium: browserVersion, seconds, steps: stepRecords, figures: figuresJson(figures), errors },
    failed: errors.length > 0 || interrupted !== null,
  };
}
