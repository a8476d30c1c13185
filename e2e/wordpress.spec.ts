/**
 * The WordPress journey through the window, against a real WordPress on loopback (Debian's
 * package over a private MariaDB, started for this file and stopped after it): connect a site in
 * the Connections dialog, publish the demo draft, open its remote link, pull the comment a reader
 * left there, approve it in the review pane and push that decision back, then post a reply to it from
 * the review pane; and a long pull with its progress and a cancel.
 */
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { startServer, type ServerProcess } from './server';
import { startWordPress, wordpressAvailable, type WordPressServer } from '../main/testing/wordpress-server';

test.use({ viewport: { width: 1280, height: 800 } });
test.setTimeout(150_000);
test.describe.configure({ mode: 'serial' });

let wp: WordPressServer;
let app: ServerProcess;
let dir: string;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const missing = wordpressAvailable();
  if (missing) throw new Error(`The WordPress journey needs Debian's packages: ${missing}`);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-e2e-wp-'));
  wp = await startWordPress();
  app = await startServer(path.join(dir, 'w.sqlite'), { WORKBENCH_SECRETS_DIR: path.join(dir, 'secrets'), WORKBENCH_WP_PASSWORD: '' });
});

test.afterAll(async () => {
  await app?.stop();
  await wp?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function checkAxe(page: Page, where: string) {
  const axe = await new AxeBuilder({ page }).include('.connections-dialog').analyze();
  const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${where}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('connect a WordPress site, publish the draft, open it there, pull its comment, approve it here, push the decision back and post a reply from the review pane', async ({ page, context }) => {
  await page.goto(`${app.url}#/drafts`);
  await page.getByRole('button', { name: 'Load demo content' }).click();
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue(/Why is medical leadership important/, { timeout: 60_000 });

  await page.getByRole('button', { name: 'Connections' }).click();
  const dialog = page.getByRole('dialog', { name: 'Connections' });
  // A wrong password first: the message says what to do.
  await dialog.getByLabel('Site address').fill(wp.url);
  await dialog.getByLabel('User name').fill('admin');
  await dialog.getByLabel('Application password').fill('wrong wrong wrong wrong');
  await dialog.getByRole('button', { name: 'Connect' }).click();
  await expect(dialog.getByRole('alert')).toContainText('refused the user name or application password (401)');
  await dialog.getByLabel('Application password').fill(wp.editor.appPassword);
  await dialog.getByLabel('User name').fill('editor');
  await dialog.getByRole('button', { name: 'Connect' }).click();
  await expect(dialog.getByRole('status').first()).toContainText(`Connected ${wp.url} as editor.`);
  await checkAxe(page, 'connected');

  const site = dialog.getByRole('region', { name: /Workbench test site/ });
  await site.getByLabel('Post', { exact: true }).selectOption({ label: 'Why is medical leadership important in the health service?' });
  await site.getByLabel('Publish as', { exact: true }).selectOption('publish');
  await site.getByRole('button', { name: 'Publish to WordPress' }).click();
  await expect(site.getByRole('status')).toContainText(/Created post \d+ \(publish\)/);
  await page.screenshot({ path: test.info().outputPath('wordpress-connections.png') });

  // The remote link opens the post on the site.
  const remoteLink = site.getByRole('link', { name: new RegExp(`^${wp.url.replace(/[.]/g, '\\.')}`) });
  const [remotePage] = await Promise.all([context.waitForEvent('page'), remoteLink.click()]);
  await remotePage.waitForLoadState();
  await expect(remotePage.locator('body')).toContainText('Why is medical leadership important in the health service?');
  await expect(remotePage.locator('body')).toContainText('This is the third in a series of guest blogs');
  const remoteId = Number(/post (\d+)/.exec((await site.getByRole('status').textContent()) ?? '')![1]);
  await remotePage.close();

  // A reader comments on the site; it waits for moderation there.
  wp.php(`wp_insert_comment(['comment_post_ID' => ${remoteId}, 'comment_author' => 'Wendy Reader', 'comment_author_email' => 'wendy@example.test', 'comment_content' => 'Thank you, this helped our ward.', 'comment_approved' => 0]);`);
  await site.getByRole('button', { name: 'Pull comments' }).click();
  await expect(site.getByRole('status')).toContainText('1 comments fetched: 1 new');
  await site.getByRole('button', { name: 'Connection log' }).click();
  await expect(site.getByRole('table', { name: /Connection log/ })).toContainText('/wp/v2/comments');
  await checkAxe(page, 'log');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Approve it in the review pane.
  await page.keyboard.press('Control+3');
  const list = page.getByRole('listbox', { name: /Comments/ });
  await list.getByText('Wendy Reader').click();
  await page.keyboard.press('a');
  await expect(page.getByTestId('count-pending')).toHaveText('0');

  // Push the decision back after a preview.
  await page.getByRole('button', { name: 'Connections' }).click();
  await site.getByRole('button', { name: 'Push moderation…' }).click();
  await expect(site.getByRole('listitem').filter({ hasText: 'Wendy Reader' })).toContainText('pending → approved');
  await page.screenshot({ path: test.info().outputPath('wordpress-push-preview.png') });
  await site.getByRole('button', { name: 'Send 1 change' }).click();
  await expect(site.getByRole('status')).toContainText(`1 of 1 changes sent to ${wp.url}.`);
  const there = await fetch(`${wp.url}/?rest_route=/wp/v2/comments&post=${remoteId}&context=edit`, {
    headers: { authorization: `Basic ${Buffer.from(`admin:${wp.admin.appPassword}`).toString('base64')}` },
  });
  expect(((await there.json()) as { author_name: string; status: string }[]).map((c) => [c.author_name, c.status])).toEqual([['Wendy Reader', 'approved']]);

  // Reply to Wendy from the review pane: marked ready, confirmed in the app's dialog, posted as the connected user.
  await dialog.getByRole('button', { name: 'Close' }).click();
  await list.getByText('Wendy Reader').click();
  await page.getByRole('button', { name: /Write a reply/ }).click();
  const replyText = page.getByRole('textbox', { name: 'Reply draft text' });
  await replyText.click();
  await page.keyboard.type('Thank you, Wendy. We are glad it helped your ward.');
  await page.getByLabel('Reply status').selectOption('ready');
  await expect(page.locator('.reply__state')).toHaveText('Saved');
  await page.getByRole('button', { name: 'Post reply to site…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Post this reply to the site?' });
  await expect(confirm).toContainText(`${wp.url} as editor`);
  await expect(confirm).toContainText('Thank you, Wendy. We are glad it helped your ward.');
  await page.screenshot({ path: test.info().outputPath('wordpress-reply-confirm.png') });
  const axe = await new AxeBuilder({ page }).include('.cdetail').include('.post-reply__dialog').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await confirm.getByRole('button', { name: 'Post reply' }).click();
  const posted = page.locator('.post-reply[role="status"]');
  await expect(posted).toContainText(`Posted to ${wp.url} as editor:`);
  const replyLink = await posted.getByRole('link').getAttribute('href');
  await page.screenshot({ path: test.info().outputPath('wordpress-reply-posted.png') });
  type WpComment = { id: number; parent: number; author_name: string; status: string; link: string; content: { raw: string } };
  const commentsThere = async () => (await (await fetch(`${wp.url}/?rest_route=/wp/v2/comments&post=${remoteId}&context=edit&status=any&orderby=id&order=asc`, {
    headers: { authorization: `Basic ${Buffer.from(`admin:${wp.admin.appPassword}`).toString('base64')}` },
  })).json()) as WpComment[];
  const [wendy, reply] = await commentsThere();
  expect(reply).toMatchObject({ parent: wendy!.id, author_name: 'editor', status: 'approved', link: replyLink });
  expect(reply!.content.raw).toContain('Thank you, Wendy. We are glad it helped your ward.');

  // Posting twice never duplicates: after a reload the pane links to the reply and offers no second post.
  await page.reload();
  await page.keyboard.press('Control+3');
  await list.getByText('Wendy Reader').click();
  await expect(page.locator('.post-reply[role="status"]')).toContainText(`Posted to ${wp.url} as editor:`);
  await expect(page.getByRole('button', { name: 'Post reply to site…' })).toHaveCount(0);
  expect((await commentsThere()).length).toBe(2);

  // Changed on both sides: a moderator there marks Wendy's comment spam, and here it is binned.
  wp.php(`wp_set_comment_status(${wendy!.id}, 'spam');`);
  await page.keyboard.press('d');
  await page.getByRole('button', { name: 'Connections' }).click();
  await site.getByRole('button', { name: 'Pull comments' }).click();
  await expect(site.getByRole('status')).toContainText('0 new, 0 changed in WordPress');
  await expect(site.getByRole('status')).toContainText('1 changed there and here: left for you to decide.');
  const decide = site.getByRole('group', { name: 'Changed in WordPress' });
  await expect(decide.getByRole('listitem')).toContainText('Wendy Reader: moderated in WordPress since the pull (now spam); yours is trash.');
  await page.screenshot({ path: test.info().outputPath('wordpress-pull-conflict.png') });
  await checkAxe(page, 'pull conflict');
  await decide.getByRole('button', { name: 'Send mine anyway' }).click();
  await expect(site.getByRole('status')).toContainText(`1 of 1 changes sent to ${wp.url}.`);
  expect((await commentsThere())[0]!.status).toBe('trash');
});

test('a long pull shows its progress and can be cancelled, keeping what it stored; the next pull fetches the rest', async ({ page }) => {
  const remoteId = Number(wp.php(`echo get_posts(['post_status' => 'publish', 'numberposts' => 1])[0]->ID;`).trim().split(/\s+/).pop());
  wp.php(`for ($i = 0; $i < 600; $i++) wp_insert_comment(['comment_post_ID' => ${remoteId}, 'comment_author' => "Reader $i", 'comment_content' => "Comment $i", 'comment_approved' => 1]);`);
  // Each page of comments takes 2.5 s to come: seven pages, time enough to see and cancel.
  wp.setSwitch('slow', '2.5 - GET /wp/v2/comments');
  try {
    await page.goto(`${app.url}#/drafts`);
    await page.getByRole('button', { name: 'Connections' }).click();
    const site = page.getByRole('dialog', { name: 'Connections' }).getByRole('region', { name: /Workbench test site/ });
    await site.getByRole('button', { name: 'Pull comments' }).click();
    const progress = site.getByRole('group', { name: 'Pull in progress' });
    await expect(progress).toContainText(/[1-9]\d* pages?, [1-9]\d* comments so far/);
    await page.screenshot({ path: test.info().outputPath('wordpress-pull-progress.png') });
    await progress.getByRole('button', { name: 'Cancel pull' }).click();
    await expect(site.getByRole('status')).toContainText(/Pull cancelled after [1-6] pages?: [1-6]00 comments fetched: [1-6]00 new/);
    await checkAxe(page, 'pull cancelled');
    wp.setSwitch('slow', null);
    await site.getByRole('button', { name: 'Pull comments' }).click();
    await expect(site.getByRole('status')).toContainText(/comments fetched: \d+ new/);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+3');
    await page.getByRole('search', { name: 'Filter comments' }).getByRole('searchbox').fill('Reader 599');
    await expect(page.getByRole('listbox', { name: /Comments/ })).toContainText('Comment 599');
  } finally {
    wp.setSwitch('slow', null);
  }
});
