import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { callApi } from './server';
import { seedComments } from '../db/repos/testing/seed-comments';

const FIXTURE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../demo/guest-blog-page.txt');
const TITLE = 'Why is medical leadership important in the health service?';

test.use({ viewport: { width: 1400, height: 1000 } });

const list = (page: Page) => page.getByRole('listbox', { name: /Comments/ });
const row = (page: Page, author: string) => list(page).getByRole('option').filter({ hasText: author });
const count = (page: Page, s: string) => page.getByTestId(`count-${s}`);

async function openPane(page: Page, url: string) {
  await page.goto(`${url}#/comments`);
  await expect(list(page)).toBeVisible();
}

/** Moves the keyboard focus with Home and j until the named author's row is the active one, each step seen before the next. */
async function focusRow(page: Page, author: string) {
  await list(page).focus();
  const active = list(page).locator('.crow--active');
  await page.keyboard.press('Home');
  await expect(active).toHaveAttribute('aria-posinset', '1');
  const rows = await list(page).getByRole('option').count();
  for (let i = 1; i <= rows; i++) {
    if (((await active.textContent()) ?? '').includes(author)) return;
    await page.keyboard.press('j');
    await expect(active).toHaveAttribute('aria-posinset', String(Math.min(i + 1, rows)));
  }
  throw new Error(`no row for ${author}`);
}

test('a reviewer triages the imported page comments by keyboard, annotates, drafts a reply, undoes a bulk action, searches and exports', async ({ page, server, secret }) => {
  const post = await callApi(server.url, secret, 'posts.create', { title: TITLE });
  // Browser mode imports an uploaded file, as the page does.
  const up = await fetch(new URL('upload', server.url), {
    method: 'POST',
    headers: { 'x-workbench-secret': secret, 'x-file-name': 'guest-blog-page.txt' },
    body: fs.readFileSync(FIXTURE),
  }).then((r) => r.json());
  expect(up.ok, JSON.stringify(up.error)).toBe(true);
  const imported = await callApi(server.url, secret, 'imports.run', { file: { uploadId: up.value.uploadId }, format: 'text', postSlug: post.value.slug });
  expect(imported.ok, JSON.stringify(imported.error)).toBe(true);
  expect(imported.value.comments.imported).toBe(5);

  await openPane(page, server.url);
  await expect(count(page, 'all')).toHaveText('5');
  await expect(list(page).getByRole('option')).toHaveCount(5);
  await expect(row(page, 'Pearl Baker')).toContainText('Independent Mental Health Advocate');

  // Keyboard triage: set a known start (all pending), then approve two and spam one.
  await list(page).focus();
  await page.keyboard.press('Control+a');
  await expect(page.getByTestId('selection-count')).toHaveText('5 selected');
  await page.keyboard.press('u');
  await expect(count(page, 'pending')).toHaveText('5');
  // a moves on to the next comment at once, not when the server answers: Home pressed straight
  // after stays on the first row, and the answer arriving later does not move the focus again.
  await focusRow(page, 'Adrian Hayter');
  const active = list(page).locator('.crow--active');
  expect(Number(await active.getAttribute('aria-posinset'))).toBeGreaterThan(1);
  await page.keyboard.press('a');
  await page.keyboard.press('Home');
  await expect(count(page, 'approved')).toHaveText('1');
  await page.waitForTimeout(300); // time for a late move, were there one
  await expect(active).toHaveAttribute('aria-posinset', '1');
  await focusRow(page, 'Jeremy Butler');
  await page.keyboard.press('a');
  await focusRow(page, 'Alistair Hellewell');
  await page.keyboard.press('s');
  await expect(count(page, 'approved')).toHaveText('2');
  await expect(count(page, 'spam')).toHaveText('1');
  await expect(count(page, 'pending')).toHaveText('2');
  await expect(row(page, 'Jeremy Butler').locator('.badge--approved')).toBeVisible();

  // ? shows the keys.
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard triage' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  // A key pressed after the dialog closed but before its close event ran still reaches the list.
  await expect(list(page).locator('.crow--active')).not.toHaveAttribute('aria-posinset', '1');
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard triage' })).toBeVisible();
  await page.evaluate(() => {
    document.querySelector('dialog')!.close();
    const box = document.querySelector<HTMLElement>('[role="listbox"]')!;
    box.focus();
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true }));
  });
  await expect(list(page).locator('.crow--active')).toHaveAttribute('aria-posinset', '1');

  // Annotate a span by keyboard: n, type the words, choose a tag, note, save.
  await focusRow(page, 'Pearl Baker');
  await page.keyboard.press('n');
  const form = page.getByRole('form', { name: 'New annotation' });
  await expect(form.getByLabel('Span')).toBeFocused();
  await page.keyboard.type("patient centred choice");
  await form.getByLabel('Tag').selectOption({ label: 'patient safety' });
  await form.getByLabel('Note').fill('Raise with the carers’ forum');
  await form.getByLabel('Reviewer').fill('Sam Editor');
  await form.getByLabel('Reviewer').press('Enter');
  await expect(form).toHaveCount(0);
  const side = page.getByRole('complementary', { name: 'Focused comment' });
  await expect(side.locator('.annotation')).toContainText('Raise with the carers’ forum');
  await expect(side.locator('.cdetail__text mark.hl--note')).toHaveText('patient centred choice');
  await expect(row(page, 'Pearl Baker')).toContainText('1 note');

  // Reply draft: r focuses the editor; it autosaves.
  await list(page).focus();
  await page.keyboard.press('r');
  await expect(side.getByRole('textbox', { name: 'Reply draft text' })).toBeFocused();
  await page.keyboard.type('Thank you, Pearl. We will take this to the carers’ forum.');
  await expect(side.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  const pearlId = await row(page, 'Pearl Baker').getAttribute('data-comment-id');
  // "Saved" may still be an earlier autosave's, from partway through the typing: the last one follows.
  await expect.poll(async () => (await callApi(server.url, secret, 'replies.get', { commentId: pearlId })).value.text).toBe('Thank you, Pearl. We will take this to the carers’ forum.');
  const reply = await callApi(server.url, secret, 'replies.get', { commentId: pearlId });
  expect(reply.value.status).toBe('draft');
  // A comment without a draft offers the editor rather than building one; a draft is shown again.
  const replyBox = side.getByRole('textbox', { name: 'Reply draft text' });
  await row(page, 'Jeremy Butler').click();
  await expect(side.getByRole('heading', { name: 'Jeremy Butler' })).toBeVisible();
  await expect(replyBox).toHaveCount(0);
  await side.getByRole('button', { name: /Write a reply/ }).click();
  await expect(replyBox).toBeFocused();
  await row(page, 'Pearl Baker').click();
  await expect(replyBox).toHaveText('Thank you, Pearl. We will take this to the carers’ forum.');
  // Saves go one at a time: with the server slow, a status change and the autosave of more typing
  // each build on the revision the one before got back, so the reply never conflicts with itself.
  await page.route('**/api/replies.save', async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  await side.getByLabel('Reply status').selectOption('ready');
  await replyBox.press('Control+End');
  await page.keyboard.type(' Thanks again.');
  const stored = async () => (await callApi(server.url, secret, 'replies.get', { commentId: pearlId })).value as { text: string; status: string };
  await expect.poll(async () => (await stored()).text, { timeout: 15_000 }).toBe('Thank you, Pearl. We will take this to the carers’ forum. Thanks again.');
  expect((await stored()).status).toBe('ready');
  await expect(side.locator('.reply__state')).toHaveAttribute('data-state', 'saved');
  await page.unroute('**/api/replies.save');

  // Bulk action and undo.
  await list(page).focus();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('d');
  await expect(count(page, 'trash')).toHaveText('5');
  await expect(page.getByRole('toolbar', { name: 'Moderation' })).toContainText('5 comments marked trash.');
  await expect(page.getByTestId('comments-announcer')).toHaveText('5 comments marked trash.');
  await page.keyboard.press('Control+z');
  await expect(count(page, 'trash')).toHaveText('0');
  await expect(count(page, 'approved')).toHaveText('2');
  await expect(count(page, 'spam')).toHaveText('1');
  await expect(count(page, 'pending')).toHaveText('2');

  // Filter and search with highlighted matches.
  await list(page).focus();
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox')).toBeFocused();
  await page.keyboard.type('leadership');
  // Adrian, Alistair and Julie write "leadership"; Pearl's "Leader" is not a match for the longer word.
  await expect(row(page, 'Pearl Baker')).toHaveCount(0);
  await expect(row(page, 'Alistair Hellewell').locator('mark.hl--match').first()).toHaveText('leadership');
  const hits = await list(page).getByRole('option').count();
  // A search's per-status counts follow its rows (a second request): they must arrive and settle.
  await expect(count(page, 'all')).toHaveText(String(hits));
  await expect(count(page, 'approved')).toHaveText('1');
  await expect(page.getByRole('group', { name: 'Comments by status' })).toHaveAttribute('aria-busy', 'false');
  await page.getByRole('button', { name: /^Approved/ }).click();
  await expect(list(page).getByRole('option')).toHaveCount(1);
  await expect(row(page, 'Adrian Hayter')).toBeVisible();
  await page.getByRole('searchbox').fill('');
  await page.getByRole('button', { name: /^All/ }).click();
  await page.getByLabel('Annotated').selectOption('yes');
  await expect(list(page).getByRole('option')).toHaveCount(1);
  await page.getByLabel('Annotated').selectOption('');

  // Export the report.
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  const csvText = fs.readFileSync((await csv.path())!, 'utf8');
  expect(csvText).toContain('patient centred choice,');
  expect(csvText).toContain('patient safety,Raise with the carers’ forum,Sam Editor');
  const [html] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export HTML report' }).click()]);
  expect(fs.readFileSync((await html.path())!, 'utf8')).toContain('<td>Raise with the carers’ forum</td>');

  const axe = await new AxeBuilder({ page }).include('.comments-pane').analyze();
  const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('a hostile comment runs nothing, loads nothing and shows as text, and names cannot spoof the layout', async ({ page, server, secret }) => {
  const origin = new URL(server.url).origin;
  const dialogs: string[] = [];
  const consoles: string[] = [];
  const foreign: string[] = [];
  page.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss()));
  page.on('console', (m) => consoles.push(m.text()));
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.origin !== origin && u.protocol !== 'data:' && u.protocol !== 'blob:') foreign.push(r.url());
  });

  const post = await callApi(server.url, secret, 'posts.create', { title: 'Hostile' });
  const hostile = '<img src=x onerror=alert(1)> <script>alert(1)</script> <a href="javascript:alert(1)">click</a> <svg onload=alert(1)></svg> <img src="http://evil.example/t.png">';
  const db = new Database(server.dbPath);
  seedComments(db, [
    { postId: post.value.id, authorName: 'Mallory', text: hostile, html: `<p>${hostile}</p><p><a href="https://example.org/x" onclick="alert(2)">a real link</a></p>` },
    { postId: post.value.id, authorName: '\u202Eevil\u202C Trusted Editor', text: 'Name with a right-to-left override.' },
  ]);
  db.close();

  await openPane(page, server.url);
  await expect(count(page, 'all')).toHaveText('2');
  await page.waitForTimeout(300);
  await focusRow(page, 'Mallory');
  await page.waitForTimeout(300);
  const side = page.getByRole('complementary', { name: 'Focused comment' });
  await expect(side.locator('.cdetail__text')).toHaveText(hostile);
  await side.getByText('Original formatting').click();
  const formatted = side.locator('.safe-html');
  await expect(formatted).toContainText('a real link');
  await expect(formatted.locator('img, script, svg, [onerror], [onload], [onclick], [style]')).toHaveCount(0);
  await expect(formatted.locator('a[href^="javascript"]')).toHaveCount(0);
  await expect(formatted.getByText('click')).toBeVisible();

  // A real link asks first, and opens only in a new context with no opener.
  const link = formatted.getByRole('link', { name: 'a real link' });
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  await link.click();
  const confirm = page.getByRole('dialog', { name: 'Open this link?' });
  await expect(confirm).toContainText('https://example.org/x');
  await confirm.getByRole('button', { name: 'Cancel' }).click();

  // The spoofing name is isolated in its own bdi.
  await expect(row(page, 'Trusted Editor').locator('bdi.crow__author')).toHaveCount(1);

  await page.waitForTimeout(300);
  expect(dialogs).toEqual([]);
  expect(consoles).toEqual([]);
  expect(foreign).toEqual([]);
});

test('threads nest replies under their parents with capped indentation, flag orphans, and follow a deep thread', async ({ page, server, secret }) => {
  const post = await callApi(server.url, secret, 'posts.create', { title: 'Threaded post' });
  const db = new Database(server.dbPath);
  const day = (n: number) => `2026-03-${String(n).padStart(2, '0')}T10:00:00.000Z`;
  const ids: string[] = [];
  for (let level = 0; level < 8; level++) {
    ids.push(...seedComments(db, [{ postId: post.value.id, parentId: ids[level - 1] ?? null, authorName: `Level ${level}`, postedAt: day(level + 1), text: `Reply at level ${level}` }]));
  }
  seedComments(db, [{ postId: post.value.id, authorName: 'Lost Reply', postedAt: day(20), text: 'My parent was not imported', flags: ['orphan'] }]);
  db.close();

  await openPane(page, server.url);
  await page.getByLabel('Post', { exact: true }).selectOption({ label: 'Threaded post (9)' });
  await page.getByLabel('Order', { exact: true }).selectOption('thread');
  // The list re-orders when the thread-ordered answer arrives.
  const depths = () => list(page).getByRole('option').evaluateAll((els) => els.map((e) => `${e.querySelector('.crow__author')?.textContent}:${e.getAttribute('data-depth')}`));
  await expect.poll(depths).toEqual(['Level 0:0', 'Level 1:1', 'Level 2:2', 'Level 3:3', 'Level 4:4', 'Level 5:5', 'Level 6:5', 'Level 7:5', 'Lost Reply:0']);
  await expect(row(page, 'Level 7')).toContainText('Reply level 7');
  await expect(row(page, 'Lost Reply')).toContainText('Orphaned reply');

  // Follow the deep part of the thread from level 5: its replies come back to the margin.
  await focusRow(page, 'Level 5');
  await page.keyboard.press('t');
  await expect(list(page).getByRole('option')).toHaveCount(3);
  await expect.poll(() => list(page).getByRole('option').evaluateAll((els) => els.map((e) => e.getAttribute('data-depth')))).toEqual(['0', '1', '2']);
  await page.getByRole('button', { name: 'Back from thread' }).click();
  await expect(list(page).getByRole('option')).toHaveCount(9);

  // The team edits its tag vocabulary; the tag filter follows.
  await page.getByText(/^Team tags/).click();
  await page.getByLabel('New tag').fill('follow-up');
  await page.getByRole('button', { name: 'Add tag' }).click();
  await expect(page.getByLabel('Tag', { exact: true }).locator('option', { hasText: 'follow-up' })).toHaveCount(1);
  await page.getByRole('button', { name: 'Rename off-topic' }).click();
  await page.getByLabel('New name for off-topic').fill('tangent');
  await page.getByLabel('New name for off-topic').press('Enter');
  await page.getByRole('button', { name: 'Remove quote-worthy' }).click();
  await expect(page.getByLabel('Tag', { exact: true }).locator('option')).toHaveText(['Any', 'follow-up', 'needs reply', 'patient safety', 'tangent']);
});

test('the list is virtual: thousands of comments keep only the visible rows in the page, and End reaches the last', async ({ page, server, secret }) => {
  const post = await callApi(server.url, secret, 'posts.create', { title: 'Busy post' });
  const db = new Database(server.dbPath);
  const start = Date.UTC(2025, 0, 1);
  seedComments(
    db,
    Array.from({ length: 5000 }, (_, i) => ({ postId: post.value.id, authorName: `Reader ${i}`, postedAt: new Date(start + i * 60_000).toISOString(), text: `Comment number ${i}` })),
  );
  db.close();

  await openPane(page, server.url);
  await expect(count(page, 'all')).toHaveText('5,000');
  expect(await list(page).getByRole('option').count()).toBeLessThan(40);
  await list(page).focus();
  await page.keyboard.press('End');
  const active = list(page).locator('.crow--active');
  await expect(active).toContainText('Reader 0');
  await expect(active).toHaveAttribute('aria-posinset', '5000');
  expect(await list(page).getByRole('option').count()).toBeLessThan(40);
  await page.keyboard.press('k');
  await expect(list(page).locator('.crow--active')).toContainText('Reader 1');
  // A new filter starts at the top again.
  await page.getByRole('searchbox').fill('4999');
  await expect(list(page).getByRole('option')).toHaveCount(1);
  await expect(list(page).getByRole('option')).toContainText('Reader 4999');
});
