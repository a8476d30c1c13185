/**
 * What a cold open of the drafts list asks for, in order: its rows' request goes out while the
 * window boots (not after the list's chunk and first render), exactly once, ahead of the filters'
 * option lists; the editor's chunk (Lexical, the biggest) waits until the rows are in.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page, Request } from '@playwright/test';
import { test, expect } from './fixtures';
import { callApi } from './server';

const PAGE_TEXT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../demo/guest-blog-page.txt');

/** Comments to show, so that the first screen has rows and a comment open (set up as the other specs do). */
async function importDemoComments(url: string, secret: string): Promise<void> {
  const post = await callApi(url, secret, 'posts.create', { title: 'A post with comments' });
  const up = await fetch(new URL('upload', url), {
    method: 'POST',
    headers: { 'x-workbench-secret': secret, 'x-file-name': 'guest-blog-page.txt' },
    body: fs.readFileSync(PAGE_TEXT),
  }).then((r) => r.json());
  const imported = await callApi(url, secret, 'imports.run', { file: { uploadId: up.value.uploadId }, format: 'text', postSlug: post.value.slug });
  expect(imported.ok, JSON.stringify(imported.error)).toBe(true);
}

/** `count` new drafts titled "<name> 01" and up, the last one the newest. */
async function createDrafts(url: string, secret: string, count: number, name: string): Promise<void> {
  for (let i = 1; i <= count; i++) {
    const r = await callApi(url, secret, 'posts.create', { title: `${name} ${String(i).padStart(2, '0')}` });
    expect(r.ok, JSON.stringify(r.error)).toBe(true);
  }
}

/**
 * A cold open of `url` in a fresh context at 1280×800 that records how many elements match
 * `selector` when the first of them enters the document (read it with firstCount).
 */
async function openCounting(browser: Browser, url: string, selector: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript((selector: string) => {
    const w = window as unknown as { __firstCount?: number };
    const observer = new MutationObserver(() => {
      const n = document.querySelectorAll(selector).length;
      if (n === 0) return;
      w.__firstCount = n;
      observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true });
  }, selector);
  const page = await context.newPage();
  await page.goto(url);
  return { context, page };
}

const firstCount = (page: Page) => page.evaluate(() => (window as unknown as { __firstCount?: number }).__firstCount);

/**
 * Resolves once no request has been in flight for half a second, the change-event stream aside:
 * it stays open for as long as the page does, so Playwright's 'networkidle' never comes.
 * Call it before the page starts loading.
 */
function settled(page: Page): () => Promise<void> {
  const open = new Set<Request>();
  let last = Date.now();
  const done = (r: Request) => (open.delete(r), (last = Date.now()));
  page.on('request', (r) => {
    if (new URL(r.url()).pathname !== '/events') open.add(r);
  });
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return () => expect.poll(() => open.size === 0 && Date.now() - last >= 500, { timeout: 30_000 }).toBe(true);
}

test('a cold open of the drafts list asks for its rows first and once, and loads the editor only after them', async ({ page, server }) => {
  const log: string[] = [];
  page.on('request', (r) => log.push(`request ${new URL(r.url()).pathname}`));
  page.on('requestfinished', (r) => log.push(`finished ${new URL(r.url()).pathname}`));
  // The answer's arrival: Playwright can report a request finished after the page has already used its answer.
  page.on('response', (r) => log.push(`answered ${new URL(r.url()).pathname}`));
  await page.goto(`${server.url}#/drafts`);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'No drafts yet' })).toBeVisible();
  // Only what the reload asked for (the first load's requests are in the log too).
  const sinceReload = () => log.slice(log.lastIndexOf('request /'));
  await expect.poll(() => sinceReload().some((l) => /^request \/assets\/lexical-/.test(l))).toBe(true);
  const after = sinceReload();
  const at = (line: string | RegExp) => after.findIndex((l) => (typeof line === 'string' ? l === line : line.test(l)));
  expect(after.filter((l) => l === 'request /api/posts.list')).toHaveLength(1);
  expect(at('request /api/posts.list')).toBeLessThan(at('request /api/series.list'));
  expect(at('request /api/posts.list')).toBeLessThan(at(/^finished \/assets\/DraftsArea-.*\.js$/));
  expect(at(/^request \/assets\/lexical-/)).toBeGreaterThan(at('answered /api/posts.list'));
});

for (const { area, method, chunk } of [
  { area: 'series', method: 'series.list', chunk: /^finished \/assets\/SeriesArea-.*\.js$/ },
  { area: 'comments', method: 'comments.list', chunk: /^finished \/assets\/CommentsArea-.*\.js$/ },
  { area: 'planning', method: 'planning.view', chunk: /^finished \/assets\/PlanningArea-.*\.js$/ },
])
  test(`a cold open of ${area} asks for its first rows while the window boots, and once`, async ({ browser, server }) => {
    // A page of a context of its own, opened straight on the area: the area's chunk comes from the
    // server, not a cache, so a request that waited for it (as these did) could only leave after it.
    const context = await browser.newContext();
    const page = await context.newPage();
    const log: string[] = [];
    page.on('request', (r) => log.push(`request ${new URL(r.url()).pathname}`));
    page.on('requestfinished', (r) => log.push(`finished ${new URL(r.url()).pathname}`));
    const quiet = settled(page);
    await page.goto(`${server.url}#/${area}`);
    await quiet();
    await context.close();
    const after = log;
    const at = (line: string | RegExp) => after.findIndex((l) => (typeof line === 'string' ? l === line : line.test(l)));
    expect(after.filter((l) => l === `request /api/${method}`)).toHaveLength(1);
    expect(at(chunk)).toBeGreaterThan(-1);
    expect(at(`request /api/${method}`)).toBeLessThan(at(chunk));
  });

// The boot module (renderer/boot.ts) asks for the area's rows and its code before React's shell
// runs: in the page's own timeline, both requests start before the shell's mark (main.tsx, set once
// React's modules have run), and neither is asked for twice. When the shell was the entry, both
// started after it.
for (const { area, method, chunk } of [
  { area: 'drafts', method: 'posts.list', chunk: /\/assets\/DraftsArea-[\w-]+\.js$/ },
  { area: 'comments', method: 'comments.list', chunk: /\/assets\/CommentsArea-[\w-]+\.js$/ },
])
  test(`a cold open of ${area} starts its first request and its code before React's shell runs`, async ({ browser, server }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}#/${area}`);
    await expect(page.getByRole('navigation', { name: 'Work areas' })).toBeVisible();
    const read = () =>
      page.evaluate(() => ({
        shell: performance.getEntriesByName('workbench:shell').map((m) => m.startTime),
        requests: performance.getEntriesByType('resource').map((r) => ({ path: new URL(r.name).pathname, start: r.startTime })),
      }));
    // A request is in the timeline once its answer is complete.
    await expect.poll(async () => (await read()).requests.some((r) => r.path === `/api/${method}`)).toBe(true);
    const timeline = await read();
    await context.close();
    expect(timeline.shell).toHaveLength(1);
    const starts = (test: (path: string) => boolean) => timeline.requests.filter((r) => test(r.path)).map((r) => r.start);
    const api = starts((p) => p === `/api/${method}`);
    const code = starts((p) => chunk.test(p));
    expect(api).toHaveLength(1);
    expect(code).toHaveLength(1);
    expect(api[0]).toBeLessThan(timeline.shell[0]);
    expect(code[0]).toBeLessThan(timeline.shell[0]);
  });

test('a cold open of comments loads no HTML sanitizer: the original formatting brings it when first unfolded', async ({ browser, server, secret }) => {
  await importDemoComments(server.url, secret);
  const context = await browser.newContext();
  const page = await context.newPage();
  const scripts: Promise<string>[] = [];
  page.on('response', (r) => {
    if (new URL(r.url()).pathname.endsWith('.js')) scripts.push(r.text());
  });
  const quiet = settled(page);
  await page.goto(`${server.url}#/comments`);
  await expect(page.getByRole('listbox')).toBeVisible();
  await quiet();
  const code = await Promise.all(scripts);
  await context.close();
  expect(code.length).toBeGreaterThan(0);
  // DOMPurify's configuration keys survive minification.
  expect(code.filter((c) => c.includes('ALLOWED_TAGS'))).toHaveLength(0);
});

// The review pane's list draws its rows in the commit that first puts it in the document: it used
// to commit empty (its virtualizer had no size before its first layout), force a layout to measure
// itself, then draw the rows and force another, all before the first frame.
test('a cold open of comments puts the list in the document with its rows already in it', async ({ browser, server, secret }) => {
  await importDemoComments(server.url, secret);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // The DOM's changes up to the first moment the list exists: its rows must come in with it, not
  // be added to a list already in the document (a second commit, in the same task).
  await context.addInitScript(() => {
    const w = window as unknown as { __rowsAddedToList?: number };
    const isRow = (n: Node) => n instanceof Element && (n.matches('[role="option"]') || !!n.querySelector('[role="option"]'));
    const observer = new MutationObserver((records) => {
      const list = document.querySelector('[role="listbox"]');
      if (!list) return;
      observer.disconnect();
      const intoList = records.filter((r) => r.target instanceof Element && list.contains(r.target) && Array.from(r.addedNodes).some(isRow));
      w.__rowsAddedToList = intoList.length;
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  const page = await context.newPage();
  await page.goto(`${server.url}#/comments`);
  await expect(page.getByRole('listbox').getByRole('option').first()).toBeVisible();
  const rowsAddedToList = await page.evaluate(() => (window as unknown as { __rowsAddedToList?: number }).__rowsAddedToList);
  const shown = await page.getByRole('listbox').getByRole('option').count();
  await context.close();
  // The demo page holds five comments: all of them fit in the window.
  expect(shown).toBe(5);
  expect(rowsAddedToList).toBe(0);
});

// The drafts list's first frame holds the rows a window can show, not all hundred: building,
// styling and laying out the rest is work for the frame after, and they follow at once.
test('a cold open of a long drafts list draws the first screen of rows first, and the rest right after', async ({ browser, server, secret }) => {
  await createDrafts(server.url, secret, 60, 'Draft number');
  const { context, page } = await openCounting(browser, `${server.url}#/drafts`, '[data-testid="draft-row"]');
  const rows = page.getByTestId('draft-row');
  await expect(rows).toHaveCount(60);
  const rowsAtFirst = await firstCount(page);
  // The newest first: the first screen is the top of the list, and a row's link works at once.
  await expect(rows.first().getByRole('link')).toHaveText('Draft number 60');
  await context.close();
  expect(rowsAtFirst).toBe(24);
});

// Planning's tray of undated drafts, likewise: its chips are draggables, each with its hooks.
test('a cold open of planning draws the first screen of the tray first, and the rest right after', async ({ browser, server, secret }) => {
  await createDrafts(server.url, secret, 40, 'Undated draft');
  const { context, page } = await openCounting(browser, `${server.url}#/planning`, '[data-testid="plan-tray"] .plan-chip');
  const tray = page.getByTestId('plan-tray');
  await expect(tray.locator('.plan-chip')).toHaveCount(40);
  await expect(tray.getByRole('heading')).toHaveText('Unscheduled (40)');
  const chipsAtFirst = await firstCount(page);
  await context.close();
  expect(chipsAtFirst).toBe(24);
});
