import { expect, test } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultScenario } from '../src/sim/scenario/library/defaultScenario';
import { collectErrors, downloadText, nodeAction, openScenarioTab, seekTo, snapshot } from './helpers';

test('the editor records actions live, shows a path error for a bad edit without losing it, and Apply loads a good one', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('./');
  await openScenarioTab(page);
  const editor = page.getByRole('textbox', { name: 'Scenario JSON' });
  await expect(editor).toHaveValue(/"title": "First election: 5 nodes"/);
  await expect(page.getByRole('checkbox', { name: 'Record' })).toBeChecked();

  // Recorded: an action appears in the editor as it is taken, with its time and its place among
  // the events of that millisecond (after those on screen).
  await seekTo(page, 700);
  await nodeAction(page, 3, 'Crash');
  await expect(editor).toHaveValue(/"at": 700,\s*("after": \d+,\s*)?"do": "crash",\s*"node": 3/);

  // A bad edit: the error names its JSON path and line, live; the text stays as typed.
  const text = await editor.inputValue();
  const bad = text.replace(/"node": 3/, '"node": 9');
  await editor.fill(bad);
  await expect(page.getByText('$.events[0].node: node 9 is not in 1..5')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Show $.events[0].node in the editor' })).toHaveText(/^line \d+$/);
  await expect(page.getByRole('button', { name: 'Apply' })).toBeDisabled();
  await expect(editor).toHaveValue(bad);
  // A syntax error too.
  await editor.fill(bad.replace('"seed": 1,', '"seed": 1'));
  await expect(page.getByText(/^\$: not valid JSON/)).toBeVisible();
  await snapshot(page, 'editor-error', false);
  // The run is untouched: S3 is still down.
  await expect(page.getByRole('button', { name: /^S3, down/ })).toBeVisible();

  // A good edit: Apply runs it from time 0.
  await editor.fill(text.replace('"seed": 1', '"seed": 5').replace('"title": "First election: 5 nodes"', '"title": "Edited: S3 crashes at 0.7 s"'));
  await expect(page.getByText('Edited: Apply to run it, or Revert to follow the run again.', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Edited: S3 crashes at 0.7 s' })).toBeVisible();
  await expect(page.getByRole('slider', { name: 'Time' })).toHaveValue('0');
  await seekTo(page, 800);
  await expect(page.getByRole('button', { name: /^S3, down/ })).toBeVisible();
  await expect(editor).toHaveValue(/"seed": 5/);
  await snapshot(page, 'editor', false);
  expect(errors).toEqual([]);
});

test('with Record off an action is a what-if: it acts but is not in the scenario or the link; Record on drops it', async ({ page }) => {
  await page.goto('./');
  await openScenarioTab(page);
  const editor = page.getByRole('textbox', { name: 'Scenario JSON' });
  await page.getByRole('checkbox', { name: 'Record' }).uncheck();
  await seekTo(page, 500);
  await nodeAction(page, 2, 'Crash');
  await expect(page.getByRole('button', { name: /^S2, down/ })).toBeVisible();
  await expect(page.getByText(/What-if: 1 action is not recorded/)).toBeVisible();
  await expect(editor).toHaveValue(/"events": \[\]/);
  await page.getByRole('button', { name: 'Share' }).click();
  await expect(page.getByText(/1 what-if action is not in this link/)).toBeVisible();
  await page.getByRole('checkbox', { name: 'Record' }).check();
  await expect(page.getByRole('button', { name: /^S2, (follower|candidate|leader|precandidate)/ })).toBeVisible();
  await expect(page.getByText(/What-if:/)).toHaveCount(0);
  await expect(page.getByRole('slider', { name: 'Time' })).toHaveValue('500');
});

test('a scenario file opens into the run; Save downloads the scenario with its actions', async ({ page }) => {
  await page.goto('./');
  await openScenarioTab(page);
  const dir = mkdtempSync(join(tmpdir(), 'scenario-'));
  const good = join(dir, 'three-nodes.json');
  writeFileSync(good, JSON.stringify({ ...defaultScenario, title: 'From a file', nodes: 3, events: [{ at: 100, do: 'timeout', node: 2 }] }));
  await page.getByLabel('Open file…').setInputFiles(good);
  await expect(page.getByRole('heading', { level: 2, name: 'From a file' })).toBeVisible();
  await expect(page.getByText('Loaded three-nodes.json.')).toBeVisible();
  await expect(page.getByRole('button', { name: /^S\d,/ })).toHaveCount(3);

  const bad = join(dir, 'bad.json');
  writeFileSync(bad, JSON.stringify({ ...defaultScenario, nodes: 3, events: [{ at: 100, do: 'explode', node: 2 }] }));
  await page.getByLabel('Open file…').setInputFiles(bad);
  await expect(page.getByText('$.events[0].do: unknown event "explode"')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'From a file' })).toBeVisible();
  await page.getByRole('button', { name: 'Revert' }).click();

  await seekTo(page, 300);
  await nodeAction(page, 1, 'Crash');
  const saved = await downloadText(page, () => page.getByRole('button', { name: 'Save to file' }).click());
  expect(saved.name).toBe('from-a-file.json');
  expect(JSON.parse(saved.text).events).toEqual([
    { at: 100, do: 'timeout', node: 2 },
    { at: 300, do: 'crash', node: 1 },
  ]);
});
