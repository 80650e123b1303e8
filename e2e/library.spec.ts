import { expect, test } from '@playwright/test';
import { shareHash } from '../src/sim/scenario/codec';
import { collectErrors, seekTo, snapshot, virtualTime } from './helpers';
import { libraryEntry } from './library';

test('a library scenario opened by link plays to its outcome, with its "what to watch"', async ({ page }) => {
  const errors = collectErrors(page);
  const entry = libraryEntry('raft-split-brain-5');
  await page.goto(`./${shareHash(entry.scenario)}`);
  await expect(page.getByRole('heading', { level: 2, name: entry.scenario.title })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'What to watch' })).toContainText(entry.watch.en.slice(0, 40));
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('25');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => virtualTime(page), { timeout: 20_000 }).toBeGreaterThan(entry.until);
  await page.getByRole('button', { name: 'Pause' }).click();
  await seekTo(page, entry.until);
  // The outcome the library promises: S5 leads term 2 (the 3-node room), and no invariant broke.
  await expect(page.getByRole('status')).toHaveText('Leader: S5, term 2');
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('the library dialog lists the scenarios by protocol; choosing one loads it', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Library' }).click();
  const dialog = page.getByRole('dialog', { name: 'Scenario library' });
  await expect(dialog).toBeVisible();
  for (const heading of ['Raft: elections and replication', 'ZooKeeper (ZAB)', 'Gossip and SWIM']) {
    await expect(dialog.getByRole('heading', { level: 3, name: heading })).toBeVisible();
  }
  const entry = libraryEntry('raft-figure8-unsafe');
  await expect(dialog.getByText(entry.watch.en)).toBeVisible();
  await snapshot(page, 'library-dialog', false);
  await dialog.getByRole('button', { name: entry.title.en }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 2, name: entry.scenario.title })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'What to watch' })).toBeVisible();
  // The address names the entry, so a reload (or a copied address) opens it again.
  expect(new URL(page.url()).hash).toBe(`#lib=${entry.id}`);
  await seekTo(page, entry.until);
  await expect(page.getByRole('alert')).toContainText('Leader Completeness');
  // `#lib=<id>` names a built-in scenario too.
  await page.goto('./#lib=zab-startup');
  await expect(page.getByRole('heading', { level: 2, name: libraryEntry('zab-startup').scenario.title })).toBeVisible();
});
