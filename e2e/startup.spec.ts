import { expect, test } from '@playwright/test';
import { collectErrors, waitForReady } from './helpers';

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
