import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { brushTimeline, collectErrors, loadProtocol, nodeAction, runUntilLeader, snapshot } from './helpers';

/**
 * Screenshots of every view at 1280×720 and on a tablet (820×1180), light and dark, kept in
 * e2e-artifacts/ to look at. With UPDATE_SCREENSHOT=1 the Raft view also refreshes the README's
 * docs/screenshot.png.
 */
const TABLET = { width: 820, height: 1180 };

const views: Record<string, (page: Page) => Promise<void>> = {
  raft: async (page) => {
    const leader = await runUntilLeader(page);
    await page.getByRole('button', { name: 'Play' }).click();
    await expect(page.getByRole('listitem', { name: new RegExp(`^S${leader.id}: 1 entries, commit index 1`) })).toBeVisible();
    await page.getByRole('button', { name: 'Pause' }).click();
    await nodeAction(page, leader.id, 'Client request');
    // Play slowly for a moment: the new entry travels, AppendEntries half-way to the followers.
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('0.05');
    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForTimeout(300);
    await page.getByRole('button', { name: 'Pause' }).click();
    // Where the pause lands depends on real time: step on until a message is in flight (a few events at most).
    for (let i = 0; i < 40 && (await page.locator('g.message').count()) === 0; i++) await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect(page.locator('g.message').first()).toBeAttached();
    // Zoom the timeline onto the election (a brush over 0.1–0.6 s).
    await brushTimeline(page, 100, 600);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  },
  zab: async (page) => {
    await loadProtocol(page, 'zab');
    await runUntilLeader(page);
    await page.getByRole('button', { name: 'Next delivery' }).click();
  },
  'gossip-24': async (page) => {
    await loadProtocol(page, 'gossip');
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('5');
    await page.getByRole('button', { name: 'Play' }).click();
    await expect(page.getByRole('note', { name: 'Gossip summary' })).toContainText('suspected 1', { timeout: 30_000 });
    await page.getByRole('button', { name: 'Pause' }).click();
  },
  'gossip-1000': async (page) => {
    await loadProtocol(page, 'gossip', 1000);
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('2');
    await page.getByRole('button', { name: 'Play' }).click();
    await expect(page.getByRole('note', { name: 'Gossip summary' })).toContainText(/Informed [1-9]\d\d of/, { timeout: 30_000 });
    await page.getByRole('button', { name: 'Pause' }).click();
  },
};

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });
    for (const [name, setup] of Object.entries(views)) {
      test(`${name} view at 1280×720 and on a tablet`, async ({ page }) => {
        const errors = collectErrors(page);
        await page.goto('./');
        await expect(page.getByRole('status')).not.toHaveText('Starting the simulation…');
        await setup(page);
        await snapshot(page, `view-${name}-desktop-${scheme}`, false);
        if (name === 'raft' && scheme === 'light' && process.env.UPDATE_SCREENSHOT === '1') {
          mkdirSync('docs', { recursive: true });
          await page.screenshot({ path: 'docs/screenshot.png' });
        }
        await page.setViewportSize(TABLET);
        await page.waitForTimeout(150);
        await snapshot(page, `view-${name}-tablet-${scheme}`);
        expect(errors).toEqual([]);
      });
    }
  });
}
