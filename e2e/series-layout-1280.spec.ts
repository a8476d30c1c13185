/**
 * The series views at 1280x800, the size a new user tried them at: every board column in view, a
 * calendar title read whole (however long), and the new-series form's fields side by side on one
 * line. Screenshots of each are left in the test's output to look at.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { SeriesPage } from './pages/SeriesPage';

test.use({ viewport: { width: 1280, height: 800 } });
test.setTimeout(180_000);

const LONG = 'What a clinical director wishes they had known before taking on a hospital’s patient-safety programme, told in their own words';

async function seriousFindings(page: Page, selector: string): Promise<string[]> {
  const scan = await new AxeBuilder({ page }).include(selector).analyze();
  return scan.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target}`);
}

const box = async (l: Locator) => (await l.boundingBox())!;

test('at 1280x800 the new-series form lines up, every board column is in view, and calendar titles are read whole', async ({ page }) => {
  await page.getByRole('button', { name: 'Load demo content' }).click();
  await expect(page.getByLabel('Title', { exact: true })).toBeVisible({ timeout: 60_000 });
  const series = new SeriesPage(page);
  await series.openArea();

  // The form: Title and Slug share a line, their inputs the same top and height.
  await page.getByRole('button', { name: 'New series' }).click();
  const form = page.getByRole('form', { name: 'New series' });
  const title = await box(form.getByLabel('Title', { exact: true }));
  const slug = await box(form.getByLabel('Slug'));
  expect(Math.abs(title.y - slug.y)).toBeLessThan(1);
  expect(Math.abs(title.height - slug.height)).toBeLessThan(1);
  await page.screenshot({ path: test.info().outputPath('new-series-form.png') });
  expect(await seriousFindings(page, '.series-form')).toEqual([]);
  await form.getByRole('button', { name: 'Cancel' }).click();

  // The demo series, with one more post whose title is long, planned for the 15th of this month.
  await page.getByRole('link', { name: /Clinical leadership guest blogs/ }).click();
  await series.addPost(LONG);
  const now = new Date();
  const day15 = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-15`;
  await series.plan(LONG, day15);

  // The board: six workflow columns, the last one wholly inside the window and the board.
  await page.getByRole('tab', { name: 'Board' }).click();
  const columns = page.locator('.board__column');
  await expect(columns).toHaveCount(6);
  const last = await box(columns.last());
  const board = await box(page.locator('.board'));
  expect(last.x + last.width).toBeLessThanOrEqual(1280);
  expect(last.x + last.width).toBeLessThanOrEqual(board.x + board.width + 0.5);
  await page.screenshot({ path: test.info().outputPath('board.png') });
  expect(await seriousFindings(page, '.series-view')).toEqual([]);

  // The calendar: the long title is shown whole (no text cut off) and names the chip for a screen reader.
  await page.getByRole('tab', { name: 'Calendar' }).click();
  const chip = page.locator(`td[data-date="${day15}"]`).getByRole('button', { name: new RegExp(`^6\\. ${LONG}`) });
  await expect(chip).toBeVisible();
  const titleText = chip.locator('.calendar__chip-title');
  await expect(titleText).toHaveText(`6. ${LONG}`);
  for (const el of await page.locator('.calendar__chip-title').all()) {
    expect(await el.evaluate((e) => e.scrollWidth <= e.clientWidth && e.scrollHeight <= e.clientHeight)).toBe(true);
  }
  const chipBox = await box(chip);
  const cellBox = await box(page.locator(`td[data-date="${day15}"]`));
  expect(chipBox.x + chipBox.width).toBeLessThanOrEqual(cellBox.x + cellBox.width + 0.5);
  await chip.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('calendar.png') });
  expect(await seriousFindings(page, '.series-view')).toEqual([]);
});
