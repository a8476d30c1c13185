/**
 * Publish exports in a real browser: every export the issue names passes axe-core in light and
 * dark; the CLI writes the same bytes twice; the in-app preview shows the draft in a sandboxed
 * frame, follows edits and switches colour scheme.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from '@playwright/test';
import { test, expect } from './fixtures';
import { callApi } from './server';
import { openDatabase } from '../db/connection';
import { seedPublishFixtures, type SeededPublishFixtures } from '../main/exporters/publish-fixtures';

const ROOT = path.resolve(import.meta.dirname, '..');

function seed(dbPath: string): SeededPublishFixtures {
  const db = openDatabase(dbPath);
  try {
    return seedPublishFixtures(db);
  } finally {
    db.close();
  }
}

async function ok(url: string, secret: string, method: string, input: unknown) {
  const result = await callApi(url, secret, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

async function axeViolations(browser: Browser, file: string, colorScheme: 'light' | 'dark') {
  const context = await browser.newContext({ colorScheme });
  const page = await context.newPage();
  const blocked: string[] = [];
  page.on('console', (m) => m.type() === 'error' && blocked.push(m.text()));
  await page.goto(pathToFileURL(file).href);
  // Pictures load from assets/ (or data:) under the page's own CSP, and the stylesheet applies.
  const images = await page.locator('img').evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth));
  expect(images.every((w) => w > 0), `${file}: every picture loads`).toBe(true);
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg, 'the inline stylesheet is allowed by the CSP').toBe(colorScheme === 'dark' ? 'rgb(23, 24, 26)' : 'rgb(255, 253, 249)');
  const results = await new AxeBuilder({ page }).analyze();
  await context.close();
  expect(blocked, `${file}: no CSP or load errors`).toEqual([]);
  return results.violations.map((v) => `${path.basename(file)} (${colorScheme}): ${v.id}: ${v.help} [${v.nodes.map((n) => n.target.join(' ')).join(', ')}]`);
}

test('every export passes axe-core with zero violations in light and dark', async ({ server, secret, browser }) => {
  test.setTimeout(300_000);
  const seeded = seed(server.dbPath);
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-publish-axe-'));
  await ok(server.url, secret, 'publish.writePage', { post: { slug: seeded.guestSlug }, outPath: path.join(out, 'guest.html'), withComments: true });
  await ok(server.url, secret, 'publish.writePage', { post: { slug: seeded.everySlug }, outPath: path.join(out, 'every.html') });
  await ok(server.url, secret, 'publish.series', { series: { slug: seeded.seriesSlug }, outDir: path.join(out, 'series'), withComments: true });
  const files = [
    path.join(out, 'guest.html'),
    path.join(out, 'every.html'),
    path.join(out, 'series', 'index.html'),
    ...seeded.seriesPostSlugs.map((s) => path.join(out, 'series', `${s}.html`)),
  ];
  const violations: string[] = [];
  for (const file of files) violations.push(...(await axeViolations(browser, file, 'light')));
  // The series posts share the guest page's template: dark mode is checked on each kind of page.
  for (const file of files.slice(0, 3)) violations.push(...(await axeViolations(browser, file, 'dark')));
  expect(violations).toEqual([]);
});

test('the CLI exports a draft byte-identically twice, and a missing slug or unwritable path exits with status 2', async ({ server }) => {
  const seeded = seed(server.dbPath);
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-publish-cli-'));
  const cli = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'bin/workbench.mjs'), ...args, '--db', server.dbPath], { encoding: 'utf8', cwd: out });
  for (const name of ['a', 'b']) {
    const run = cli('export', seeded.everySlug, '--out', `${name}/page.html`, '--with-comments');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Wrote ${path.join(out, name, 'page.html')}`);
  }
  expect(fs.readFileSync(path.join(out, 'a/page.html')).equals(fs.readFileSync(path.join(out, 'b/page.html')))).toBe(true);
  expect(fs.readdirSync(path.join(out, 'a/assets'))).toEqual(fs.readdirSync(path.join(out, 'b/assets')));

  const missing = cli('export', 'no-such-draft', '--out', 'x.html');
  expect(missing.status).toBe(2);
  expect(missing.stderr).toContain('No post with slug "no-such-draft"');
  fs.writeFileSync(path.join(out, 'plain-file'), 'x');
  const unwritable = cli('export', seeded.guestSlug, '--out', 'plain-file/page.html');
  expect(unwritable.status).toBe(2);
  expect(unwritable.stderr).toContain('a part of the path is a file, not a folder; nothing was exported');
  const series = cli('export-series', seeded.seriesSlug, '--out', 'series');
  expect(series.status, series.stderr).toBe(0);
  expect(fs.readdirSync(path.join(out, 'series')).filter((f) => f.endsWith('.html'))).toHaveLength(6);
  const wxr = cli('export-wxr', seeded.guestSlug, '--out', 'guest.xml');
  expect(wxr.status, wxr.stderr).toBe(0);
  expect(wxr.stdout).toContain('1 post and 5 approved comments');
  const noSeries = cli('export-series', 'no-such-series', '--out', 'nothing');
  expect(noSeries.status).toBe(2);
});

test('the preview shows the exact export in a sandboxed frame, follows edits, switches to dark and copies', async ({ page, server, secret, context }) => {
  const seeded = seed(server.dbPath);
  const post = await ok(server.url, secret, 'posts.get', { slug: seeded.guestSlug });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
  await page.goto(`${server.url}#/drafts/${post.id}`);
  await page.getByRole('button', { name: 'Preview' }).click();
  const frameElement = page.locator('iframe[title="Publish preview of this draft"]');
  await expect(frameElement).toHaveAttribute('sandbox', '');
  const frame = page.frameLocator('iframe[title="Publish preview of this draft"]');
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Why is medical leadership important in the health service?');
  await expect(frame.getByText('This is the third in a series of guest blogs')).toBeVisible();
  // Inside the frame no script may run: the document's CSP and the empty sandbox both forbid it.
  const srcdoc = await frameElement.getAttribute('srcdoc');
  const expected = await ok(server.url, secret, 'publish.page', { post: { id: post.id }, withComments: true });
  const scheme = /class="theme-(light|dark)"/.exec(srcdoc!)![1];
  expect(srcdoc!.replace(` class="theme-${scheme}"`, '')).toBe(expected.html);

  // The preview covers the text; back to it to retitle, and the preview follows the saved change.
  await page.getByRole('button', { name: '← Back to the text' }).click();
  await page.getByLabel('Title').fill('A retitled post about leadership');
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('A retitled post about leadership', { timeout: 15_000 });

  const dark = page.getByRole('group', { name: 'Colours' }).getByRole('button', { name: 'Dark' });
  await expect(dark).toHaveAttribute('aria-pressed', String(scheme === 'dark'));
  if (scheme === 'light') await dark.click();
  await expect(dark).toHaveAttribute('aria-pressed', 'true');
  await expect(frameElement).toHaveAttribute('srcdoc', /<html lang="en-GB" class="theme-dark">/);
  await expect.poll(() => frame.locator('body').evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(23, 24, 26)');
  await page.screenshot({ path: '/tmp/pub-preview-dark.png' });

  await page.getByRole('button', { name: 'Copy as plain text' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied the body as plain text.' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('I have been a consultant physician for less than a year');
  await page.getByRole('button', { name: 'Copy as HTML' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied the body as HTML.' })).toBeVisible();
});
