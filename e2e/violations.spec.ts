import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { shareHash } from '../src/sim/scenario/codec';
import type { Scenario } from '../src/sim/scenario/schema';
import { collectErrors, seekTo, snapshot, virtualTime } from './helpers';

test('an invariant violation appears as an alert that jumps to its moment', async ({ page }) => {
  const errors = collectErrors(page);
  const scenario = JSON.parse(readFileSync('examples/raft-unsafe-quorum-half.json', 'utf8')) as Scenario;
  await page.goto(`./${shareHash(scenario)}`);
  await expect(page.getByRole('heading', { name: scenario.title })).toBeVisible();
  await seekTo(page, 2000);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Election Safety: S1 and S3 are both leaders in term 1');
  await expect(alert).toContainText('State Machine Safety');
  await alert.getByRole('button', { name: 'Go to 0.049 s' }).click();
  await expect.poll(() => virtualTime(page)).toBe(49);
  await expect(page.getByRole('button', { name: 'S1, leader, term 1' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'S3, leader, term 1' })).toBeVisible();
  await expect(page.getByRole('log', { name: 'Narration' })).toContainText('Election Safety');
  await snapshot(page, 'raft-violation');
  expect(errors).toEqual([]);
});
