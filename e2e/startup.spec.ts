import { expect, test, type Locator } from '@playwright/test';
import { collectErrors, seekTo, waitForReady } from './helpers';

/**
 * At startup the cluster is drawn first: the panels around it (the space-time diagram, the tabs,
 * the narration) mount only once the first frame has been painted, so they never hold it up.
 */

/** Records, when the first node appears, which of the later panels were already in the page. */
const WATCH_FIRST_NODE = `
  window.__firstNode = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!document.querySelector('[data-node]')) return;
      observer.disconnect();
      resolve({
        diagram: document.querySelector('.space-time') !== null,
        side: document.querySelector('.col-side')?.childElementCount ?? -1,
        controls: document.querySelector('[role=toolbar]') !== null,
      });
    });
    observer.observe(document, { childList: true, subtree: true });
  });
`;

test('the cluster is drawn before the panels around it mount, and they follow at once', async ({ page }) => {
  const errors = collectErrors(page);
  await page.addInitScript({ content: WATCH_FIRST_NODE });
  await page.goto('/#lib=raft-first-election');
  const atFirstNode = await page.evaluate(() => (window as unknown as { __firstNode: Promise<{ diagram: boolean; side: number; controls: boolean }> }).__firstNode);
  expect(atFirstNode).toEqual({ diagram: false, side: 0, controls: true });
  await waitForReady(page);
  await expect(page.getByRole('img', { name: /Space-time diagram/ })).toBeVisible({ timeout: 2000 });
  await expect(page.getByRole('tab', { name: 'Logs' })).toBeVisible({ timeout: 2000 });
  await expect(page.getByRole('heading', { name: 'Narration' })).toBeVisible({ timeout: 2000 });
  await expect(page.getByRole('note', { name: 'Trace hash' })).not.toBeEmpty();
  expect(errors).toEqual([]);
});

test('a page opened in a background tab (no animation frames) still shows its panels', async ({ page }) => {
  // No animation frame ever comes: the panels come after a short wait instead.
  await page.addInitScript({ content: 'window.requestAnimationFrame = () => 0; window.cancelAnimationFrame = () => {};' });
  await page.goto('/#lib=raft-first-election');
  await expect(page.getByRole('heading', { name: 'Narration' })).toBeVisible({ timeout: 5000 });
  await expect(page.getByRole('img', { name: /Space-time diagram/ })).toBeAttached();
});

test('the narration keeps its latest line in view by itself, and a short one starts at the top', async ({ page }) => {
  await page.goto('/#lib=raft-first-election');
  await waitForReady(page);
  const log = page.getByRole('log', { name: 'Narration' });
  const box = log.locator('..');
  // At the start: a line or two, at the top of the box.
  const top = await box.evaluate((b) => {
    const first = b.querySelector('li')!;
    return first.getBoundingClientRect().top - b.getBoundingClientRect().top;
  });
  expect(top).toBeLessThan(4);
  // Lines arriving one frame after another while playing, then all replaced by a seek: either
  // way the last one is inside the box, at its bottom.
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(() => log.locator('li').count(), { timeout: 10_000 }).toBeGreaterThan(30);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expectLastLineAtBottom(box);
  await seekTo(page, 3000);
  // The last lines come first and the older ones right after them (all that the window keeps).
  await expect.poll(() => log.locator('li').count()).toBeGreaterThan(30);
  await expectLastLineAtBottom(box);
  // On a tablet the panels stack and the box is shorter; it still ends at the latest line.
  await page.setViewportSize({ width: 820, height: 1180 });
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(() => log.locator('li').count(), { timeout: 10_000 }).toBeGreaterThan(30);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expectLastLineAtBottom(box);
  expect(await box.evaluate((b) => b.clientHeight)).toBe(240);
});

async function expectLastLineAtBottom(box: Locator): Promise<void> {
  const fits = await box.evaluate((b) => {
    const lines = b.querySelectorAll('li');
    const last = lines[lines.length - 1].getBoundingClientRect();
    const frame = b.getBoundingClientRect();
    return { overflow: b.scrollHeight > b.clientHeight, lastBottom: Math.round(last.bottom), boxBottom: Math.round(frame.bottom), lastTop: last.top >= frame.top };
  });
  expect(fits.overflow).toBe(true);
  expect(Math.abs(fits.lastBottom - fits.boxBottom)).toBeLessThanOrEqual(2);
  expect(fits.lastTop).toBe(true);
}
