import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeAction, openScenarioTab, seekTo } from './helpers';

test('Share makes exactly the link `npm run sim -- url --at` makes for the same scenario, then names its built-in scenario and the selected node', async ({ page, baseURL }) => {
  await page.goto('./');
  await seekTo(page, 400);
  await nodeAction(page, 2, 'Crash');
  await seekTo(page, 900);
  await nodeAction(page, 1, 'Client request');
  await page.getByRole('button', { name: 'Share' }).click();
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  // The scenario the page shares, as the editor shows it (and Save writes it), run through the CLI.
  await openScenarioTab(page);
  const editor = page.getByRole('textbox', { name: 'Scenario JSON' });
  await expect(editor).toHaveValue(/"do": "request"/);
  const file = join(mkdtempSync(join(tmpdir(), 'share-')), 'scenario.json');
  writeFileSync(file, await editor.inputValue());
  const cli = (args: string[]) => execFileSync('npx', ['tsx', 'src/cli/main.ts', 'url', file, ...args], { encoding: 'utf8' }).trim();
  const pageBase = new URL('./', baseURL).href;
  // The CLI's link is the scenario and the moment; the page adds the built-in scenario it came from (so its note stays) and the node selected by the menu.
  expect(link).toBe(`${cli(['--base', pageBase, '--at', '900'])}&lib=raft-first-election&node=1`);
  expect(link).toBe(`${pageBase.replace(/\/$/, '')}${cli(['--at', '900'])}&lib=raft-first-election&node=1`);
});
