import { expect, test } from '@playwright/test';
import { collectErrors, dragNodeOut, drawPartitionLine, eventCount, nodeAction, runUntilLeader, seekTo, snapshot, statusLeader, virtualTime } from './helpers';

test.describe('Raft', () => {
  let errors: string[] = [];
  test.beforeEach(async ({ page }) => {
    errors = collectErrors(page);
    await page.goto('./');
    await expect(page.getByRole('status')).toHaveText(/No leader|Leader: S\d+, term \d+/);
  });
  test.afterEach(() => {
    expect(errors).toEqual([]);
  });

  test('a leader emerges while playing, drawn as the leader with its term', async ({ page }) => {
    await page.getByRole('button', { name: 'Play' }).click();
    await expect(page.getByRole('status')).toHaveText(/^Leader: S\d+, term \d+$/, { timeout: 20_000 });
    await page.getByRole('button', { name: 'Pause' }).click();
    const leader = (await statusLeader(page))!;
    const node = page.getByRole('button', { name: `S${leader.id}, leader, term ${leader.term}` });
    await expect(node).toBeVisible();
    await expect(node).toHaveAttribute('data-role', 'leader');
    await expect(page.getByRole('button', { name: /^S\d+, follower, term \d+$/ })).toHaveCount(4);
  });

  test('Step advances exactly one event; Next delivery and Next change reach one', async ({ page }) => {
    const before = await eventCount(page);
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => eventCount(page)).toBe(before + 1);
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => eventCount(page)).toBe(before + 2);
    const t = await virtualTime(page);
    await page.getByRole('button', { name: 'Next delivery' }).click();
    await expect.poll(() => eventCount(page)).toBeGreaterThan(before + 2);
    expect(await virtualTime(page)).toBeGreaterThan(t);
    await expect(page.getByRole('log', { name: 'Narration' })).toContainText(/S\d/);
    const events = await eventCount(page);
    await page.getByRole('button', { name: 'Next change' }).click();
    await expect.poll(() => eventCount(page)).toBeGreaterThan(events);
  });

  test('crashing the leader from its menu yields a new leader with a higher term; scrubbing back shows the old one', async ({ page }) => {
    const first = await runUntilLeader(page);
    // Lead a little while first, so that a moment before the crash it already leads.
    await seekTo(page, (await virtualTime(page)) + 200);
    await nodeAction(page, first.id, 'Crash');
    await expect(page.getByRole('button', { name: new RegExp(`^S${first.id}, down`) })).toBeVisible();
    const crashedAt = await virtualTime(page);
    await expect(page.getByRole('status')).toHaveText('No leader');
    const second = await runUntilLeader(page);
    expect(second.id).not.toBe(first.id);
    expect(second.term).toBeGreaterThan(first.term);
    await snapshot(page, 'raft-new-leader');
    // Back before the crash: the old leader leads again, in its old term.
    await seekTo(page, crashedAt - 1);
    await expect(page.getByRole('status')).toHaveText(`Leader: S${first.id}, term ${first.term}`);
    await expect(page.getByRole('button', { name: `S${first.id}, leader, term ${first.term}` })).toBeVisible();
    // Forward again: the crash is still part of the run.
    await seekTo(page, crashedAt + 2000);
    await expect(page.getByRole('status')).toHaveText(`Leader: S${second.id}, term ${second.term}`);
  });

  test('acting in the past branches the run and says what is discarded', async ({ page }) => {
    const first = await runUntilLeader(page);
    await nodeAction(page, first.id, 'Crash');
    await runUntilLeader(page);
    const end = await virtualTime(page);
    await seekTo(page, Math.max(1, Math.floor(end / 4)));
    await nodeAction(page, 1, 'Time out');
    await expect(page.getByText(/1 later action of yours was discarded, and the run you had reached up to \d+\.\d{3} s is replaced from here on/)).toBeVisible();
  });

  test('a partition made by dragging the leader away leaves the minority unable to commit', async ({ page }) => {
    const old = await runUntilLeader(page);
    // Let the no-op commit first, so every log starts at one committed entry.
    await page.getByRole('button', { name: 'Play' }).click();
    await expect(page.getByRole('listitem', { name: new RegExp(`^S${old.id}: 1 entries, commit index 1`) })).toBeVisible();
    await page.getByRole('button', { name: 'Pause' }).click();
    // Drag the leader out of the cluster's region: it is cut off from everyone.
    await dragNodeOut(page, old.id);
    await expect(page.getByRole('log', { name: 'Narration' })).toContainText('Action: the network is partitioned');
    await expect(page.getByText(/^Partition A · \d nodes?$/)).toBeVisible();
    // A client write to the isolated leader is appended but never committed.
    await nodeAction(page, old.id, 'Client request');
    const fresh = await runUntilLeader(page);
    expect(fresh.term).toBeGreaterThan(old.term);
    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForTimeout(1500);
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(page.getByRole('listitem', { name: new RegExp(`^S${old.id}: 2 entries, commit index 1`) })).toBeVisible();
    await expect(page.getByRole('button', { name: `S${old.id}, leader, term ${old.term}` })).toBeVisible();
    await snapshot(page, 'raft-partition-minority');
  });

  test('a line drawn across the cluster splits it in two; network settings become scenario events; Heal joins it', async ({ page }) => {
    // A vertical line through the middle: the ring's left and right halves part.
    await drawPartitionLine(page);
    await expect(page.getByText(/^Partition A · \d nodes$/)).toBeVisible();
    await expect(page.getByText(/^Partition B · \d nodes$/)).toBeVisible();
    await page.getByRole('tab', { name: 'Network' }).click();
    await expect(page.getByRole('tabpanel')).toContainText(/Partitioned: \{S/);
    await page.getByRole('spinbutton', { name: 'Loss (%)' }).fill('20');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByRole('log', { name: 'Narration' })).toContainText('"loss":0.2');
    await page.getByRole('button', { name: 'Heal' }).first().click();
    await expect(page.getByRole('tabpanel')).toContainText('All links up');
    await page.getByRole('button', { name: 'Share' }).click();
    await expect(page.getByRole('textbox', { name: 'Share link' })).toHaveValue(/#s=2\./);
  });

  test('clicking a message in flight drops it; the keyboard opens and closes a node menu', async ({ page }) => {
    await runUntilLeader(page);
    const message = page.locator('g.message').first();
    while ((await page.locator('g.message').count()) === 0) await page.getByRole('button', { name: 'Step', exact: true }).click();
    await message.click();
    await expect(page.locator('g.message.dropped')).toHaveCount(1);
    await expect(page.getByRole('tabpanel')).toContainText('dropped');
    // Keyboard: focus a node, open its menu with Enter, leave it with Escape.
    const node = page.getByRole('button', { name: /^S2,/ });
    await node.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('menu', { name: 'S2 actions' })).toBeVisible();
    await expect(page.getByRole('menuitem', { name: 'Crash' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('menuitem', { name: 'Restart' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('menu')).toHaveCount(0);
    await expect(node).toBeFocused();
  });

  test('the statechart shows the selected node’s live state and last transition', async ({ page }) => {
    const leader = await runUntilLeader(page);
    await nodeAction(page, leader.id, 'Inspect');
    await expect(page.getByRole('tabpanel')).toContainText(`Node S${leader.id}`);
    await page.getByRole('tab', { name: 'Statechart' }).click();
    await expect(page.getByRole('tabpanel')).toContainText(`S${leader.id} is leader.`);
    await expect(page.getByRole('tabpanel')).toContainText(`Last transition of S${leader.id}: candidate → leader`);
    await expect(page.locator('.sc-state.live')).toHaveText('leader');
    await expect(page.locator('.sc-edge.hot')).toHaveCount(1);
  });
});
