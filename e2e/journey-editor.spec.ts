/**
 * The editor's newcomer journey (issue 21, item 8), through the window only, on an empty
 * database at 1280x800: start a draft, give it a title, write a paragraph with a footnote, a
 * table with a caption and a picture, then preview the page. No API call sets anything up.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { EditorPage } from './pages/EditorPage';

test.use({ viewport: { width: 1280, height: 800 } });
const SHOTS = process.env.WORKBENCH_SCREENSHOTS || process.env.PW_OUTPUT_DIR || 'test-results';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

async function expectNoSeriousAxe(page: Page, include: string): Promise<void> {
  const axe = await new AxeBuilder({ page }).include(include).analyze();
  const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

test('an editor writes a post with a table, a footnote and a picture, and previews it', async ({ page }) => {
  test.setTimeout(180_000);
  // An empty database: the drafts list offers a new draft.
  await page.getByRole('button', { name: 'New draft' }).click();
  const title = page.getByRole('textbox', { name: 'Title' });
  await expect(title).toBeVisible();
  await title.fill('Beds this winter');
  const editor = new EditorPage(page);

  // A paragraph with a footnote.
  await editor.body.click();
  await page.keyboard.type('Capacity rose in most units this winter.');
  await page.keyboard.press('Control+Alt+KeyF');
  const note = page.getByRole('dialog', { name: 'Insert footnote' });
  await note.getByLabel('Footnote text').fill('Source: the 2025 winter bed census.');
  await page.keyboard.press('Enter');
  await expect(editor.body.getByRole('button', { name: 'Footnote: Source: the 2025 winter bed census.' })).toBeVisible();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');

  // A table from the toolbar: a header row, two rows of figures, Tab between cells, a caption.
  await editor.button('Insert table').click();
  const typeCells = async (cells: string[]) => {
    for (const [i, cell] of cells.entries()) {
      if (i > 0) await page.keyboard.press('Tab');
      await page.keyboard.type(cell);
    }
  };
  await typeCells(['Unit', 'Beds', 'Change', 'Acute', '31', '+4', 'Renal', '12', '0']);
  await page.getByRole('group', { name: 'Table tools' }).getByRole('button', { name: 'Insert row below' }).click();
  // The caret stays in the last cell it was in: down into the new row, back to its first cell.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await typeCells(['ICU', '8', '+1']);
  await expect(editor.body.locator('table tr')).toHaveCount(4);
  await page.getByRole('group', { name: 'Table tools' }).getByRole('button', { name: 'Table caption' }).click();
  const caption = page.getByRole('dialog', { name: 'Table caption' });
  await caption.getByLabel('Caption').fill('Beds by unit, winter 2025');
  await caption.getByRole('button', { name: 'Save caption' }).click();
  await expect(editor.body.getByRole('table', { name: 'Beds by unit, winter 2025' })).toBeVisible();

  // A picture after the table, from a file, with its alt text.
  await editor.body.locator('p.ed-p').last().click();
  await page.keyboard.type('The acute unit at night:');
  const chooser = page.waitForEvent('filechooser');
  await editor.button('Insert image').click();
  await (await chooser).setFiles({ name: 'ward.png', mimeType: 'image/png', buffer: PNG });
  const picture = page.getByRole('dialog', { name: 'Add image ward.png' });
  await picture.getByLabel('Alt text (required)').fill('The acute medical unit at night');
  await picture.getByRole('button', { name: 'Add image' }).click();
  await expect(editor.body.getByRole('img', { name: 'The acute medical unit at night' })).toBeVisible();
  await editor.waitSaved();
  await page.screenshot({ path: `${SHOTS}/journey-editor-draft.png` });
  await expectNoSeriousAxe(page, '.editor');

  // The preview shows the page as it will be published.
  await page.getByRole('button', { name: 'Preview' }).click();
  const frame = page.frameLocator('iframe[title="Publish preview of this draft"]');
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Beds this winter');
  const table = frame.getByRole('table', { name: 'Beds by unit, winter 2025' });
  await expect(table).toBeVisible();
  await expect(table.getByRole('columnheader')).toHaveText(['Unit', 'Beds', 'Change']);
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table.getByRole('row').last()).toHaveText('ICU8+1');
  await expect(frame.getByRole('img', { name: 'The acute medical unit at night' })).toBeVisible();
  await expect(frame.locator('sup.footnote-ref a')).toHaveText('1');
  await expect(frame.locator('.footnotes li')).toContainText('Source: the 2025 winter bed census.');
  await page.screenshot({ path: `${SHOTS}/journey-editor-preview.png` });
  await expectNoSeriousAxe(page, 'iframe[title="Publish preview of this draft"]');

  // ---------------------------------------------------------------------------------------
  // TODO(export): the full-view Preview and the Export… action are being built on the
  // `export` branch. When they land, continue the journey here, through the window only:
  //   1. switch the full-view preview to phone width and check the table scrolls inside its
  //      region and the picture fits (screenshot `journey-editor-phone.png`);
  //   2. choose Export…, the standalone page, and check the downloaded file is byte-identical
  //      to `workbench export <slug>` and holds the table, the footnote and the picture;
  //   3. run axe on the full-view preview.
  // ---------------------------------------------------------------------------------------
});
