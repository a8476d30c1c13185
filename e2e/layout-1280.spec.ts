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

test('at 1280x800 the drafts filter bar keeps each label beside its field, the four filters on one row', async ({ page }) => {
  await page.getByRole('button', { name: 'Load demo content' }).click();
  await expect(page.getByLabel('Title', { exact: true })).toBeVisible({ timeout: 60_000 });
  await page.getByRole('link', { name: '← All drafts' }).click();
  const bar = page.getByRole('search', { name: 'Find drafts' });
  // The demo's long series title once stretched its select and pushed "Sort by" onto a row of its own.
  await expect(bar.getByLabel('Series').locator('option', { hasText: /leadership/i })).toHaveCount(1);
  const boxes = [];
  for (const name of ['Status', 'Series', 'Author', 'Sort by']) {
    const label = await bar.getByText(name, { exact: true }).boundingBox();
    const field = await bar.getByLabel(name, { exact: true }).boundingBox();
    // The label sits just left of its own field, on the same line.
    expect(field!.x - (label!.x + label!.width)).toBeGreaterThanOrEqual(0);
    expect(field!.x - (label!.x + label!.width)).toBeLessThan(24);
    expect(Math.abs(label!.y + label!.height / 2 - (field!.y + field!.height / 2))).toBeLessThan(8);
    boxes.push(field!);
  }
  expect(new Set(boxes.map((b) => Math.round(b.y))).size).toBe(1);
  const search = await bar.getByRole('searchbox').boundingBox();
  expect(boxes[0].y).toBeGreaterThan(search!.y + search!.height - 1);
  await page.screenshot({ path: test.info().outputPath('drafts-filters.png') });
});

test('at 1280x800 a revision compares side by side in a view as wide as the window, and Escape goes back', async ({ page }) => {
  await page.getByRole('button', { name: 'Load demo content' }).click();
  const body = page.getByRole('textbox', { name: 'Draft text' });
  await expect(body).toBeVisible({ timeout: 60_000 });
  await body.click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('Freshly written words. ');
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  const compare = page.getByRole('button', { name: /^Compare the version of \d+ \w{3} \d{4}, \d\d:\d\d/ }).first();
  await compare.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: /compared with the current text$/ });
  await expect(dialog).toBeVisible();
  const box = (await dialog.boundingBox())!;
  expect(box.width).toBeGreaterThan(1100);
  expect(box.height).toBeGreaterThan(700);
  const current = dialog.getByRole('region', { name: 'Current text' });
  await expect(current.locator('ins')).toContainText('Freshly written words.');
  const version = (await dialog.getByRole('region', { name: /^Version of / }).boundingBox())!;
  const now = (await current.boundingBox())!;
  expect(now.x).toBeGreaterThan(version.x + version.width - 1);
  // The focus is in the text, so the keys scroll it; Escape returns to the button that opened it.
  await expect(dialog.getByRole('group', { name: /removed words marked$/ })).toBeFocused();
  await page.screenshot({ path: test.info().outputPath('revision-diff.png') });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(compare).toBeFocused();
});
