import { expect, test, type Locator, type Page } from '@playwright/test';
import { collectErrors, downloadText, openScenarioTab, waitForReady } from './helpers';

/**
 * Motion between the worker's frames is the compositor's: messages in flight and the scrolling
 * space-time diagram are Web Animations kept in step with the virtual clock, and while a Raft
 * run plays the page's own code asks for no animation frames at all.
 */

/** Counts requestAnimationFrame calls made by the page's code (installed before the app loads). */
const COUNT_RAF = `
  window.__rafCalls = 0;
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb) => { window.__rafCalls++; return raf(cb); };
`;

type MessageAnimation = { state: string; rate: number; progress: number };

test('while playing, messages glide as animations at the playback speed, short flights are placed, and the app requests no animation frames', async ({ page }) => {
  const errors = collectErrors(page);
  await page.addInitScript({ content: COUNT_RAF });
  await page.goto('/#lib=raft-first-election');
  await waitForReady(page);
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('0.1');
  await page.getByRole('button', { name: 'Play', exact: true }).click();

  // At 0.1× a message flies 100–300 ms: it glides on the compositor, its clock at the speed.
  const sampled = await page.evaluate(
    () =>
      new Promise<MessageAnimation[]>((resolve) => {
        const started = performance.now();
        const look = () => {
          const found = [...document.querySelectorAll('g.message')].flatMap((g) =>
            g.getAnimations().map((a) => ({ state: a.playState, rate: a.playbackRate, progress: Number(a.effect?.getComputedTiming().progress ?? -1) })),
          );
          if (found.some((a) => a.state === 'running') || performance.now() - started > 5000) resolve(found);
          else setTimeout(look, 5);
        };
        look();
      }),
  );
  const running = sampled.filter((a) => a.state === 'running');
  expect(running.length).toBeGreaterThan(0);
  for (const a of running) {
    expect(a.rate).toBe(0.1);
    expect(a.progress).toBeGreaterThanOrEqual(0);
    expect(a.progress).toBeLessThanOrEqual(1);
  }

  // At 1× a message flies 10–30 ms, less than two frames: it is placed where the frame has it, not animated.
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('1');
  await expect(page.getByRole('status')).toContainText('Leader: S3', { timeout: 15_000 });
  const placed = await page.evaluate(
    () =>
      new Promise<{ transform: string | null; animations: number }[]>((resolve) => {
        const started = performance.now();
        const look = () => {
          const found = [...document.querySelectorAll('g.message')].map((g) => ({ transform: g.getAttribute('transform'), animations: g.getAnimations().length }));
          if (found.length > 0 || performance.now() - started > 3000) resolve(found);
          else setTimeout(look, 5);
        };
        look();
      }),
  );
  expect(placed.length).toBeGreaterThan(0);
  for (const m of placed) {
    expect(m.transform).toMatch(/^translate\(-?[\d.]+ -?[\d.]+\)$/);
    expect(m.animations).toBe(0);
  }
  // One second of playing: the app's code scheduled no animation frame (the worker's frames drive it).
  const rafBefore = await page.evaluate(() => (window as unknown as { __rafCalls: number }).__rafCalls);
  await page.waitForTimeout(1000);
  const rafAfter = await page.evaluate(() => (window as unknown as { __rafCalls: number }).__rafCalls);
  expect(rafAfter - rafBefore).toBe(0);

  // Slower again: new messages glide with their clocks at the new speed.
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('0.1');
  await expect
    .poll(() => page.evaluate(() => [...document.querySelectorAll('g.message')].flatMap((g) => g.getAnimations().filter((a) => a.playState === 'running').map((a) => a.playbackRate))), { timeout: 5000 })
    .toContainEqual(0.1);

  // Paused, a message holds exactly where the frame's time puts it.
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  const held = await page.evaluate(() => [...document.querySelectorAll('g.message')].flatMap((g) => g.getAnimations().map((a) => a.playState)));
  expect(held.every((s) => s === 'paused')).toBe(true);
  expect(errors).toEqual([]);
});

/** Plays the first election at 1× until the diagram's 1-s window scrolls (the present pinned at 85 %); returns the diagram. */
async function playUntilTheDiagramScrolls(page: Page): Promise<Locator> {
  await page.goto('/#lib=raft-first-election');
  await waitForReady(page);
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('1');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(async () => Number(await page.getByRole('slider', { name: 'Time' }).inputValue()), { timeout: 15_000 }).toBeGreaterThan(1500);
  return page.getByRole('img', { name: /Space-time diagram/ });
}

test('the space-time diagram slides between frames while the window scrolls, and stands still when paused', async ({ page }) => {
  const errors = collectErrors(page);
  const diagram = await playUntilTheDiagramScrolls(page);
  await expect.poll(() => diagram.evaluate((c) => c.getAnimations().filter((a) => a.playState === 'running').length)).toBeGreaterThan(0);
  // One slide carries the picture across many frames (redraws are offset by it, not started over):
  // in 400 ms, about a dozen frames, at most two runs of the slide are seen.
  const runs = await diagram.evaluate(
    (c) =>
      new Promise<number>((resolve) => {
        const seen = new Set<Animation>();
        const started = performance.now();
        const look = () => {
          for (const a of c.getAnimations()) seen.add(a);
          if (performance.now() - started > 400) resolve(seen.size);
          else setTimeout(look, 10);
        };
        look();
      }),
  );
  expect(runs).toBeGreaterThan(0);
  expect(runs).toBeLessThanOrEqual(2);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect.poll(() => diagram.evaluate((c) => c.getAnimations().length)).toBe(0);
  // The picture is back in place: clicking at the present's line seeks (near) the shown time.
  expect(await diagram.evaluate((c) => getComputedStyle(c).transform)).toBe('none');
  expect(errors).toEqual([]);
});

test('clicking the sliding diagram at the present\'s line seeks to the present, however far the picture has slid', async ({ page }) => {
  const errors = collectErrors(page);
  const diagram = await playUntilTheDiagramScrolls(page);
  const slider = page.getByRole('slider', { name: 'Time' });
  // Several clicks, each at a different point of the slide's run.
  for (let i = 0; i < 3; i++) {
    await page.waitForTimeout(170);
    const box = await diagram.evaluate((c) => {
      const r = c.parentElement!.getBoundingClientRect();
      return { left: r.left, top: r.top, width: r.width, height: r.height };
    });
    // The present is pinned at 85 % of the window, between the 34-px and 10-px margins.
    const nowX = box.left + 34 + (box.width - 44) * 0.85;
    // The time shown when the press arrives (read in the page then: on a busy machine the run
    // plays on between a read from here and the click).
    await page.evaluate(() => {
      const w = window as unknown as { timeAtPress?: number };
      delete w.timeAtPress;
      const read = () => (w.timeAtPress = Number(document.querySelector<HTMLInputElement>('input[type=range]')?.value));
      // Both fire at the press, before the seek it makes can answer.
      window.addEventListener('pointerdown', read, { capture: true, once: true });
      window.addEventListener('mousedown', read, { capture: true, once: true });
    });
    await page.mouse.click(nowX, box.top + box.height / 2);
    const before = await page.evaluate(() => (window as unknown as { timeAtPress?: number }).timeAtPress ?? Number.NaN);
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
    const after = Number(await slider.inputValue());
    // Near the time shown: on a loaded machine the picture may trail the clock by a frame or two
    // (here up to about 220 ms), while not counting the slide would be off by up to the slide's
    // 120 px, about 1.4 s of this window.
    expect(Math.abs(after - before)).toBeLessThan(400);
    await page.getByRole('button', { name: 'Play', exact: true }).click();
  }
  expect(errors).toEqual([]);
});

test('a message in flight is exported as an SVG where it is drawn, not at its animation\'s origin', async ({ page }) => {
  await page.goto('/#lib=raft-first-election');
  await waitForReady(page);
  while ((await page.locator('g.message').count()) === 0) await page.getByRole('button', { name: 'Step', exact: true }).click();
  // Halfway along its link, paused: its transform comes from the animation only.
  const live = await page.locator('g.message').first().evaluate((g) => ({ attribute: g.getAttribute('transform'), computed: getComputedStyle(g).transform }));
  expect(live.attribute).toBeNull();
  expect(live.computed).toMatch(/^matrix\(/);
  await openScenarioTab(page);
  const svg = await downloadText(page, () => page.getByRole('button', { name: 'Cluster as SVG' }).click());
  const exported = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    // A message's group is the one holding its drop hint (a <title>) and its tag (a <rect>).
    return [...doc.querySelectorAll('g')].filter((g) => g.querySelector(':scope > title') && g.querySelector(':scope > rect')).map((g) => g.getAttribute('transform'));
  }, svg.text);
  expect(exported).toContain(live.computed);
});
