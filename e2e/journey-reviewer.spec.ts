/**
 * The reviewer's first day, as a newcomer lives it: an empty database and the window only (no
 * API calls from the test). They import a CSV that gives no statuses (the comments arrive
 * pending, never published unreviewed), triage it by keyboard from the moment the pane opens,
 * annotate words selected with the mouse, and export the post's page with its approved comments.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { selectWithMouse } from './pages/select-words';
import { bytesOf, ExportDialog } from './pages/ExportPage';

test.use({ viewport: { width: 1280, height: 800 } });
// A whole journey with two axe runs: longer than one feature's test on a busy machine.
test.setTimeout(180_000);

const CSV = [
  'post,author,role,date,comment',
  'spring-planting-notes,Ann Reader,Gardener,2024-04-01 09:00,"Thank you for the planting calendar, it saved my tomatoes this year."',
  'spring-planting-notes,Buy Cheap Pills,,2024-04-01 10:00,"Cheap pills at example dot com, best prices today."',
  'spring-planting-notes,Carl Allotment,Allotment secretary,2024-04-02 11:30,"Our society will print the soil table for the members newsletter."',
].join('\r\n');

const list = (page: Page) => page.getByRole('listbox', { name: /Comments/ });
const active = (page: Page) => list(page).locator('.crow--active');
const count = (page: Page, s: string) => page.getByTestId(`count-${s}`);

async function checkAxe(page: Page, where: string) {
  const axe = await new AxeBuilder({ page }).analyze();
  const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${where}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('a new reviewer imports a CSV without statuses, triages it by keyboard, annotates a span selected with the mouse, and exports the page with the approved comments', async ({ page }) => {
  // Opening Comments on an empty database: the focus is on the one thing to do, importing.
  await page.keyboard.press('Control+3');
  await expect(page.getByRole('heading', { name: 'No comments to review' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import comments…' })).toBeFocused();
  await page.keyboard.press('Enter');

  const dialog = page.getByRole('dialog', { name: 'Import comments' });
  await dialog.getByLabel('Choose a file…').setInputFiles({ name: 'spring-comments.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await expect(dialog.getByLabel('Format')).toHaveValue('csv');
  // The Post column places every comment; the unfamiliar "comment" header is read as the text.
  await expect(dialog.getByTestId('import-post-from-column')).toBeVisible();
  await expect(dialog.getByTestId('import-blocked')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(dialog.getByTestId('import-preview-statuses')).toHaveText('They will arrive as: 0 approved, 3 pending, 0 spam, 0 trash.');
  await expect(dialog.getByTestId('import-preview-defaulted')).toContainText('no status column: 3 comments will be pending');
  await checkAxe(page, 'import preview');
  await page.screenshot({ path: test.info().outputPath('reviewer-1-preview.png') });
  await dialog.getByRole('button', { name: 'Import 3 comments' }).click();
  await expect(dialog.getByRole('status')).toContainText('no status column: 3 comments are pending.');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  // Nothing arrived approved.
  await expect(count(page, 'all')).toHaveText('3');
  await expect(count(page, 'pending')).toHaveText('3');
  await expect(count(page, 'approved')).toHaveText('0');

  // Away and back with Ctrl+3: the first key already works in the list.
  await page.keyboard.press('Control+1');
  await expect(page.getByRole('heading', { name: 'Comments', level: 1 })).toBeHidden();
  await page.keyboard.press('Control+3');
  await expect(list(page)).toBeFocused();
  await page.keyboard.press('?');
  const keys = page.getByRole('dialog', { name: 'Keyboard triage' });
  await expect(keys).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(keys).toBeHidden();
  await expect(list(page)).toBeFocused();

  // Triage: newest first, so Carl, then the spam, then Ann.
  await page.keyboard.press('Home');
  await expect(active(page)).toContainText('Carl Allotment');
  await page.keyboard.press('a');
  await expect(active(page)).toContainText('Buy Cheap Pills');
  await page.keyboard.press('s');
  await expect(active(page)).toContainText('Ann Reader');
  await page.keyboard.press('k');
  await page.keyboard.press('k');
  await expect(active(page)).toContainText('Carl Allotment');
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect(active(page)).toContainText('Ann Reader');
  await page.keyboard.press('a');
  await expect(count(page, 'approved')).toHaveText('2');
  await expect(count(page, 'spam')).toHaveText('1');
  await expect(count(page, 'pending')).toHaveText('0');
  // A slip, undone: the last a was meant for Ann, so approve, undo, approve again.
  await page.keyboard.press('Control+z');
  await expect(count(page, 'approved')).toHaveText('1');
  await expect(count(page, 'pending')).toHaveText('1');
  await page.keyboard.press('End');
  await expect(active(page)).toContainText('Ann Reader');
  await page.keyboard.press('a');
  await expect(count(page, 'approved')).toHaveText('2');

  // Annotate words selected with the mouse in Ann's comment, then n.
  const text = page.locator('.cdetail__text');
  await expect(page.locator('.cdetail')).toContainText('Ann Reader');
  await selectWithMouse(page, text, 'planting calendar');
  await page.keyboard.press('n');
  const form = page.getByRole('form', { name: 'New annotation' });
  await expect(form).toBeVisible();
  await expect(form.getByLabel(/^Span/)).toHaveValue('planting calendar');
  await form.getByLabel('Note').fill('Quote this in the follow-up post.');
  await form.getByRole('button', { name: 'Save annotation' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Annotations (1)' })).toBeVisible();
  await expect(page.locator('.annotation-list')).toContainText('planting calendar');

  // The approved comments: exactly the two the reviewer let through.
  await page.getByRole('group', { name: 'Comments by status' }).getByRole('button', { name: /Approved/ }).click();
  await expect(list(page).getByRole('option')).toHaveCount(2);
  await expect(list(page)).toContainText('Ann Reader');
  await expect(list(page)).toContainText('Carl Allotment');
  await expect(list(page)).not.toContainText('Buy Cheap Pills');
  await checkAxe(page, 'review pane');
  await page.screenshot({ path: test.info().outputPath('reviewer-2-approved.png') });


  // The post's page with its approved comments, exported from the window: never the spam.
  await page.keyboard.press('Control+1');
  await page.getByRole('link', { name: 'spring-planting-notes', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue('spring-planting-notes');
  const exporter = new ExportDialog(page);
  await exporter.openFrom(page.getByRole('region', { name: 'Draft' }));
  await exporter.choose('Standalone page', true);
  const html = (await bytesOf(await exporter.download())).toString();
  expect(html).toContain('Ann Reader');
  expect(html).toContain('Carl Allotment');
  expect(html).not.toContain('Buy Cheap Pills');
  await checkAxe(page, 'export dialog');
  await exporter.close();
});
