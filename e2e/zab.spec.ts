import { expect, test } from '@playwright/test';
import { collectErrors, loadProtocol, nodeAction, runUntilLeader, snapshot } from './helpers';

test('ZooKeeper: five servers elect a leader, the others follow, and a write is committed everywhere', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('./');
  await loadProtocol(page, 'zab');
  await expect(page.getByRole('status')).toHaveText('No leader');
  await expect(page.getByRole('button', { name: /^S\d, looking, epoch 0$/ })).toHaveCount(5);
  const leader = await runUntilLeader(page);
  await expect(page.getByRole('status')).toHaveText(`Leader: S${leader.id}, epoch ${leader.term}`);
  await expect(page.getByRole('button', { name: `S${leader.id}, leading, epoch ${leader.term}` })).toBeVisible();
  await expect(page.getByRole('button', { name: new RegExp(`^S\\d, following, epoch ${leader.term}$`) })).toHaveCount(4);
  // Let the followers finish syncing, then write through the leader.
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForTimeout(800);
  await page.getByRole('button', { name: 'Pause' }).click();
  await nodeAction(page, leader.id, 'Client request');
  await page.getByRole('button', { name: 'Play' }).click();
  for (let id = 1; id <= 5; id++) {
    await expect(page.getByRole('listitem', { name: `S${id}: 1 entries, commit index 1` })).toBeVisible();
  }
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.getByRole('tab', { name: 'Statechart' }).click();
  await nodeAction(page, leader.id, 'Inspect');
  await page.getByRole('tab', { name: 'Statechart' }).click();
  await expect(page.locator('.sc-state.live')).toHaveText('leading');
  await snapshot(page, 'zab-leader');
  expect(errors).toEqual([]);
});
