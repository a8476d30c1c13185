/** Joins a team workspace the way a member does: the status bar's indicator, the dialog, Join. */
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

export async function joinFromStatusBar(page: Page, url: string, token: string, who: string): Promise<void> {
  await page.getByRole('button', { name: /Local only/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Team workspace' });
  await dialog.getByLabel('Server address').fill(url);
  await dialog.getByLabel('Invitation token').fill(token);
  await dialog.getByRole('button', { name: 'Join' }).click();
  await expect(dialog.getByText(`You are ${who}`)).toBeVisible({ timeout: 30_000 });
  await expect(dialog.getByRole('status')).toContainText('Up to date', { timeout: 60_000 });
  await dialog.getByRole('button', { name: 'Close' }).click();
}
