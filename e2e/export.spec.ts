/**
 * Export and preview from the window, as a user does it: Load demo content, open the draft,
 * Export… as a page (with its approved comments), a CMS fragment and WXR, a page with a picture
 * (a .zip), and the series (a .zip); each download is byte for byte what `workbench export`,
 * `export-series` and `export-wxr` write from the same database file. The preview is a full view
 * at desktop and phone widths, light and dark, with Export… and a way back (button and Escape).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { EditorPage } from './pages/EditorPage';
import { bytesOf, cli, ExportDialog, filesUnder, PreviewView, unzipped } from './pages/ExportPage';

test.use({ viewport: { width: 1280, height: 800 } });

const TITLE = 'Why is medical leadership important in the health service?';
const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const SHOTS = process.env.PW_OUTPUT_DIR || 'test-results';

async function openDemoDraft(page: Page, url: string): Promise<EditorPage> {
  await page.goto(`${url}#/drafts`);
  await page.getByRole('button', { name: 'Load demo content' }).click();
  // The demo writes a draft, its comments and a series: allow a loaded machine its time.
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue(TITLE, { timeout: 30_000 });
  const editor = new EditorPage(page);
  await expect(editor.body).toContainText('I have been a consultant physician');
  return editor;
}

/** Serious and critical axe findings in the app's window (the exported page itself is checked in publish.spec.ts). */
async function seriousFindings(page: Page, include: string): Promise<string[]> {
  // The preview frame is sandboxed with no scripts allowed, so axe cannot run inside it.
  const results = await new AxeBuilder({ page }).include(include).exclude('iframe').analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} [${v.nodes.map((n) => n.target.join(' ')).join(', ')}]`);
}

test('Export… downloads a draft and its series byte for byte as the CLI writes them', async ({ page, server }) => {
  test.setTimeout(180_000);
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-export-window-'));
  const editor = await openDemoDraft(page, server.url);
  const exporter = new ExportDialog(page);

  await exporter.openFrom(page.getByRole('region', { name: 'Draft' }));
  expect(await seriousFindings(page, 'dialog')).toEqual([]);
  await exporter.choose('Standalone page', true);
  await page.screenshot({ path: path.join(SHOTS, 'export-dialog.png') });
  const pageDownload = await exporter.download();
  const slug = pageDownload.suggestedFilename().replace(/\.html$/, '');
  cli(server.dbPath, out, 'export', slug, '--out', 'page.html', '--with-comments');
  const pageBytes = await bytesOf(pageDownload);
  expect(pageBytes.equals(fs.readFileSync(path.join(out, 'page.html')))).toBe(true);
  expect(pageBytes.toString()).toContain('<section class="comments"');

  await exporter.choose('CMS fragment');
  const fragment = await exporter.download();
  expect(fragment.suggestedFilename()).toBe(`${slug}.fragment.html`);
  cli(server.dbPath, out, 'export', slug, '--out', 'fragment.html', '--fragment');
  expect((await bytesOf(fragment)).equals(fs.readFileSync(path.join(out, 'fragment.html')))).toBe(true);

  await exporter.choose('WordPress WXR');
  await expect(exporter.dialog.getByRole('checkbox', { name: 'Include the approved comments' })).toBeDisabled();
  const wxr = await exporter.download();
  expect(wxr.suggestedFilename()).toBe(`${slug}.xml`);
  cli(server.dbPath, out, 'export-wxr', slug, '--out', 'post.xml');
  expect((await bytesOf(wxr)).equals(fs.readFileSync(path.join(out, 'post.xml')))).toBe(true);
  await exporter.close();

  // A picture makes the page a folder: the download is a .zip of the page and assets/.
  await editor.body.click();
  await page.keyboard.press('Control+End');
  await editor.insertImage({ name: 'dot.png', mimeType: 'image/png', buffer: PNG_1X1 }, 'A single red dot');
  await page.keyboard.press('Control+Shift+E');
  await expect(exporter.dialog).toBeVisible();
  await exporter.choose('Standalone page');
  const zipped = await exporter.download();
  expect(zipped.suggestedFilename()).toBe(`${slug}.zip`);
  cli(server.dbPath, out, 'export', slug, '--out', 'with-picture/page.html');
  const expected = filesUnder(path.join(out, 'with-picture'), `${slug}/`);
  expected.set(`${slug}/${slug}.html`, expected.get(`${slug}/page.html`)!);
  expected.delete(`${slug}/page.html`);
  const got = await unzipped(zipped);
  expect([...got.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [name, bytes] of expected) expect(got.get(name)!.equals(bytes), name).toBe(true);
  await exporter.close();

  // The series: its index and its published posts, as export-series writes the folder.
  await page.getByRole('link', { name: /Series/ }).click();
  await page.getByRole('link', { name: 'Clinical leadership guest blogs' }).click();
  await page.getByRole('button', { name: 'Export series…' }).click();
  const seriesDialog = page.getByRole('dialog', { name: 'Export “Clinical leadership guest blogs”' });
  await expect(seriesDialog).toBeVisible();
  expect(await seriousFindings(page, 'dialog')).toEqual([]);
  const [seriesZip] = await Promise.all([page.waitForEvent('download'), seriesDialog.getByRole('button', { name: 'Export', exact: true }).click()]);
  const seriesSlug = seriesZip.suggestedFilename().replace(/\.zip$/, '');
  cli(server.dbPath, out, 'export-series', seriesSlug, '--out', 'series');
  const seriesFiles = filesUnder(path.join(out, 'series'), `${seriesSlug}/`);
  const seriesGot = await unzipped(seriesZip);
  expect([...seriesGot.keys()].sort()).toEqual([...seriesFiles.keys()].sort());
  expect(seriesGot.has(`${seriesSlug}/index.html`)).toBe(true);
  for (const [name, bytes] of seriesFiles) expect(seriesGot.get(name)!.equals(bytes), name).toBe(true);
});

test('Preview is a full view of the exported page: desktop and phone, light and dark, Export… and back with Escape', async ({ page, server }) => {
  await openDemoDraft(page, server.url);
  const draft = page.getByRole('region', { name: 'Draft' });
  const previewButton = draft.getByRole('button', { name: 'Preview' });
  await previewButton.click();
  const preview = new PreviewView(page);
  await expect(preview.frame.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await expect(preview.back()).toBeFocused();
  // The text is out of the way, not squeezed beside the page.
  await expect(page.getByRole('textbox', { name: 'Draft text' })).toBeHidden();
  await expect(preview.frameElement).toHaveAttribute('sandbox', '');
  expect((await preview.frameElement.boundingBox())!.width).toBeGreaterThan(900);
  expect(await seriousFindings(page, '.preview-view')).toEqual([]);

  await preview.choice('Phone').click();
  await expect(preview.choice('Phone')).toHaveAttribute('aria-pressed', 'true');
  expect((await preview.frameElement.boundingBox())!.width).toBe(390);
  await preview.choice('Dark').click();
  await expect(preview.frameElement).toHaveAttribute('srcdoc', /<html lang="en-GB" class="theme-dark">/);
  await expect.poll(() => preview.frame.locator('body').evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(23, 24, 26)');
  await page.screenshot({ path: path.join(SHOTS, 'preview-phone-dark.png') });
  await preview.choice('Light').click();
  await preview.choice('Desktop').click();
  await expect(preview.frameElement).toHaveAttribute('srcdoc', /<html lang="en-GB" class="theme-light">/);
  await page.screenshot({ path: path.join(SHOTS, 'preview-desktop-light.png') });

  // Export… from the preview is the same dialog; Escape closes it first, then leaves the preview.
  const exporter = new ExportDialog(page);
  await exporter.openFrom(preview.bar);
  await page.keyboard.press('Escape');
  await expect(exporter.dialog).toBeHidden();
  await expect(preview.view).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(preview.view).toBeHidden();
  await expect(page.getByRole('textbox', { name: 'Draft text' })).toBeVisible();
  await expect(previewButton).toBeFocused();

  // Ctrl+Shift+P from the editor opens it, and the button takes the user back.
  await page.getByRole('textbox', { name: 'Draft text' }).click();
  await page.keyboard.press('Control+Shift+P');
  await expect(preview.view).toBeVisible();
  await preview.back().click();
  await expect(page.getByRole('textbox', { name: 'Draft text' })).toBeVisible();
});
