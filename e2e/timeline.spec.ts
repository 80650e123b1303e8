import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { shareHash } from '../src/sim/scenario/codec';
import { defaultScenario } from '../src/sim/scenario/library/defaultScenario';
import type { Scenario } from '../src/sim/scenario/schema';
import { brushTimeline, collectErrors, eventCount, nodeAction, runUntilLeader, seekTo, snapshot, timelineXAt, virtualTime, waitForReady } from './helpers';

const markers = (page: Page) => page.getByRole('toolbar', { name: 'Timeline markers' });
const slider = (page: Page) => page.getByRole('slider', { name: 'Time' });
const WON = /^0\.225 s: S3 wins term 1$/;

/** The detail window's span (ms), from its "Showing 0.150 s – 0.350 s" text. */
async function windowSpanMs(page: Page): Promise<number> {
  const text = (await page.getByRole('group', { name: 'Timeline' }).getByText(/^Showing /).textContent()) ?? '';
  const m = /([\d.]+) s – ([\d.]+) s/.exec(text);
  if (!m) throw new Error(`no window in "${text}"`);
  return Math.round((Number(m[2]) - Number(m[1])) * 1000);
}

async function openFirstElection(page: Page): Promise<void> {
  await page.goto('./#lib=raft-first-election');
  await waitForReady(page);
  expect(await runUntilLeader(page)).toEqual({ id: 3, term: 1 });
}

test('the Time slider is still a native range input: fill, value, text and its keys', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('./');
  await waitForReady(page);
  await expect(slider(page)).toBeVisible();
  await expect(slider(page)).toBeEnabled();
  await seekTo(page, 1200);
  await expect(slider(page)).toHaveAttribute('aria-valuetext', '1200 ms');
  await slider(page).focus();
  await page.keyboard.press('Home');
  await expect.poll(() => virtualTime(page)).toBe(0);
  await page.keyboard.press('PageUp');
  await expect.poll(() => virtualTime(page)).toBe(1000);
  await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => virtualTime(page)).toBe(1100);
  await page.keyboard.press('PageDown');
  await expect.poll(() => virtualTime(page)).toBe(100);
  // ← and → step by events, not by the browser's 1 ms.
  const before = await eventCount(page);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => eventCount(page)).toBe(before + 1);
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => eventCount(page)).toBe(before);
  await page.keyboard.press('End');
  await expect.poll(() => virtualTime(page)).toBe(1200);
  expect(errors).toEqual([]);
});

test('a won election is a marker: its tooltip says so, and a click jumps exactly there', async ({ page }) => {
  const errors = collectErrors(page);
  await openFirstElection(page);
  const won = markers(page).getByRole('button', { name: WON });
  await expect(won).toHaveCount(1);
  await won.focus();
  await expect(page.getByRole('tooltip')).toHaveText('0.225 s: S3 wins term 1');
  await expect(page.getByRole('tooltip')).toBeVisible();
  // Back in the past, the reached future stays on the timeline.
  await seekTo(page, 100);
  await expect(page.getByRole('status')).toHaveText('No leader');
  await expect(won).toHaveCount(1);
  await expect(markers(page).getByRole('button', { name: '4 marks from 0.175 s to 0.246 s: look closer' })).toHaveCount(1);
  await won.click();
  await expect(page.getByRole('status')).toHaveText('Leader: S3, term 1');
  await expect.poll(() => virtualTime(page)).toBe(225);
  expect(errors).toEqual([]);
});

test('zooming in spreads the election out: 50 ms is at least 100 px', async ({ page }) => {
  const errors = collectErrors(page);
  await openFirstElection(page);
  const fullSpan = await windowSpanMs(page);
  // The buttons halve and double the window; Show all goes back to the whole run.
  await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
  await expect.poll(async () => Math.abs((await windowSpanMs(page)) - Math.round(fullSpan / 2))).toBeLessThanOrEqual(1);
  await page.getByRole('button', { name: 'Zoom out', exact: true }).click();
  await expect.poll(async () => Math.abs((await windowSpanMs(page)) - fullSpan)).toBeLessThanOrEqual(1);
  await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
  await page.keyboard.press('+');
  await expect.poll(async () => Math.abs((await windowSpanMs(page)) - Math.round(fullSpan / 4))).toBeLessThanOrEqual(1);
  await page.keyboard.press('-');
  await expect.poll(async () => Math.abs((await windowSpanMs(page)) - Math.round(fullSpan / 2))).toBeLessThanOrEqual(1);
  await page.getByRole('button', { name: 'Show all' }).click();
  await expect.poll(async () => Math.abs((await windowSpanMs(page)) - fullSpan)).toBeLessThanOrEqual(1);

  // A brush over the election zooms into it: half a second, and 2 px or more per ms.
  await brushTimeline(page, 100, 600);
  await expect.poll(() => windowSpanMs(page)).toBeLessThanOrEqual(500);
  const moment = markers(page).getByRole('button', { name: /^0\.175 s: Watch: S3 times out first/ });
  const won = markers(page).getByRole('button', { name: WON });
  const a = (await moment.boundingBox())!;
  const b = (await won.boundingBox())!;
  expect(b.x + b.width / 2 - (a.x + a.width / 2)).toBeGreaterThanOrEqual(100);
  await snapshot(page, 'timeline-zoomed', false);

  // The wheel zooms around the pointer: out, back to the whole run.
  for (let k = 0; k < 12; k++) {
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
    await page.mouse.wheel(0, 400);
  }
  await expect.poll(async () => Math.abs((await windowSpanMs(page)) - fullSpan)).toBeLessThanOrEqual(1);

  // A plain click on the strip seeks there.
  const at = await timelineXAt(page, 5000);
  await page.mouse.click(at.x, at.detailY);
  await expect.poll(() => virtualTime(page)).toBeGreaterThan(4900);
  expect(await virtualTime(page)).toBeLessThan(5100);
  expect(errors).toEqual([]);
});

test('markers are one tab stop; arrows move between them and Enter jumps', async ({ page }) => {
  const errors = collectErrors(page);
  await openFirstElection(page);
  await seekTo(page, 100);
  await brushTimeline(page, 150, 350);
  await expect.poll(() => windowSpanMs(page)).toBeLessThanOrEqual(500);
  const first = markers(page).getByRole('button', { name: /^0\.175 s: Watch: S3 times out first/ });
  await page.getByRole('combobox', { name: 'Speed' }).focus();
  await page.keyboard.press('Tab');
  await expect(first).toBeFocused();
  await expect(page.getByRole('tooltip')).toHaveText(/S3 times out first/);
  await page.keyboard.press('ArrowRight');
  await expect(markers(page).getByRole('button', { name: /^0\.197 s: Watch: S2 and S4 run too/ })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const won = markers(page).getByRole('button', { name: WON });
  await expect(won).toBeFocused();
  // The page's own → (step) did not fire: the present is still at 100 ms.
  expect(await virtualTime(page)).toBe(100);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('Leader: S3, term 1');
  await expect.poll(() => virtualTime(page)).toBe(225);
  await page.keyboard.press('Home');
  await expect(first).toBeFocused();
  // One tab stop: Tab leaves the markers for the Time slider.
  await page.keyboard.press('Tab');
  await expect(slider(page)).toBeFocused();
  expect(errors).toEqual([]);
});

test('a crash taken from a node menu is the user’s marker', async ({ page }) => {
  const errors = collectErrors(page);
  await openFirstElection(page);
  await seekTo(page, 400);
  await nodeAction(page, 1, 'Crash');
  const crash = markers(page).getByRole('button', { name: /^0\.400 s: You: S1 crashes$/ });
  await expect(crash).toHaveCount(1);
  await crash.hover();
  await expect(page.getByRole('tooltip')).toHaveText('0.400 s: You: S1 crashes');
  await seekTo(page, 1000);
  await page.getByRole('group', { name: 'Timeline' }).screenshot({ path: shot('timeline-user-crash') });
  expect(errors).toEqual([]);
});

test('a long run keeps the marker buttons bounded', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = collectErrors(page);
  await page.goto('./#lib=raft-first-election');
  await waitForReady(page);
  // Ten minutes of virtual time: played at 100× (the slider only reaches as far as the run has gone).
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('100');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => virtualTime(page), { timeout: 120_000 }).toBeGreaterThanOrEqual(600_000);
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.getByRole('button', { name: 'Show all' }).click();
  await expect(slider(page)).toHaveAttribute('max', /^\d{6,}$/);
  await expect(markers(page).getByRole('button', { name: WON })).toHaveCount(1);
  expect(await markers(page).getByRole('button').count()).toBeLessThanOrEqual(200);
  expect(errors).toEqual([]);
});

test('thousands of markers merge into clusters; the DOM stays bounded', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = collectErrors(page);
  // A follower forced to time out every 300 ms: each time a new election, so thousands of marks.
  const scenario: Scenario = {
    ...defaultScenario,
    title: 'Timeline stress: forced timeouts',
    events: Array.from({ length: 1000 }, (_, i) => ({ at: 500 + i * 300, do: 'timeout' as const, node: (i % 5) + 1 })),
  };
  await page.goto(`./${shareHash(scenario)}`);
  await waitForReady(page);
  await seekTo(page, 300_000);
  await expect(markers(page).getByRole('button', { name: /marks from .*: look closer$/ }).first()).toBeVisible();
  expect(await markers(page).getByRole('button').count()).toBeLessThanOrEqual(200);
  // A cluster zooms into its span when activated; its marks part.
  const span = await windowSpanMs(page);
  await markers(page).getByRole('button', { name: /marks from/ }).first().click();
  await expect.poll(() => windowSpanMs(page)).toBeLessThan(span);
  expect(await markers(page).getByRole('button').count()).toBeLessThanOrEqual(200);
  await page.getByRole('group', { name: 'Timeline' }).screenshot({ path: shot('timeline-stress') });
  expect(errors).toEqual([]);
});

test('an hour of virtual time: the timeline opens on it, zooms, and jumps, staying bounded', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectErrors(page);
  // A link that opens one hour into the run (the worker computes the whole hour first).
  await page.goto('./#lib=raft-leader-crash&at=3600000');
  await expect.poll(() => virtualTime(page), { timeout: 60_000 }).toBe(3_600_000);
  await expect(page.getByRole('group', { name: 'Timeline' }).getByText(/^Showing 0\.000 s – 3600\.000 s$/)).toBeVisible();
  expect(await markers(page).getByRole('button').count()).toBeLessThanOrEqual(200);
  // Zooming and jumping answer at once (each is one worker call and one paint).
  for (let i = 0; i < 12; i++) await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
  await expect.poll(() => windowSpanMs(page)).toBeLessThan(2000);
  await page.getByRole('button', { name: 'Show all', exact: true }).click();
  await expect.poll(() => windowSpanMs(page)).toBe(3_600_000);
  await slider(page).focus();
  await page.keyboard.press('Home');
  await expect.poll(() => virtualTime(page)).toBe(0);
  // The first seconds are one cluster of marks in an hour-wide view: open it until S3's win shows.
  const win = markers(page).getByRole('button', { name: '1.216 s: S3 wins term 2', exact: true });
  for (let i = 0; i < 6 && (await win.count()) === 0; i++) {
    await markers(page).getByRole('button', { name: /^\d+ marks from 0\./ }).first().click();
  }
  await expect(win).toHaveCount(1);
  await win.click();
  await expect(page.getByRole('status')).toHaveText('Leader: S3, term 2');
  // End on the slider: back to the furthest point reached, the hour.
  await slider(page).focus();
  await page.keyboard.press('End');
  await expect.poll(() => virtualTime(page)).toBe(3_600_000);
  expect(errors).toEqual([]);
});

for (const theme of ['light', 'dark'] as const) {
  test(`the timeline reads well in the ${theme} theme`, async ({ page }) => {
    const errors = collectErrors(page);
    await page.goto('./#lib=raft-split-brain-5');
    await waitForReady(page);
    await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
    await seekTo(page, 6000);
    await nodeAction(page, 2, 'Crash');
    await seekTo(page, 7000);
    await expect(markers(page).getByRole('button').first()).toBeVisible();
    // Back at 4 s: 4–7 s is the future already reached, painted lighter; its marks are still there.
    await seekTo(page, 4000);
    await expect(markers(page).getByRole('button', { name: /You: S2 crashes$/ })).toHaveCount(1);
    await snapshot(page, `timeline-${theme}`, false);
    await page.getByRole('group', { name: 'Timeline' }).screenshot({ path: shot(`timeline-${theme}-strip`) });
    await brushTimeline(page, 0, 3000);
    await page.getByRole('group', { name: 'Timeline' }).screenshot({ path: shot(`timeline-${theme}-zoomed`) });
    expect(errors).toEqual([]);
  });
}

test('the timeline speaks 中文', async ({ page }) => {
  const errors = collectErrors(page);
  await openFirstElection(page);
  await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: '中文' });
  const zhMarkers = page.getByRole('toolbar', { name: '时间轴标记' });
  await expect(zhMarkers.getByRole('button', { name: '0.225 s：S3 赢得任期 1 的选举' })).toHaveCount(1);
  await expect(page.getByRole('button', { name: '放大', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '显示全部' })).toBeVisible();
  await page.getByRole('group', { name: '时间轴' }).screenshot({ path: shot('timeline-zh') });
  expect(errors).toEqual([]);
});

function shot(name: string): string {
  mkdirSync('e2e-artifacts', { recursive: true });
  return `e2e-artifacts/${name}.png`;
}
