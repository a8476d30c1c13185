import { test, expect } from './fixtures';
import { callApi } from './server';

test('Backups: back up now, then restore that backup from the status bar, and the later draft is gone', async ({ page, server, secret }) => {
  await callApi(server.url, secret, 'posts.create', { title: 'Written before the backup' });

  await page.getByRole('button', { name: 'Backups' }).click();
  const dialog = page.getByRole('dialog', { name: 'Backups' });
  await expect(dialog.getByText('No backups yet')).toBeVisible();
  await dialog.getByRole('button', { name: 'Back up now' }).click();
  await expect(dialog.getByRole('status')).toContainText('Backed up');
  await expect(dialog.getByRole('row')).toHaveCount(2);
  await expect(dialog.getByRole('cell', { name: 'Backed up by hand' })).toBeVisible();
  await page.screenshot({ path: `${process.env.PW_OUTPUT_DIR ?? 'test-results'}/backups-dialog.png` });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  await callApi(server.url, secret, 'posts.create', { title: 'Written after the backup' });

  await page.getByRole('button', { name: 'Backups' }).click();
  await dialog.getByRole('button', { name: /^Restore the backup taken/ }).click();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Restore this backup' }).click();
  await expect(dialog.getByRole('status')).toContainText('Restored');
  await page.waitForEvent('load');

  const posts = await callApi(server.url, secret, 'posts.list', {});
  expect(posts.value.map((p: { title: string }) => p.title)).toEqual(['Written before the backup']);
  const backups = await callApi(server.url, secret, 'backup.list', {});
  expect(backups.value.backups.map((b: { reason: string }) => b.reason)).toEqual(['before-restore', 'manual']);
});

test('Backups: Escape closes the dialog and focus can reach every control', async ({ page }) => {
  await page.getByRole('button', { name: 'Backups' }).click();
  const dialog = page.getByRole('dialog', { name: 'Backups' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(dialog.locator(':focus')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
