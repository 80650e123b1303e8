import { expect, test } from '@playwright/test';
import { encodeScenario, MAX_LINK_PAYLOAD_CHARS } from '../src/sim/scenario/codec';
import { defaultScenario } from '../src/sim/scenario/library/defaultScenario';
import type { Scenario } from '../src/sim/scenario/schema';
import { collectErrors } from './helpers';

const good = encodeScenario({ ...defaultScenario, title: 'A link to break', events: [{ at: 500, do: 'crash', node: 2 }] });

const links: [string, string, RegExp][] = [
  ['truncated', `#s=${good.slice(0, good.length - 10)}`, /damaged or truncated/],
  ['oversized (over 100 KB)', `#s=1.${'A'.repeat(MAX_LINK_PAYLOAD_CHARS + 1)}`, /too long \(100003 characters; at most 100000\)/],
  ['from a newer codec', `#s=3.${good.slice(2)}`, /newer version of the simulator \(codec 3; this one reads 2\)/],
  ['with a newer scenario version', `#s=${encodeScenario({ ...defaultScenario, version: 2 } as unknown as Scenario)}`, /version 2, newer than this simulator understands/],
  ['with an invalid scenario', `#s=${encodeScenario({ ...defaultScenario, events: [{ at: 1, do: 'crash', node: 9 }] })}`, /\$\.events\[0\]\.node: node 9 is not in 1\.\.5/],
  // Issue 13: a 101-character link that used to freeze the worker and crash the tab.
  [
    'with a zero heartbeat',
    `#s=${encodeScenario({ version: 1, protocol: 'raft', nodes: 3, params: { heartbeatInterval: 0 } } as Scenario)}`,
    /\$\.params\.heartbeatInterval: must be at least 1 ms \(allowed: 1 to 60,000 ms\)/,
  ],
  ['with codec version 0', `#s=0.${good.slice(2)}`, /codec version 0 does not exist/],
];

for (const [what, hash, reason] of links) {
  test(`a link ${what} says what is wrong and runs the default scenario`, async ({ page }) => {
    const errors = collectErrors(page);
    await page.goto(`./${hash}`);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('This share link could not be opened.');
    await expect(alert).toContainText(reason);
    await expect(page.getByRole('heading', { name: defaultScenario.title })).toBeVisible();
    expect(errors).toEqual([]);
  });
}

test('embedded (?embed=1), a bad link says so in one compact line, with the details folded', async ({ page }) => {
  const errors = collectErrors(page);
  for (const [, hash, reason] of links) {
    await page.goto(`./?embed=1${hash}`);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('This share link could not be opened.');
    if (!/\$\./.test(reason.source)) await expect(alert).toContainText(reason);
    else {
      await alert.getByText('Details').click();
      await expect(alert).toContainText(reason);
    }
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  }
  await page.getByRole('alert').getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('"Open the default scenario" forgets the broken link; the error is translated in 中文', async ({ page }) => {
  await page.goto(`./#s=${good.slice(0, good.length - 10)}`);
  await expect(page.getByRole('alert')).toContainText('damaged or truncated');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh');
  await expect(page.getByRole('alert')).toContainText('无法打开这个分享链接。');
  await expect(page.getByRole('alert')).toContainText('链接已损坏或被截断');
  await page.getByRole('button', { name: '打开默认场景' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(new URL(page.url()).hash).toBe('');
  await expect(page.getByRole('status')).toHaveText('没有 Leader');
  await page.reload();
  await expect(page.getByRole('alert')).toHaveCount(0);
});
