import { expect, test } from '@playwright/test';
import { createSimulation } from '../src/sim/create';
import { shareHash } from '../src/sim/scenario/codec';
import { defaultScenario } from '../src/sim/scenario/library/defaultScenario';
import type { Scenario } from '../src/sim/scenario/schema';
import { collectErrors, eventCount, seekTo, snapshot, virtualTime } from './helpers';

test('the page starts the worker; playing advances the virtual clock and the event count', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('./');
  await expect(page.getByRole('status')).toHaveText(/No leader|Leader: S\d, term \d+/);
  expect(await virtualTime(page)).toBe(0);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('status')).toHaveText(/^Leader: S\d, term \d+$/, { timeout: 20_000 });
  await page.getByRole('button', { name: 'Pause' }).click();
  expect(await virtualTime(page)).toBeGreaterThan(0);
  expect(await eventCount(page)).toBeGreaterThan(0);
  await expect(page.getByRole('button', { name: /^S\d, leader, term \d+$/ })).toHaveCount(1);
  await snapshot(page, 'shell-raft-leader');
  expect(errors).toEqual([]);
});

test('Step advances exactly one event; the keyboard plays, pauses and steps', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('note', { name: 'Events' })).toHaveText(/events/);
  const before = await eventCount(page);
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(() => eventCount(page)).toBe(before + 1);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => eventCount(page)).toBe(before + 2);
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
});

test('the worker computes the same traceHash as Node for the same scenario and time', async ({ page }) => {
  const scenario: Scenario = { ...defaultScenario, seed: 77, events: [{ at: 800, do: 'crash', node: 2 }, { at: 1500, do: 'restart', node: 2 }] };
  const node = createSimulation(scenario);
  node.runUntil(3000);
  await page.goto(`./${shareHash(scenario)}`);
  await expect(page.getByRole('status')).toBeVisible();
  await seekTo(page, 3000);
  await expect(page.getByRole('note', { name: 'Trace hash' })).toHaveText(node.traceHash());
  // Twice: seeking back and forth in the worker lands on the same hash again.
  await seekTo(page, 1200);
  await seekTo(page, 3000);
  await expect(page.getByRole('note', { name: 'Trace hash' })).toHaveText(node.traceHash());
});

test('a node menu offers the Contract 3 actions, and crashing marks the node down', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: /^S3,/ }).click();
  const menu = page.getByRole('menu');
  for (const item of ['Crash', 'Restart', 'Pause', 'Time out', 'Client request']) {
    await expect(menu.getByRole('menuitem', { name: item })).toBeVisible();
  }
  await menu.getByRole('menuitem', { name: 'Crash' }).click();
  await expect(page.getByRole('button', { name: /^S3, down/ })).toBeVisible();
});

test('a malformed share link says what is wrong and runs the default scenario', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('./#s=1.not-a-real-link');
  await expect(page.getByRole('alert')).toContainText('This share link could not be opened');
  await expect(page.getByRole('alert')).toContainText(/damaged|truncated/);
  await expect(page.getByRole('heading', { name: defaultScenario.title })).toBeVisible();
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => virtualTime(page)).toBeGreaterThan(0);
  await snapshot(page, 'shell-bad-link');
  expect(errors).toEqual([]);
});

test('scenario text is shown as text, never as HTML', async ({ page }) => {
  const scenario: Scenario = { ...defaultScenario, title: '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>' };
  await page.goto(`./${shareHash(scenario)}`);
  await expect(page.getByRole('heading', { name: scenario.title })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page.locator('img')).toHaveCount(0);
});

test('Share puts a link in the Share link textbox that replays the same run', async ({ page, context }) => {
  await page.goto('./');
  await page.getByRole('button', { name: /^S1,/ }).click();
  await page.getByRole('menuitem', { name: 'Crash' }).click();
  await seekTo(page, 2000);
  await page.getByRole('button', { name: 'Share' }).click();
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  expect(link).toContain('#s=2.');
  const hash = await page.getByRole('note', { name: 'Trace hash' }).textContent();
  const other = await context.newPage();
  await other.goto(link);
  await seekTo(other, 2000);
  await expect(other.getByRole('note', { name: 'Trace hash' })).toHaveText(hash ?? '');
});
