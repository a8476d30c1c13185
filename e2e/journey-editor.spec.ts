/**
 * The editor's newcomer journey (issue 21, item 8), through the window only, on an empty
 * database at 1280x800: start a draft, give it a title, write a paragraph with a footnote, a
 * table with a caption and a picture, preview the page at phone width and export it. No API call
 * sets anything up.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { EditorPage } from './pages/EditorPage';
import { cli, ExportDialog, filesUnder, PreviewView, unzipped } from './pages/ExportPage';

test.use({ viewport: { width: 1280, height: 800 } });
const SHOTS = process.env.WORKBENCH_SCREENSHOTS || process.env.PW_OUTPUT_DIR || 'test-results';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** The preview's frame is sandboxed with no scripts, so axe checks the window around it; the exported page is checked on its own below. */
async function expectNoSeriousAxe(page: Page, include: string): Promise<void> {
  const axe = await new AxeBuilder({ page }).include(include).exclude('iframe').analyze();
  const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

test('an editor writes a post with a table, a footnote and a picture, previews it at phone width and exports the page', async ({ page, server }) => {
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
  await expectNoSeriousAxe(page, '.preview-view');


  // At phone width the table scrolls inside its own region and the picture fits the screen.
  const preview = new PreviewView(page);
  await preview.choice('Phone').click();
  expect((await preview.frameElement.boundingBox())!.width).toBe(390);
  const region = frame.getByRole('region', { name: 'Beds by unit, winter 2025' });
  await expect(region).toBeVisible();
  const fits = await frame.locator('img').first().evaluate((img) => img.getBoundingClientRect().width <= document.documentElement.clientWidth);
  expect(fits).toBe(true);
  await page.screenshot({ path: `${SHOTS}/journey-editor-phone.png` });
  await expectNoSeriousAxe(page, '.preview-view');

  // Export… from the preview: the standalone page with its picture comes as a .zip, byte for
  // byte what `workbench export` writes from the same database.
  const exporter = new ExportDialog(page);
  await exporter.openFrom(preview.bar);
  await exporter.choose('Standalone page');
  const zipped = await exporter.download();
  const slug = zipped.suggestedFilename().replace(/\.zip$/, '');
  expect(slug).toBe('beds-this-winter');
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-journey-editor-'));
  cli(server.dbPath, out, 'export', slug, '--out', 'page/page.html');
  const expected = filesUnder(path.join(out, 'page'), `${slug}/`);
  expected.set(`${slug}/${slug}.html`, expected.get(`${slug}/page.html`)!);
  expected.delete(`${slug}/page.html`);
  const got = await unzipped(zipped);
  expect([...got.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [name, bytes] of expected) expect(got.get(name)!.equals(bytes), name).toBe(true);
  const html = got.get(`${slug}/${slug}.html`)!.toString();
  expect(html).toContain('<caption>Beds by unit, winter 2025</caption>');
  expect(html).toContain('Source: the 2025 winter bed census.');
  expect(html).toMatch(/<img [^>]*alt="The acute medical unit at night"/);
  await exporter.close();

  // The exported page itself, opened on its own, has no serious or critical axe findings.
  const published = await page.context().newPage();
  await published.setContent(html);
  await expectNoSeriousAxe(published, 'body');
  await published.close();
});
