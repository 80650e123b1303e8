import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';

/**
 * Chromium for `npm run bench app` (the system one: this machine cannot download Playwright's
 * browsers; CHROMIUM_PATH overrides it), one fresh context per page, and the playback controls
 * driven by their accessible names, as the e2e tests do.
 */

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const ACTION_TIMEOUT_MS = 30_000;
/** Opening a cluster (the worker builds it, or runs to a link's `at`) may take long. */
export const READY_TIMEOUT_MS = 120_000;

export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error(`no Chromium at ${executablePath} (set CHROMIUM_PATH)`);
  // Signals are bench/app.ts's to handle: Playwright's own handlers would exit the process
  // before the preview server is stopped.
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, timeout: 60_000, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
}

/**
 * tsx compiles with esbuild's keepNames, which wraps functions in `__name(…)`: functions handed
 * to page.evaluate / addInitScript would then throw in the page. This defines it there first.
 */
const KEEP_NAMES_SHIM = 'globalThis.__name = globalThis.__name || ((fn) => fn);';

export interface OpenPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and page errors seen so far. */
  errors: string[];
  /** URLs the page (and its workers) requested so far, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** A fresh context (empty cache) and page at 1280×720; `initScripts` run before the app's code. */
export async function openPage(browser: Browser, url: string, initScripts: string[] = []): Promise<OpenPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  await context.addInitScript({ content: KEEP_NAMES_SHIM });
  for (const content of initScripts) await context.addInitScript({ content });
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  try {
    await page.goto(url, { waitUntil: 'commit', timeout: ACTION_TIMEOUT_MS });
  } catch (err) {
    await context.close();
    const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
    const hint = /ERR_HTTP_RESPONSE_CODE_FAILURE/.test(message) ? ' (the server answered with an HTTP error: was the build directory emptied or rebuilt meanwhile?)' : '';
    throw new Error(`${message}${hint}`, { cause: err });
  }
  return { page, context, errors, requests, close: () => context.close() };
}

/** Opens `url`, runs `body` on the page, and always closes the page's context. */
export async function withPage<T>(browser: Browser, url: string, body: (p: OpenPage) => Promise<T>, initScripts: string[] = []): Promise<T> {
  if (!browser.isConnected()) throw new Error('the browser has closed');
  const opened = await openPage(browser, url, initScripts);
  try {
    return await body(opened);
  } catch (err) {
    // What the page itself reported is usually the real cause of a timeout.
    if (opened.errors.length === 0) throw err;
    const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new Error(`${message}; the page reported ${opened.errors.length} error(s), first: ${opened.errors[0]}`, { cause: err });
  } finally {
    await opened.close().catch(() => undefined);
  }
}

/** Waits until the worker has delivered its first frame (the status line no longer says it is starting). */
export async function waitForReady(page: Page, timeout = READY_TIMEOUT_MS): Promise<void> {
  try {
    await page.getByRole('slider', { name: 'Time' }).waitFor({ timeout });
    await page.getByRole('status').filter({ hasNotText: 'Starting the simulation…' }).waitFor({ timeout });
  } catch (err) {
    throw new Error(`the app did not show a started simulation (a Time slider, a status line not "Starting the simulation…") within ${timeout / 1000} s`, { cause: err });
  }
}

export async function virtualTime(page: Page): Promise<number> {
  return Number(await page.getByRole('slider', { name: 'Time' }).inputValue());
}

/** Polls the Time slider until `done(value)`; throws after `timeout` ms saying what it waited for. */
export async function waitForVirtualTime(page: Page, done: (ms: number) => boolean, what: string, timeout = READY_TIMEOUT_MS): Promise<number> {
  const deadline = performance.now() + timeout;
  for (;;) {
    const ms = await virtualTime(page);
    if (done(ms)) return ms;
    if (performance.now() > deadline) throw new Error(`timed out after ${timeout / 1000} s waiting for the Time slider to ${what} (it reads ${ms})`);
    await page.waitForTimeout(100);
  }
}

/** Waits until the slider stops moving (the worker has stopped after Pause). */
export async function waitForStill(page: Page, quietMs = 500): Promise<number> {
  let last = await virtualTime(page);
  const deadline = performance.now() + ACTION_TIMEOUT_MS;
  while (performance.now() < deadline) {
    await page.waitForTimeout(quietMs);
    const now = await virtualTime(page);
    if (now === last) return now;
    last = now;
  }
  throw new Error(`the Time slider kept moving for ${ACTION_TIMEOUT_MS / 1000} s after Pause`);
}

export async function setSpeed(page: Page, speed: number): Promise<void> {
  await page.getByRole('combobox', { name: 'Speed' }).selectOption(String(speed));
}

export async function play(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.getByRole('button', { name: 'Pause', exact: true }).waitFor();
}

export async function pause(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await page.getByRole('button', { name: 'Play', exact: true }).waitFor();
}

/** True while the page still plays (a run that ends by itself shows Play again). */
export async function isPlaying(page: Page): Promise<boolean> {
  return page.getByRole('button', { name: 'Pause', exact: true }).isVisible();
}
