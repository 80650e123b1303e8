import { expect, test, type Page } from '@playwright/test';
import { snapshot, virtualTime } from './helpers';

/*
 * Issue 13: a dead, throwing or stuck worker is reported with what went wrong, and Restart
 * brings the simulation back. The worker's script is replaced for the first load only.
 */

const WORKER_SCRIPT = '**/assets/sim.worker-*.js';

async function breakWorkerOnce(page: Page, body: string): Promise<void> {
  let served = false;
  await page.route(WORKER_SCRIPT, (route) => {
    if (served) return route.continue();
    served = true;
    return route.fulfill({ contentType: 'text/javascript', body });
  });
}

async function restartAndPlay(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Restart the simulation' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('status')).toHaveText('No leader');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => virtualTime(page)).toBeGreaterThan(0);
}

test('a worker that throws is reported with its error; Restart starts the simulation again', async ({ page }) => {
  await breakWorkerOnce(page, 'throw new Error("boom in the worker");');
  await page.goto('./');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The simulation stopped:');
  await expect(alert).toContainText('boom in the worker');
  await snapshot(page, 'worker-crashed', false);
  await restartAndPlay(page);
});

test('a worker that never answers is reported as stuck after 10 s; Restart brings it back', async ({ page }) => {
  test.setTimeout(40_000);
  await breakWorkerOnce(page, 'self.onmessage = () => {};');
  await page.goto('./');
  await expect(page.getByRole('alert')).toContainText('The simulation has not answered for 10 s.', { timeout: 15_000 });
  await restartAndPlay(page);
});
