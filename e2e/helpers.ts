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
export async function snapshot(page: Page, name: string): Promise<void> {
  mkdirSync('e2e-artifacts', { recursive: true });
  await page.screenshot({ path: `e2e-artifacts/${name}.png`, fullPage: true });
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
