/**
 * The hostile comment corpus in real Chromium: shown in the review pane and in the draft's
 * publish preview, nothing runs. Every payload would raise a dialog, set window.__pwned or make a
 * request, so the test watches for all three, and for console lines other than the browser's own
 * notices that it blocked something.
 */
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { callApi } from './server';
import { HOSTILE_CORPUS } from '../main/testing/hostile-corpus';
import { uuidv7 } from '../common/ids';

/** Writes the corpus as approved comments straight into the running server's database file. */
function insertCorpus(dbPath: string, postId: string): void {
  const db = new Database(dbPath);
  db.pragma('busy_timeout = 5000');
  const insert = db.prepare(
    `INSERT INTO comments (id, created_at, updated_at, post_id, source, source_id, author_name, author_url, posted_at, body_html, body_text, status)
     VALUES (?, ?, ?, ?, 'e2e', ?, ?, ?, ?, ?, ?, 'approved')`,
  );
  const now = new Date().toISOString();
  db.transaction(() => {
    HOSTILE_CORPUS.forEach((s, i) => insert.run(uuidv7(), now, now, postId, String(i), `Reader ${i}`, '', now, s.html, s.keep || s.name));
    insert.run(uuidv7(), now, now, postId, 'mallory', '<img src=x onerror="window.__pwned=1">Mallory', 'javascript:window.__pwned=1', now, '<p>Author</p>', 'Author');
  })();
  db.close();
}

interface Watch {
  dialogs: string[];
  console: string[];
  foreignRequests: string[];
}

function watch(page: Page, origin: string): Watch {
  const w: Watch = { dialogs: [], console: [], foreignRequests: [] };
  page.on('dialog', (d) => {
    w.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('console', (m) => {
    const text = m.text();
    // The browser's own reports that it blocked something are the defence working, not a payload.
    if (/Blocked script execution|Refused to (execute|load|apply|frame|connect)|Content Security Policy|sandboxed|Failed to load resource/i.test(text)) return;
    w.console.push(`${m.type()}: ${text}`);
  });
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.origin !== origin && url.protocol !== 'data:' && url.protocol !== 'blob:' && url.protocol !== 'about:') w.foreignRequests.push(r.url());
  });
  return w;
}

async function expectNothingRan(page: Page, w: Watch) {
  // Give any deferred payload (onerror, ontoggle, animation begin) time to fire.
  await page.waitForTimeout(1000);
  for (const frame of page.frames()) {
    const pwned = await frame.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned).catch(() => undefined);
    expect(pwned, `window.__pwned in ${frame.url()}`).toBeUndefined();
  }
  expect(await page.evaluate(() => typeof (window as unknown as { workbench?: unknown }).workbench)).toBe('undefined');
  expect(w.dialogs).toEqual([]);
  expect(w.foreignRequests).toEqual([]);
  expect(w.console).toEqual([]);
}

test('hostile comments in the draft’s publish preview run nothing', async ({ page, server, secret }) => {
  const w = watch(page, new URL(server.url).origin);
  const post = (await callApi(server.url, secret, 'posts.create', { title: 'Hostile readers', status: 'published', acceptWarnings: true })).value;
  insertCorpus(server.dbPath, post.id);
  await page.goto(`${server.url}#/drafts/${post.id}`);
  await page.getByRole('button', { name: 'Preview' }).click();
  const frame = page.frameLocator('iframe[title^="Publish preview"]');
  await expect(frame.getByText('Mallory')).toBeVisible();
  for (const s of HOSTILE_CORPUS.filter((x) => x.keep).slice(0, 10)) await expect(frame.getByText(s.keep, { exact: false }).first()).toBeAttached();
  await expectNothingRan(page, w);
  await expect(page.locator('iframe[title^="Publish preview"]')).toHaveAttribute('sandbox', '');
});

test('hostile comments in the review pane run nothing', async ({ page, server, secret }) => {
  const w = watch(page, new URL(server.url).origin);
  const post = (await callApi(server.url, secret, 'posts.create', { title: 'Hostile readers', status: 'published', acceptWarnings: true })).value;
  insertCorpus(server.dbPath, post.id);
  await page.goto(`${server.url}#/comments`);
  await expect(page.getByText('Mallory').first()).toBeVisible();
  // Focus each comment in turn so its body is rendered in full in the side panel.
  await page.getByRole('listbox').getByRole('option').first().click();
  const detail = page.getByRole('complementary', { name: 'Focused comment' });
  const seen: string[] = [];
  for (let i = 0; i <= HOSTILE_CORPUS.length; i++) {
    await expect(detail.locator('article')).toBeVisible();
    seen.push(await detail.innerText());
    await page.keyboard.press('j');
  }
  const shown = seen.join('\n');
  const lost = HOSTILE_CORPUS.filter((s) => s.keep && !shown.includes(s.keep)).map((s) => s.name);
  expect(lost, 'comment words missing from the review pane').toEqual([]);
  await expectNothingRan(page, w);
  // DOM clobbering: the corpus names must not have become globals of the app's page.
  const clobbered = await page.evaluate(() => {
    const d = document as unknown as Record<string, unknown>;
    const problems: string[] = [];
    if (typeof document.cookie !== 'string') problems.push('document.cookie');
    if (!(document.location instanceof Location)) problems.push('document.location');
    if (typeof d.getElementById !== 'function') problems.push('document.getElementById');
    if (document.body?.tagName !== 'BODY') problems.push('document.body');
    for (const name of ['defaultConfig', 'workbench', 'cookie']) if ((window as unknown as Record<string, unknown>)[name] instanceof Element) problems.push(`window.${name}`);
    return problems;
  });
  expect(clobbered).toEqual([]);
  expect(await page.locator('a[href^="javascript:" i], [onerror], [onload], [onclick], [onmouseover], [onfocus], [ontoggle]').count()).toBe(0);
});
