import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync, strToU8 } from 'fflate';
import { collectErrors, dragNodeOut, drawPartitionLine, eventCount, nodeAction, openScenarioTab, runUntilLeader, seekTo, statusLeader, virtualTime } from './helpers';

/*
 * Time you can trust: what you see is what you act on. Each test is a finding of the audit,
 * replayed as a user would, through accessible names in real Chromium.
 */

const narration = (page: Page) => page.getByRole('log', { name: 'Narration' });
const traceHash = async (page: Page) => (await page.getByRole('note', { name: 'Trace hash' }).textContent()) ?? '';
const stepButton = (page: Page) => page.getByRole('button', { name: 'Step', exact: true });

async function openFirstElection(page: Page, extra = ''): Promise<void> {
  await page.goto(`./#lib=raft-first-election${extra}`);
  await expect(page.getByRole('status')).not.toHaveText('Starting the simulation…');
}

/** `S3 wins …` comes before `Action: S3 crashes.` in the narration feed. */
async function expectInOrder(page: Page, first: string, then: string): Promise<void> {
  await expect(narration(page)).toContainText(then);
  const text = (await narration(page).textContent()) ?? '';
  expect(text.indexOf(first)).toBeGreaterThanOrEqual(0);
  expect(text.indexOf(first)).toBeLessThan(text.indexOf(then));
}

test.describe('actions act on the event shown', () => {
  test('crash right after Run until leader: the win stays in the narration and the leader crashes', async ({ page }) => {
    const errors = collectErrors(page);
    await openFirstElection(page);
    expect(await runUntilLeader(page)).toEqual({ id: 3, term: 1 });
    expect(await virtualTime(page)).toBe(225);
    await nodeAction(page, 3, 'Crash');
    await expect(page.getByRole('button', { name: 'S3, down, term 1' })).toBeVisible();
    await expectInOrder(page, 'S3 wins the election for term 1', 'Action: S3 crashes.');
    await expect(page.getByRole('status')).toHaveText('No leader');
    // The editor shows where the crash landed: after the events of 225 ms that were on screen.
    await openScenarioTab(page);
    await expect(page.getByRole('textbox', { name: 'Scenario JSON' })).toHaveValue(/"at": 225,\s*"after": 2,\s*"do": "crash",\s*"node": 3/);
    expect(errors).toEqual([]);
  });

  test('a client request right after the win is taken by the leader S3', async ({ page }) => {
    await openFirstElection(page);
    await runUntilLeader(page);
    await nodeAction(page, 3, 'Client request');
    await expectInOrder(page, 'S3 wins the election for term 1', 'S3, the leader of term 1, appends the client’s “x=');
    await expect(narration(page)).not.toContainText('S3 (candidate');
    await expect(page.getByRole('status')).toHaveText('Leader: S3, term 1');
  });

  test('a partition line drawn right after the win leaves S3 leading', async ({ page }) => {
    await openFirstElection(page);
    await runUntilLeader(page);
    await drawPartitionLine(page);
    await expect(narration(page)).toContainText('Action: the network is partitioned');
    await expect(page.getByRole('status')).toHaveText('Leader: S3, term 1');
    await expect(page.getByRole('button', { name: 'S3, leader, term 1' })).toBeVisible();
  });

  test('stepping 21 times to the win and crashing there is the same run as Run until leader, and the CLI replays it', async ({ page }) => {
    await openFirstElection(page);
    await runUntilLeader(page);
    await nodeAction(page, 3, 'Crash');
    const viaRunUntil = await traceHash(page);

    await openFirstElection(page);
    await page.reload();
    await expect(page.getByRole('status')).toHaveText('No leader');
    for (let i = 0; i < 21; i++) await stepButton(page).click();
    await expect(page.getByRole('status')).toHaveText('Leader: S3, term 1');
    await nodeAction(page, 3, 'Crash');
    await expectInOrder(page, 'S3 wins the election for term 1', 'Action: S3 crashes.');
    await expect.poll(() => traceHash(page)).toBe(viaRunUntil);

    // The recorded scenario, run headless to the same time, gives the same trace hash.
    await seekTo(page, 1000);
    await openScenarioTab(page);
    const file = join(mkdtempSync(join(tmpdir(), 'position-')), 'scenario.json');
    writeFileSync(file, await page.getByRole('textbox', { name: 'Scenario JSON' }).inputValue());
    const report = JSON.parse(execFileSync('npx', ['tsx', 'src/cli/main.ts', 'run', file, '--until', '1000', '--json'], { encoding: 'utf8' })) as { traceHash: string };
    expect(report.traceHash).toBe(await traceHash(page));
  });
});

test('Step back and the ← key go to exactly the previous event; Shift+arrows, PageUp/PageDown, Home and End move in time', async ({ page }) => {
  await openFirstElection(page);
  const seen: { events: number; ms: number }[] = [];
  for (let i = 0; i < 24; i++) {
    await stepButton(page).click();
    await expect.poll(() => eventCount(page)).toBe(2 + i);
    seen.push({ events: await eventCount(page), ms: await virtualTime(page) });
  }
  // Several events share a millisecond here (the win at 225 ms is one of them).
  expect(new Set(seen.map((s) => s.ms)).size).toBeLessThan(seen.length);
  await page.getByRole('button', { name: 'Step back' }).click();
  await expect.poll(() => eventCount(page)).toBe(seen[22].events);
  for (let i = 21; i >= 12; i--) {
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => eventCount(page)).toBe(seen[i].events);
    expect(await virtualTime(page)).toBe(seen[i].ms);
  }
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => eventCount(page)).toBe(seen[13].events);
  const t = await virtualTime(page);
  await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => virtualTime(page)).toBe(t + 100);
  await page.keyboard.press('PageUp');
  await expect.poll(() => virtualTime(page)).toBe(t + 1100);
  await page.keyboard.press('PageDown');
  await expect.poll(() => virtualTime(page)).toBe(t + 100);
  await page.keyboard.press('Shift+ArrowLeft');
  await expect.poll(() => virtualTime(page)).toBe(t);
  await page.keyboard.press('Home');
  await expect.poll(() => virtualTime(page)).toBe(0);
  await expect(page.getByRole('button', { name: 'Step back' })).toBeDisabled();
  await page.keyboard.press('End');
  await expect.poll(() => virtualTime(page)).toBe(t + 1100);
});

test('Next change, Next delivery and Run until leader stop after 60 s of virtual time and say nothing happened', async ({ page }) => {
  await openFirstElection(page, '&at=304');
  await expect.poll(() => virtualTime(page)).toBe(304);
  await page.getByRole('button', { name: 'Next change' }).click();
  await expect(page.getByText('No node’s state changed within 60 s of virtual time (0.304 s → 60.304 s).')).toBeVisible();
  expect(await virtualTime(page)).toBe(60_304);
  await page.getByRole('button', { name: 'Run until leader' }).click();
  await expect(page.getByText('No new leader within 60 s of virtual time (60.304 s → 120.304 s).')).toBeVisible();
  expect(await virtualTime(page)).toBe(120_304);
  // With every server down nothing can happen at all.
  const scenario = { version: 1, protocol: 'raft', nodes: 1, init: { '1': { up: false } } };
  const file = join(mkdtempSync(join(tmpdir(), 'quiet-')), 'scenario.json');
  writeFileSync(file, JSON.stringify(scenario));
  const hash = execFileSync('npx', ['tsx', 'src/cli/main.ts', 'url', file], { encoding: 'utf8' }).trim().slice(1);
  await page.goto(`./${hash}`);
  await expect(page.getByRole('status')).toHaveText('No leader');
  await page.getByRole('button', { name: 'Next delivery' }).click();
  await expect(page.getByText('Nothing more happens in this run: no event is pending.')).toBeVisible();
});

test.describe('links that keep the moment', () => {
  test('Share keeps the moment, the selected node, the open tab and the library note; the link opens there, paused', async ({ page, context }) => {
    await openFirstElection(page);
    await runUntilLeader(page);
    await nodeAction(page, 2, 'Inspect');
    await expect(page.getByRole('tab', { name: 'Inspector' })).toHaveAttribute('aria-selected', 'true');
    await page.getByRole('button', { name: 'Share' }).click();
    const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
    expect(link).toMatch(/#at=225&lib=raft-first-election&node=2&tab=inspector$/);

    const opened = await context.newPage();
    await opened.goto(link);
    await expect(opened.getByRole('status')).toHaveText('Leader: S3, term 1');
    expect(await virtualTime(opened)).toBe(225);
    await expect(opened.getByRole('button', { name: 'Play' })).toBeVisible();
    await expect(opened.getByRole('complementary', { name: 'What to watch' })).toContainText('randomized election timeouts');
    await expect(opened.getByRole('tab', { name: 'Inspector' })).toHaveAttribute('aria-selected', 'true');
    await expect(opened.getByRole('tabpanel')).toContainText('Node S2');
    // Stays paused.
    await opened.waitForTimeout(400);
    expect(await virtualTime(opened)).toBe(225);
  });

  test('the address bar follows the recorded run, so a reload restores the work at its moment', async ({ page }) => {
    await openFirstElection(page);
    await seekTo(page, 700);
    await nodeAction(page, 4, 'Crash');
    await seekTo(page, 900);
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#s=2\.[A-Za-z0-9_-]+\.[0-9a-f]{8}&at=900&lib=raft-first-election&node=4$/);
    const historyLength = await page.evaluate(() => history.length);
    await page.reload();
    await expect.poll(() => virtualTime(page)).toBe(900);
    await expect(page.getByRole('button', { name: /^S4, down/ })).toBeVisible();
    await expect(page.getByRole('complementary', { name: 'What to watch' })).toBeVisible();
    await openScenarioTab(page);
    await expect(page.getByRole('textbox', { name: 'Scenario JSON' })).toHaveValue(/"do": "crash",\s*"node": 4/);
    // Replaced, never pushed: Back does not walk through every step.
    expect(await page.evaluate(() => history.length)).toBe(historyLength);
  });

  test('a link with one character changed is refused with a clear alert and the default scenario runs; old links still open', async ({ page }) => {
    const scenario = JSON.parse(readFileSync('examples/raft-split-brain-5.json', 'utf8')) as { title: string };
    const file = join(mkdtempSync(join(tmpdir(), 'checksum-')), 'scenario.json');
    writeFileSync(file, JSON.stringify(scenario));
    const hash = execFileSync('npx', ['tsx', 'src/cli/main.ts', 'url', file], { encoding: 'utf8' }).trim().slice(1);
    const middle = Math.floor(hash.length / 2);
    const damaged = `${hash.slice(0, middle)}${hash[middle] === 'A' ? 'B' : 'A'}${hash.slice(middle + 1)}`;
    await page.goto(`./${damaged}`);
    await expect(page.getByRole('alert')).toContainText('its checksum does not match (a character was changed, added or lost)');
    await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
    await expect(page.getByRole('complementary', { name: 'What to watch' })).toContainText('randomized election timeouts');
    // A link of the format before checksums (codec 1) opens as it always did.
    const version1 = `1.${Buffer.from(deflateSync(strToU8(JSON.stringify(scenario)))).toString('base64url')}`;
    await page.goto(`./#s=${version1}`);
    await page.reload();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.getByText(scenario.title)).toBeVisible();
  });
});

test.describe('honest branching, with undo', () => {
  test('acting at the furthest point reached says nothing is gone', async ({ page }) => {
    await openFirstElection(page);
    await seekTo(page, 1000);
    // Drag S5 out of the cluster: a partition at 1 s, with nothing ahead of it.
    await dragNodeOut(page, 5);
    await expect(narration(page)).toContainText('Action: the network is partitioned');
    await expect(page.getByText(/is replaced from here on/)).toHaveCount(0);
  });

  test('acting in the past says what is replaced; Undo and Ctrl+Z bring that future back exactly', async ({ page }) => {
    await openFirstElection(page);
    await seekTo(page, 2000);
    await nodeAction(page, 1, 'Crash');
    await seekTo(page, 3000);
    const reachedHash = await traceHash(page);
    await seekTo(page, 1000);
    await nodeAction(page, 2, 'Crash');
    await expect(page.getByText('You acted at 1.000 s: 1 later action of yours was discarded, and the run you had reached up to 3.000 s is replaced from here on.')).toBeVisible();
    await expect(page.getByRole('button', { name: /^S2, down/ })).toBeVisible();
    await page.getByRole('button', { name: 'Undo: bring that future back' }).click();
    await expect(page.getByText(/is replaced from here on/)).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^S2, down/ })).toHaveCount(0);
    await page.keyboard.press('End');
    await expect.poll(() => virtualTime(page)).toBe(3000);
    expect(await traceHash(page)).toBe(reachedHash);
    await expect(page.getByRole('button', { name: /^S1, down/ })).toBeVisible();

    // The same with the keyboard: act in the past again, then Ctrl+Z.
    await seekTo(page, 1000);
    await nodeAction(page, 2, 'Crash');
    await expect(page.getByText(/is replaced from here on/)).toBeVisible();
    await page.keyboard.press('Control+z');
    await expect(page.getByText(/is replaced from here on/)).toHaveCount(0);
    await page.keyboard.press('End');
    await expect.poll(() => virtualTime(page)).toBe(3000);
    expect(await traceHash(page)).toBe(reachedHash);
  });
});

test('the node menu disables what cannot apply, with the reason as its description', async ({ page }) => {
  await openFirstElection(page);
  await page.getByRole('button', { name: /^S3,/ }).click();
  const menu = page.getByRole('menu');
  await expect(menu.getByRole('menuitem', { name: 'Restart' })).toHaveAttribute('aria-disabled', 'true');
  await expect(menu.getByRole('menuitem', { name: 'Restart' })).toHaveAccessibleDescription('S3 is running: crash it first.');
  await expect(menu.getByRole('menuitem', { name: 'Resume' })).toHaveAccessibleDescription('S3 is not paused.');
  await expect(menu.getByRole('menuitem', { name: 'Crash' })).not.toHaveAttribute('aria-disabled', 'true');
  // A disabled item does nothing.
  await menu.getByRole('menuitem', { name: 'Restart' }).click({ force: true });
  await expect(menu).toBeVisible();
  await page.keyboard.press('Escape');

  await nodeAction(page, 3, 'Pause');
  await page.getByRole('button', { name: /^S3,/ }).click();
  await expect(menu.getByRole('menuitem', { name: 'Pause' })).toHaveAccessibleDescription('S3 is already paused.');
  await expect(menu.getByRole('menuitem', { name: 'Resume' })).not.toHaveAttribute('aria-disabled', 'true');
  await menu.getByRole('menuitem', { name: 'Crash' }).click();
  await expect(page.getByRole('button', { name: /^S3, down/ })).toBeVisible();
  await page.getByRole('button', { name: /^S3,/ }).click();
  await expect(menu.getByRole('menuitem', { name: 'Crash' })).toHaveAccessibleDescription('S3 is already down.');
  await expect(menu.getByRole('menuitem', { name: 'Pause' })).toHaveAccessibleDescription('S3 is down: there is no process to pause.');
  await expect(menu.getByRole('menuitem', { name: 'Time out' })).toHaveAccessibleDescription('S3 is down: it has no election timer.');
  await expect(menu.getByRole('menuitem', { name: 'Restart' })).not.toHaveAttribute('aria-disabled', 'true');
});

test('embed mode: a status line and the note, node menus without Inspect, and “Open in the simulator” carries the actions and the moment', async ({ page, context }) => {
  const errors = collectErrors(page);
  await page.goto('./?embed=1#lib=raft-first-election');
  await expect(page.getByRole('status')).toHaveText('No leader');
  await expect(page.getByRole('complementary', { name: 'What to watch' })).toBeVisible();
  expect(await runUntilLeader(page)).toEqual({ id: 3, term: 1 });
  await page.getByRole('button', { name: /^S3,/ }).click();
  await expect(page.getByRole('menu').getByRole('menuitem', { name: 'Inspect' })).toHaveCount(0);
  await page.getByRole('menu').getByRole('menuitem', { name: 'Crash' }).click();
  await expect(page.getByRole('status')).toHaveText('No leader');
  const [popup] = await Promise.all([context.waitForEvent('page'), page.getByRole('link', { name: 'Open in the simulator' }).click()]);
  await popup.waitForLoadState();
  expect(new URL(popup.url()).searchParams.get('embed')).toBeNull();
  await expect(popup.getByRole('banner')).toBeVisible();
  await expect.poll(() => virtualTime(popup)).toBe(225);
  await expect(popup.getByRole('button', { name: 'S3, down, term 1' })).toBeVisible();
  expect(await statusLeader(popup)).toBeNull();
  await expect(popup.getByRole('complementary', { name: 'What to watch' })).toBeVisible();
  expect(errors).toEqual([]);
});
