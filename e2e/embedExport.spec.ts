import { expect, test } from '@playwright/test';
import { createSimulation } from '../src/sim/create';
import { encodeTraceEvent } from '../src/sim/kernel/trace';
import { defaultScenario } from '../src/sim/scenario/library/defaultScenario';
import type { Scenario } from '../src/sim/scenario/schema';
import { collectErrors, downloadText, nodeAction, openScenarioTab, seekTo, snapshot, virtualTime } from './helpers';

test('embed mode shows only the cluster view and the playback controls', async ({ page, context }) => {
  const errors = collectErrors(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./');
  await seekTo(page, 600);
  await nodeAction(page, 4, 'Crash');
  await page.getByRole('button', { name: 'Share' }).click();
  await page.getByRole('button', { name: 'Copy embed code' }).click();
  const code = await page.getByRole('textbox', { name: 'Embed code' }).inputValue();
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  const src = /^<iframe src="([^"]+)" title="[^"]*" width="800" height="500"/.exec(code)?.[1]?.replace(/&amp;/g, '&');
  expect(src).toBe(link.replace('#', '?embed=1#'));
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);

  const embed = await context.newPage();
  await embed.goto(src!);
  await expect(embed.getByRole('group', { name: 'Cluster' })).toBeVisible();
  for (const name of ['Play', 'Step back', 'Step', 'Reset']) await expect(embed.getByRole('button', { name, exact: true })).toBeVisible();
  await expect(embed.getByRole('slider', { name: 'Time' })).toBeVisible();
  await expect(embed.getByRole('combobox', { name: 'Speed' })).toBeVisible();
  await expect(embed.getByRole('link', { name: 'Open in the simulator' })).toHaveAttribute('href', link);
  // The status line and the library note, compact; nothing else: no title bar, share, side panels, narration or space-time diagram.
  await expect(embed.getByRole('status')).toBeVisible();
  await expect(embed.getByRole('complementary', { name: 'What to watch' })).toBeVisible();
  await expect(embed.getByRole('banner')).toHaveCount(0);
  await expect(embed.getByRole('button', { name: 'Share' })).toHaveCount(0);
  await expect(embed.getByRole('tablist')).toHaveCount(0);
  await expect(embed.getByRole('log')).toHaveCount(0);
  await expect(embed.getByRole('combobox', { name: 'Language' })).toHaveCount(0);
  await expect(embed.getByText('Space-time diagram')).toHaveCount(0);
  // The run is the shared one, and it plays.
  await embed.getByRole('slider', { name: 'Time' }).fill('700');
  await expect.poll(() => virtualTime(embed)).toBe(700);
  await expect(embed.getByRole('button', { name: /^S4, down/ })).toBeVisible();
  await embed.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => virtualTime(embed)).toBeGreaterThan(700);
  await embed.getByRole('button', { name: 'Pause' }).click();
  await embed.getByRole('button', { name: /^S4, down/ }).click();
  await expect(embed.getByRole('menu')).toBeVisible();
  await embed.keyboard.press('Escape');
  await snapshot(embed, 'embed', false);
  expect(errors).toEqual([]);
});

test('export downloads the trace as JSON Lines (one line per trace event) and the cluster as SVG and PNG', async ({ page }) => {
  await page.goto('./');
  await seekTo(page, 700);
  await nodeAction(page, 3, 'Crash');
  await seekTo(page, 1500);
  await openScenarioTab(page);

  const trace = await downloadText(page, () => page.getByRole('button', { name: 'Trace (JSON Lines)' }).click());
  expect(trace.name).toBe('first-election-5-nodes.trace.jsonl');
  const lines = trace.text.trimEnd().split('\n');
  // The same run in Node, with the same action as the editor records it: its trace event count and its very lines.
  const recorded = (JSON.parse(await page.getByRole('textbox', { name: 'Scenario JSON' }).inputValue()) as Scenario).events ?? [];
  expect(recorded).toEqual([{ at: 700, after: expect.any(Number), do: 'crash', node: 3 }]);
  const expected: string[] = [];
  const sim = createSimulation({ ...defaultScenario, events: recorded } as Scenario, { onTrace: (e) => expected.push(encodeTraceEvent(e)) });
  sim.runUntil(1500);
  expect(lines.length).toBe(sim.trace.count);
  expect(lines).toEqual(expected);
  await expect(page.getByText(`Exported ${sim.trace.count} trace events.`)).toBeVisible();

  const svg = await downloadText(page, () => page.getByRole('button', { name: 'Cluster as SVG' }).click());
  expect(svg.name).toBe('first-election-5-nodes.svg');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: doc.documentElement.localName,
      texts: [...doc.querySelectorAll('text')].map((t) => t.textContent),
      styled: doc.querySelectorAll('[style*="fill"]').length,
    };
  }, svg.text);
  expect(parsed.error).toBeNull();
  expect(parsed.root).toBe('svg');
  expect(parsed.texts).toEqual(expect.arrayContaining(['S1', 'S2', 'S3', 'S4', 'S5']));
  expect(parsed.styled).toBeGreaterThan(5);

  const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Cluster as PNG' }).click()]);
  expect(png.suggestedFilename()).toBe('first-election-5-nodes.png');
  const { readFileSync } = await import('node:fs');
  const bytes = readFileSync(await png.path());
  expect([...bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
});
