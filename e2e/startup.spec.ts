import { expect, test } from '@playwright/test';
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
  // Many lines later: the last one is inside the box, at its bottom.
  await seekTo(page, 3000);
  // The last lines come first and the older ones right after them (all that the window keeps).
  await expect.poll(() => log.locator('li').count()).toBeGreaterThan(30);
  const fits = await box.evaluate((b) => {
    const lines = b.querySelectorAll('li');
    const last = lines[lines.length - 1].getBoundingClientRect();
    const frame = b.getBoundingClientRect();
    return { overflow: b.scrollHeight > b.clientHeight, lastBottom: Math.round(last.bottom), boxBottom: Math.round(frame.bottom), lastTop: last.top >= frame.top };
  });
  expect(fits.overflow).toBe(true);
  expect(Math.abs(fits.lastBottom - fits.boxBottom)).toBeLessThanOrEqual(2);
  expect(fits.lastTop).toBe(true);
});
