/**
 * A guest author in the team workspace (issue 17 item 4): their app joins from the window and
 * lists only the draft they are credited on, which opens in suggestion mode (held on) under the guest's banner.
 * The admin's workspace is set up through their app's API (the drafts, the authors and the
 * credits are not what this journey is about); the guest does everything in the window.
 */
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures';
import { build } from '../common/editor/serialized';
import { callApi, fetchSecret, startServer, tempDbPath } from './server';
import { DraftsPage } from './pages/DraftsPage';
import { joinFromStatusBar } from './pages/join-workspace';
import { invite, startServerProcess } from '../main/sync/testing/team-server-process';

test.use({ viewport: { width: 1280, height: 800 } });
test.setTimeout(240_000);

/** A paragraph with a footnote, and a picture (a 1×1 PNG) with its alt text. */
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const WITH_PICTURE_AND_FOOTNOTE = build.root([build.paragraph([build.text('Admissions rose.'), build.footnote('Source: the trust’s figures')]), build.image(PNG, 'A chart of admissions')]);

const value = (r: { ok: boolean; value?: any; error?: { message: string } }) => {
  if (!r.ok) throw new Error(r.error?.message);
  return r.value;
};

test('a guest author joins and sees only the draft they are credited on, held in suggestion mode, with the guest banner', async ({ browser }) => {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-e2e-guest-'));
  const team = await startServerProcess(data);
  const [adminToken] = invite(data, ['Ann Admin', 'admin']);
  const admin = await startServer(tempDbPath(), { WORKBENCH_KEY_FILE: path.join(data, 'admin.key') });
  const guestApp = await startServer(tempDbPath(), { WORKBENCH_KEY_FILE: path.join(data, 'guest.key') });
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    const secret = await fetchSecret(admin.url);
    const call = async (method: string, input: unknown) => value(await callApi(admin.url, secret, method, input));
    const gus = await call('authors.create', { name: 'Gus Guest' });
    const olive = await call('authors.create', { name: 'Olive Other' });
    for (const [title, author] of [["Gus's draft", gus], ["Olive's draft", olive]] as const) {
      const post = await call('posts.create', { title, body: WITH_PICTURE_AND_FOOTNOTE });
      await call('posts.update', { id: post.id, baseRevision: post.revision, authorIds: [author.id] });
    }
    await call('workspace.join', { url: team.url, token: adminToken });
    await expect.poll(async () => (await call('workspace.status', {})).state, { timeout: 60_000 }).toBe('up-to-date');
    const [guestToken] = invite(data, ['Gus Guest', 'guest-author', undefined, 'Gus Guest']);

    await page.goto(guestApp.url);
    await joinFromStatusBar(page, team.url, guestToken, 'Gus Guest, guest author');
    const drafts = new DraftsPage(page);
    await drafts.open(guestApp.url);
    await expect(drafts.rows).toHaveCount(1, { timeout: 30_000 });
    expect(await drafts.titles()).toEqual(["Gus's draft"]);

    await drafts.row("Gus's draft").getByRole('link').first().click();
    const banner = page.getByRole('note').filter({ hasText: 'You are a guest author: your changes to the text are suggestions for the editors' });
    await expect(banner).toBeVisible({ timeout: 30_000 });
    await expect(page.getByLabel('Title', { exact: true })).toHaveJSProperty('readOnly', true);
    await expect(page.getByLabel('Standfirst', { exact: true })).toHaveJSProperty('readOnly', true);
    await expect(page.getByRole('textbox', { name: 'Draft text' })).toHaveAttribute('contenteditable', 'true');
    const toggle = page.getByRole('button', { name: 'Suggestion mode' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(toggle).toBeDisabled();
    await expect(toggle).toHaveAccessibleDescription(/Always on for guest authors/);

    // The picture's and the footnote's edit controls are the editors' too: held back with the reason, a click changes nothing.
    await expect(page.getByRole('img', { name: 'A chart of admissions' })).toBeVisible();
    for (const name of ['Edit alt text and caption', 'Remove image', 'Footnote: Source: the trust’s figures']) {
      const control = page.getByRole('button', { name, exact: true });
      await expect(control, name).toHaveAttribute('aria-disabled', 'true');
      await expect(control, name).toHaveAccessibleDescription(/^Not for guest authors: headings, lists, links, pictures, footnotes/);
      // By keyboard and by mouse (forced: Playwright waits for an aria-disabled control to be enabled).
      await control.focus();
      await page.keyboard.press('Enter');
      await control.click({ force: true });
    }
    await expect(page.getByRole('dialog', { name: 'Edit footnote' })).toHaveCount(0);
    await expect(page.getByRole('textbox', { name: /alt text/i })).toHaveCount(0);
    await expect(page.getByRole('img', { name: 'A chart of admissions' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Your last change was undone' })).toHaveCount(0);

    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await page.screenshot({ path: `${process.env.PW_OUTPUT_DIR ?? 'test-results'}/workspace-guest.png` });
  } finally {
    await context.close();
    await guestApp.stop();
    await admin.stop();
    team.child.kill('SIGTERM');
    await team.exited;
    fs.rmSync(data, { recursive: true, force: true });
  }
});
