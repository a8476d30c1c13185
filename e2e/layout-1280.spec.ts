/**
 * What a newcomer sees at 1280x800, the size the app was tried at: a screenshot to look at, and the
 * layout facts that were wrong ("Replace with" had no visible label; the find bar wrapped raggedly).
 */
import { test, expect } from './fixtures';

test.use({ viewport: { width: 1280, height: 800 } });
test.setTimeout(120_000);

test('at 1280x800 the find bar names both of its fields with visible labels, each row aligned', async ({ page }) => {
  await page.getByRole('button', { name: 'Load demo content' }).click();
  await expect(page.getByLabel('Title', { exact: true })).toBeVisible({ timeout: 60_000 });
  await page.locator('[contenteditable="true"]').first().click();
  await page.keyboard.press('Control+h');
  const panel = page.getByRole('search', { name: 'Find and replace' });
  await expect(panel.getByText('Replace with', { exact: true })).toBeVisible();
  await expect(panel.getByText('Find', { exact: true })).toBeVisible();
  await panel.getByLabel('Find', { exact: true }).fill('leadership');
  await expect(panel.getByText('1 of 9')).toBeVisible();
  // The fields share one column, and each field's actions sit under it, not wrapped anywhere.
  const findBox = await panel.getByLabel('Find', { exact: true }).boundingBox();
  const replaceBox = await panel.getByLabel('Replace with').boundingBox();
  const prev = await panel.getByRole('button', { name: 'Previous' }).boundingBox();
  const replace = await panel.getByRole('button', { name: 'Replace', exact: true }).boundingBox();
  expect(Math.round(replaceBox!.x)).toBe(Math.round(findBox!.x));
  expect(prev!.y).toBeGreaterThan(findBox!.y + findBox!.height - 1);
  expect(Math.abs(replace!.x - findBox!.x)).toBeLessThan(2);
  await page.screenshot({ path: test.info().outputPath('find-bar.png') });
});
