import { expect, test } from '@playwright/test';
import { collectErrors, openScenarioTab, snapshot } from './helpers';

test('switching to 中文 shows Chinese labels, node names and narration, and is remembered after a reload', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('./');
  await expect(page.getByRole('status')).toHaveText('No leader');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: '中文' });
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  // Controls, status, node names and the feed already on screen all switch.
  await expect(page.getByRole('button', { name: '播放' })).toBeVisible();
  await expect(page.getByRole('button', { name: '单步' })).toBeVisible();
  await expect(page.getByRole('button', { name: '分享' })).toBeVisible();
  await expect(page.getByRole('slider', { name: '时间' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('没有 Leader');
  await expect(page.getByRole('button', { name: /^S1，Follower，任期 0$/ })).toBeVisible();
  const feed = page.getByRole('log', { name: '解说' });
  await expect(feed).toContainText('以 Follower 身份启动');
  // Run to a leader: the status and new narration come in Chinese.
  await page.getByRole('button', { name: '运行到选出 Leader' }).click();
  await expect(page.getByRole('status')).toHaveText(/^Leader：S\d，任期 \d+$/);
  await expect(feed).toContainText('成为 Leader');
  await page.getByRole('button', { name: /^S1，/ }).click();
  const menu = page.getByRole('menu');
  for (const item of ['宕机', '重启', '暂停', '触发选举超时', '客户端请求']) await expect(menu.getByRole('menuitem', { name: item })).toBeVisible();
  await menu.getByRole('menuitem', { name: '宕机' }).click();
  await expect(feed).toContainText('操作：S1 宕机。');
  await openScenarioTab(page, '场景');
  await snapshot(page, 'i18n-zh-editor', false);
  await page.getByRole('tab', { name: '日志' }).click();
  await snapshot(page, 'i18n-zh', false);

  // Remembered: a reload opens in 中文.
  await page.reload();
  await expect(page.getByRole('button', { name: '播放' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Language' })).toHaveValue('zh');
  await page.getByRole('button', { name: '播放' }).click();
  await expect.poll(async () => Number(await page.getByRole('slider', { name: '时间' }).inputValue())).toBeGreaterThan(0);
  await page.getByRole('button', { name: '暂停' }).click();

  // The switch is named "Language" in every language, so the way back is always found.
  await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'English' });
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText(/^(No leader|Leader: S\d, term \d+)$/);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  expect(errors).toEqual([]);
});

test.describe('a Chinese browser', () => {
  test.use({ locale: 'zh-CN' });
  test('opens in 中文 by default', async ({ page }) => {
    await page.goto('./');
    await expect(page.getByRole('combobox', { name: 'Language' })).toHaveValue('zh');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('分布式共识模拟器');
    await expect(page.getByRole('status')).toHaveText('没有 Leader');
  });
});
