import { expect, test } from '@playwright/test';
import { collectErrors, loadProtocol, snapshot } from './helpers';

test('gossip: the rumor reaches every live node and the crashed node is declared dead', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('./');
  await loadProtocol(page, 'gossip');
  const summary = page.getByRole('note', { name: 'Gossip summary' });
  await expect(summary).toHaveText('Informed 0 of 24 live nodes · suspected 0 · dead 0');
  await expect(page.getByRole('status')).toHaveText('No leader');
  await expect(page.getByRole('button', { name: /^S\d+, alive$/ })).toHaveCount(24);
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('10');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(summary).toHaveText('Informed 23 of 23 live nodes · suspected 0 · dead 1', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'S24, down, seen dead, informed' }).or(page.getByRole('button', { name: 'S24, down, seen dead' }))).toBeVisible();
  await expect(page.getByRole('tabpanel')).toContainText(/All 23 live nodes informed/);
  await snapshot(page, 'gossip-24-converged');
  expect(errors).toEqual([]);
});

test('gossip at 1,000 nodes is drawn on a canvas and the rumor reaches everyone', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('./');
  await loadProtocol(page, 'gossip', 1000);
  const summary = page.getByRole('note', { name: 'Gossip summary' });
  await expect(summary).toHaveText('Informed 0 of 1000 live nodes · suspected 0 · dead 0');
  await expect(page.getByRole('img', { name: 'Cluster' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('2');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(summary).toContainText('Informed 999 of 999 live nodes', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Pause' }).click();
  // Every node is still a button (Contract 3), in the node list under the canvas.
  await page.getByText('All nodes (1000)').click();
  await page.getByRole('button', { name: 'S7, alive, informed' }).click();
  await expect(page.getByRole('menu', { name: 'S7 actions' })).toBeVisible();
  await page.keyboard.press('Escape');
  await snapshot(page, 'gossip-1000-informed', false);
  expect(errors).toEqual([]);
});
