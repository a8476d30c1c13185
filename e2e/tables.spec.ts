/**
 * Tables in the editor as a writer uses them at 1280x800: insert one from the toolbar or the
 * keyboard, move between cells with Tab and the arrows, add and remove rows and columns, turn
 * the header row on and off, give it a caption, paste one from a web page or Google Docs; and
 * the pop-overs (link, footnote, caption) open beside the text, in view.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { EditorPage, storedBody } from './pages/EditorPage';

test.use({ viewport: { width: 1280, height: 800 } });
const SHOTS = process.env.PW_OUTPUT_DIR || 'test-results';

function cellTexts(table: any): string[][] {
  const text = (n: any): string => (n.children ?? []).map((c: any) => c.text ?? text(c)).join('');
  return table.children.map((row: any) => row.children.map((cell: any) => text(cell)));
}

async function storedTable(editor: EditorPage, url: string, secret: string, id: string): Promise<any> {
  await editor.waitSaved();
  const blocks = await storedBody(url, secret, id);
  return blocks.find((b) => b.type === 'table');
}

async function paste(page: Page, html: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Draft text' }).evaluate((el, h) => {
    const data = new DataTransfer();
    data.setData('text/html', h);
    data.setData('text/plain', 'table');
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
}

test('a table is inserted from the toolbar, filled with Tab, grown and shrunk, and saved with its header row', async ({ page, server, secret }) => {
  const { editor, id } = await EditorPage.open(page, server.url, secret);
  await editor.body.click();
  await page.keyboard.type('Before the table');
  await editor.button('Insert table').click();
  const table = editor.body.locator('table');
  await expect(table).toBeVisible();
  await expect(table.locator('th')).toHaveCount(3);
  // Tab walks the cells left to right, then on to the next row; Shift+Tab goes back.
  for (const word of ['Unit', 'Beds', 'Staff', 'Acute', '31']) {
    await page.keyboard.type(word);
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.type('0');
  // The arrows cross cells too: Down from "310" lands in the third row's middle cell.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.type('x');
  expect(cellTexts(await storedTable(editor, server.url, secret, id))).toEqual([
    ['Unit', 'Beds', 'Staff'],
    ['Acute', '310', ''],
    ['', 'x', ''],
  ]);

  const tools = page.getByRole('group', { name: 'Table tools' });
  await expect(tools).toBeVisible();
  await tools.getByRole('button', { name: 'Insert row below' }).click();
  await tools.getByRole('button', { name: 'Insert column right' }).click();
  let stored = await storedTable(editor, server.url, secret, id);
  expect(stored.children).toHaveLength(4);
  expect(stored.children.every((r: any) => r.children.length === 4)).toBe(true);
  await tools.getByRole('button', { name: 'Delete row' }).click();
  await tools.getByRole('button', { name: 'Delete column' }).click();
  stored = await storedTable(editor, server.url, secret, id);
  expect(stored.children).toHaveLength(3);
  expect(stored.children[0].children.map((c: any) => c.headerState)).toEqual([1, 1, 1]);

  const headerRow = tools.getByRole('button', { name: 'Header row' });
  await expect(headerRow).toHaveAttribute('aria-pressed', 'true');
  await headerRow.click();
  await expect(headerRow).toHaveAttribute('aria-pressed', 'false');
  await expect(table.locator('th')).toHaveCount(0);
  await headerRow.click();
  await expect(table.locator('th')).toHaveCount(3);
  stored = await storedTable(editor, server.url, secret, id);
  expect(stored.children[0].children.map((c: any) => c.headerState)).toEqual([1, 1, 1]);

  // Outside the table the tools go away; the paragraph after the table takes the caret.
  await editor.body.getByText('Before the table').click();
  await expect(tools).toBeHidden();
  await page.reload();
  await expect(editor.body.locator('table th')).toHaveCount(3);
  await expect(editor.body.locator('table td').filter({ hasText: '310' })).toBeVisible();
});

test('Ctrl+Alt+G inserts a table; a caption is shown above it, named to screen readers, and saved', async ({ page, server, secret }) => {
  const { editor, id } = await EditorPage.open(page, server.url, secret);
  await editor.body.click();
  await page.keyboard.press('Control+Alt+KeyG');
  await expect(editor.body.locator('table')).toBeVisible();
  await expect(editor.button('Insert table')).toHaveAttribute('title', 'Insert table (Ctrl+Alt+G)');
  await page.keyboard.type('Ward');
  await page.getByRole('group', { name: 'Table tools' }).getByRole('button', { name: 'Table caption' }).click();
  const dialog = page.getByRole('dialog', { name: 'Table caption' });
  await expect(dialog).toBeVisible();
  // The form opens beside the caret, below the toolbar, not over the table's first row.
  const toolbarBottom = (await editor.toolbar.boundingBox())!.y + (await editor.toolbar.boundingBox())!.height;
  const box = (await dialog.boundingBox())!;
  const word = (await editor.body.getByText('Ward').boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(toolbarBottom);
  expect(box.y).toBeGreaterThanOrEqual(word.y + word.height);
  await dialog.getByLabel('Caption').fill('Beds by ward');
  await page.screenshot({ path: `${SHOTS}/table-caption-form.png` });
  await dialog.getByRole('button', { name: 'Save caption' }).click();
  await expect(dialog).toBeHidden();
  await expect(editor.body.getByRole('table', { name: 'Beds by ward' })).toBeVisible();
  const stored = await storedTable(editor, server.url, secret, id);
  expect(stored.$).toEqual({ caption: 'Beds by ward' });
  await page.screenshot({ path: `${SHOTS}/table-in-editor.png` });

  const axe = await new AxeBuilder({ page }).include('.editor').analyze();
  const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test('a table pasted from a web page or Google Docs keeps its cells, header, spans and caption', async ({ page, server, secret }) => {
  const { editor, id } = await EditorPage.open(page, server.url, secret);
  await editor.body.click();
  await paste(
    page,
    `<meta charset="utf-8"><b style="font-weight:normal" id="docs-internal-guid-9"><p dir="ltr"><span>Intro</span></p>` +
      `<div dir="ltr"><table style="border:none"><caption>Beds &amp; staff</caption><colgroup><col width="200"><col width="100"></colgroup><tbody>` +
      `<tr style="height:20pt"><th scope="col"><p dir="ltr"><span style="font-weight:700">Unit</span></p></th><th scope="col" colspan="2"><p>Numbers</p></th></tr>` +
      `<tr><td><p dir="ltr"><span>Acute</span></p></td><td><p><span>31</span></p></td><td onclick="alert(1)" colspan="99999"><p>12</p></td></tr>` +
      `</tbody></table></div></b>`,
  );
  const table = editor.body.locator('table');
  await expect(table).toBeVisible();
  await expect(table.locator('th')).toHaveCount(2);
  await expect(editor.body.getByRole('table', { name: 'Beds & staff' })).toBeVisible();
  const stored = await storedTable(editor, server.url, secret, id);
  expect(stored.$).toEqual({ caption: 'Beds & staff' });
  expect(cellTexts(stored)).toEqual([
    ['Unit', 'Numbers'],
    ['Acute', '31', '12'],
  ]);
  expect(stored.children[0].children.map((c: any) => [c.headerState, c.colSpan])).toEqual([[3, 1], [1, 2]]); // Lexical reads a th in the first column as heading its row too
  expect(stored.children[1].children.map((c: any) => c.colSpan)).toEqual([1, 1, 1]);
});

test('the link and footnote pop-overs open at the selection and stay in view; a footnote shows its text at its marker', async ({ page, server, secret }) => {
  test.setTimeout(120_000);
  const { editor } = await EditorPage.open(page, server.url, secret);
  await editor.body.click();
  for (let i = 0; i < 24; i++) {
    await page.keyboard.insertText(`Paragraph ${i + 1} of a long draft about ward capacity.`);
    await page.keyboard.press('Enter');
  }
  await page.keyboard.insertText('The last line says something worth a note');
  // Near the bottom of the window: the footnote form must open above the line, not be cut off.
  await editor.button('Insert footnote').click();
  const form = page.getByRole('dialog', { name: 'Insert footnote' });
  await expect(form).toBeVisible();
  const line = (await editor.body.getByText('The last line says').boundingBox())!;
  const box = (await form.boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(800);
  expect(box.y + box.height).toBeLessThanOrEqual(line.y + 1);
  await page.screenshot({ path: `${SHOTS}/footnote-form-near-bottom.png` });
  await form.getByLabel('Footnote text').fill('Source: the 2025 bed census.');
  await page.keyboard.press('Enter');
  await expect(form).toBeHidden();

  const marker = editor.body.getByRole('button', { name: 'Footnote: Source: the 2025 bed census.' });
  await marker.hover();
  const tip = page.getByTestId('footnote-tip');
  await expect(tip).toHaveText('Source: the 2025 bed census.');
  const tipBox = (await tip.boundingBox())!;
  expect(tipBox.y + tipBox.height).toBeLessThanOrEqual(800);
  await page.screenshot({ path: `${SHOTS}/footnote-tip.png` });

  // The link form opens under the selected words, not under the toolbar over the first lines.
  await editor.body.getByText('Paragraph 3 of').scrollIntoViewIfNeeded();
  await editor.body.getByText('Paragraph 3 of').dblclick();
  await editor.button('Link').click();
  const link = page.getByRole('dialog', { name: 'Insert link' });
  await expect(link).toBeVisible();
  const words = (await editor.body.getByText('Paragraph 3 of').boundingBox())!;
  const linkBox = (await link.boundingBox())!;
  expect(linkBox.y).toBeGreaterThanOrEqual(words.y + words.height - 2);
  expect(linkBox.y).toBeLessThan(words.y + words.height + 40);
  await page.screenshot({ path: `${SHOTS}/link-form-at-selection.png` });
});
