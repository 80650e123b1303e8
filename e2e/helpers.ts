import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

/** Console errors and page errors collected during a test (there must be none). */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

/** Screenshots kept as artifacts to look at (e2e-artifacts/). */
export async function snapshot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync('e2e-artifacts', { recursive: true });
  await page.screenshot({ path: `e2e-artifacts/${name}.png`, fullPage });
}

export async function virtualTime(page: Page): Promise<number> {
  return Number(await page.getByRole('slider', { name: 'Time' }).inputValue());
}

export async function eventCount(page: Page): Promise<number> {
  const text = await page.getByRole('note', { name: 'Events' }).textContent();
  return Number((text ?? '').replace(/[^0-9]/g, ''));
}

/** Waits until the worker has delivered its first frame. */
export async function waitForReady(page: Page): Promise<void> {
  await expect(page.getByRole('status')).not.toHaveText('Starting the simulation…');
}

export async function seekTo(page: Page, ms: number): Promise<void> {
  await waitForReady(page);
  await page.getByRole('slider', { name: 'Time' }).fill(String(ms));
  await expect.poll(() => virtualTime(page)).toBe(ms);
}

/** The leader the status line names, e.g. { id: 3, term: 4 }, or null for "No leader". */
export async function statusLeader(page: Page): Promise<{ id: number; term: number } | null> {
  const text = (await page.getByRole('status').textContent()) ?? '';
  const m = /^Leader: S(\d+), (?:term|epoch) (\d+)$/.exec(text.trim());
  return m ? { id: Number(m[1]), term: Number(m[2]) } : null;
}

/** Fast-forwards with "Run until leader" and returns the leader the status line then names. */
export async function runUntilLeader(page: Page): Promise<{ id: number; term: number }> {
  const before = await statusLeader(page);
  await page.getByRole('button', { name: 'Run until leader' }).click();
  await expect
    .poll(async () => {
      const now = await statusLeader(page);
      return now !== null && (before === null || now.id !== before.id || now.term !== before.term);
    })
    .toBe(true);
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  return (await statusLeader(page))!;
}

/** Loads a fresh cluster through the protocol switch and node count. */
export async function loadProtocol(page: Page, protocol: 'raft' | 'zab' | 'gossip', nodes?: number): Promise<void> {
  await waitForReady(page);
  await page.getByRole('combobox', { name: 'Protocol' }).selectOption(protocol);
  // The switch loads the protocol's preset first; set the node count only once it has arrived,
  // or the preset's frame would reset the field under our typing.
  await expect(page.getByRole('heading', { level: 2 }).first()).toContainText(protocol === 'zab' ? 'ZooKeeper' : protocol === 'gossip' ? 'Gossip' : 'election');
  if (nodes !== undefined) {
    await page.getByRole('spinbutton', { name: 'Nodes' }).fill(String(nodes));
    await page.getByRole('button', { name: 'Load' }).click();
  }
  await expect(page.getByRole('heading', { level: 2 }).first()).toContainText(protocol === 'zab' ? 'ZooKeeper' : protocol === 'gossip' ? 'Gossip' : 'election');
  if (nodes !== undefined) await expect(page.getByRole('spinbutton', { name: 'Nodes' })).toHaveValue(String(nodes));
}

/** Opens node S<id>'s menu and picks an item. */
export async function nodeAction(page: Page, id: number, item: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`^S${id},`) }).click();
  await page.getByRole('menu').getByRole('menuitem', { name: item }).click();
}

/** Waits for a download started by `action` and returns its file name and text. */
export async function downloadText(page: Page, action: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), action()]);
  const path = await download.path();
  const { readFileSync } = await import('node:fs');
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

/** Opens the side panel's Scenario tab (the editor, the exports). */
export async function openScenarioTab(page: Page, name = 'Scenario'): Promise<void> {
  await page.getByRole('tab', { name }).click();
  await expect(page.getByRole('textbox', { name: name === 'Scenario' ? 'Scenario JSON' : '场景 JSON' })).toBeVisible();
}

/** Drags node S<id> out of the cluster's region (to its top-left corner): it is cut off from everyone. */
export async function dragNodeOut(page: Page, id: number): Promise<void> {
  const box = (await page.getByRole('button', { name: new RegExp(`^S${id},`) }).boundingBox())!;
  const svg = (await page.getByRole('group', { name: 'Cluster' }).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(svg.x + 30, svg.y + 30, { steps: 12 });
  await page.mouse.up();
}

/** "Draw partition line", then a vertical line through the middle of the cluster: its left and right halves part. */
export async function drawPartitionLine(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Draw partition line' }).click();
  await expect(page.getByRole('button', { name: 'Draw partition line' })).toHaveAttribute('aria-pressed', 'true');
  const svg = (await page.getByRole('group', { name: 'Cluster' }).boundingBox())!;
  await page.mouse.move(svg.x + svg.width / 2 + 8, svg.y + 5);
  await page.mouse.down();
  await page.mouse.move(svg.x + svg.width / 2 + 8, svg.y + svg.height - 5, { steps: 8 });
  await page.mouse.up();
}

/**
 * Page x of virtual time `ms` while the timeline shows all, and a y inside its detail strip: the
 * strip and the overview (the Time slider) share one scale then, inset by half the slider's
 * thumb (6 px) on each side.
 */
export async function timelineXAt(page: Page, ms: number): Promise<{ x: number; detailY: number }> {
  const slider = page.getByRole('slider', { name: 'Time' });
  const box = (await slider.boundingBox())!;
  const max = Number(await slider.getAttribute('max'));
  return { x: box.x + 6 + (ms / max) * (box.width - 12), detailY: box.y - 30 };
}

/** Drags across the timeline's detail strip from `fromMs` to `toMs` (a brush: it zooms there), with the strip showing all. */
export async function brushTimeline(page: Page, fromMs: number, toMs: number): Promise<void> {
  const a = await timelineXAt(page, fromMs);
  const b = await timelineXAt(page, toMs);
  await page.mouse.move(a.x, a.detailY);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, a.detailY, { steps: 3 });
  await page.mouse.move(b.x, b.detailY, { steps: 3 });
  await page.mouse.up();
}
