import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/**
 * The production build and its preview server for `npm run bench app`: `vite build` into a
 * directory of its own (dist-bench/, or BENCH_APP_OUT_DIR), so a bench run and a test run's
 * build of dist/ cannot overwrite each other, then `vite preview` of it on a free port of
 * 127.0.0.1, stopped (with its process group) at the end.
 */

export const OUT_DIR = process.env.BENCH_APP_OUT_DIR ?? 'dist-bench';

const BUILD_TIMEOUT_MS = 180_000;
const SERVER_START_TIMEOUT_MS = 60_000;

/** Runs a command to completion; rejects with its output when it fails or times out. */
function run(command: string, args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => {
      killGroup(child);
      reject(new Error(`${command} ${args.join(' ')} took over ${timeoutMs / 1000} s:\n${output}`));
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`could not start ${command}: ${err.message}`));
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit code ${code}`}):\n${output}`));
    });
  });
}

/** `npx vite build` into OUT_DIR; returns the wall time in ms. */
export async function buildApp(): Promise<number> {
  const start = performance.now();
  await run('npx', ['vite', 'build', '--outDir', OUT_DIR, '--emptyOutDir'], BUILD_TIMEOUT_MS);
  return performance.now() - start;
}

/**
 * The built index.html (it names the hashed chunks), or null when it is gone: a change while the
 * bench runs means another `vite build` replaced the build being measured.
 */
export function buildStamp(): string | null {
  try {
    return readFileSync(join(OUT_DIR, 'index.html'), 'utf8');
  } catch {
    return null;
  }
}

/** A port that was free a moment ago (`--strictPort` turns a lost race into a clear error). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

/** Stops a child we started and everything it started (npx → node vite): its process group. */
function killGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // Already gone.
  }
}

export interface PreviewServer {
  /** e.g. `http://127.0.0.1:41234/` */
  url: string;
  stop(): Promise<void>;
}

/** Starts `npx vite preview` of OUT_DIR on a free port and waits until it answers with HTTP 200. */
export async function startPreview(): Promise<PreviewServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const child = spawn('npx', ['vite', 'preview', '--outDir', OUT_DIR, '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const failure: { error: Error | null } = { error: null };
  child.on('error', (err) => (failure.error = err));
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  // Whatever ends this process (an uncaught error, process.exit), the server goes with it.
  const onExit = () => killGroup(child);
  process.on('exit', onExit);
  const stop = async (): Promise<void> => {
    process.off('exit', onExit);
    killGroup(child);
    const forced = setTimeout(() => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }, 5_000);
    await exited;
    clearTimeout(forced);
  };
  const deadline = performance.now() + SERVER_START_TIMEOUT_MS;
  for (;;) {
    if (failure.error || child.exitCode !== null) {
      const why = failure.error ? `: ${failure.error.message}` : ` (exit code ${child.exitCode})`;
      await stop();
      throw new Error(`vite preview did not start${why}:\n${output}`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return { url, stop };
    } catch {
      // Not listening yet.
    }
    if (performance.now() > deadline) {
      await stop();
      throw new Error(`vite preview did not answer at ${url} within ${SERVER_START_TIMEOUT_MS / 1000} s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
