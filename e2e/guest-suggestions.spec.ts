/**
 * The whole editing conversation between an editor and a guest author, inside the draft (issue 17
 * item 6): Ed (an editor) suggests three changes and leaves a note mentioning Gus; Gus (a guest
 * author, in a second app on its own store) accepts two, rejects one, replies to the note and
 * resolves it, all through his window. Both windows end with the same text, and the exported page
 * holds exactly the accepted changes. The credit of Gus on the draft is set through Ed's app's API
 * (crediting is not what this journey is about).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures';
import { draftText, member, seriousFindings } from './co-editors';
import { bytesOf, ExportDialog } from './pages/ExportPage';
import { selectWithMouse } from './pages/select-words';
import { callApi, fetchSecret } from './server';
import { invite, startServerProcess } from '../main/sync/testing/team-server-process';

test.use({ viewport: { width: 1280, height: 800 } });
test.setTimeout(360_000);

const OUT = process.env.PW_OUTPUT_DIR ?? 'test-results';
const FINAL = 'Admissions sharply rose. Beds were short.';

test('an editor suggests three changes and mentions the guest author, who accepts two, rejects one, replies and resolves; both end with the same text and the export holds the accepted changes', async ({ browser }) => {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-e2e-guest-suggest-'));
  const team = await startServerProcess(data);
  const [edToken] = invite(data, ['Ed Itor', 'editor']);
  const ed = await member(browser, data, team.url, edToken, 'Ed Itor');
  let gus: Awaited<ReturnType<typeof member>> | undefined;
  try {
    // Ed writes the draft, and credits Gus on it.
    await ed.page.getByRole('button', { name: 'New draft' }).click();
    await draftText(ed.page).click();
    await ed.page.keyboard.type('Admissions rose in March. Beds were short.');
    const secret = await fetchSecret(ed.app.url);
    const call = async (method: string, input: unknown) => {
      const r = await callApi(ed.app.url, secret, method, input);
      if (!r.ok) throw new Error(r.error?.message);
      return r.value;
    };
    await expect.poll(async () => ((await call('posts.list', {})) as unknown[]).length, { timeout: 30_000 }).toBe(1);
    const [post] = (await call('posts.list', {})) as Array<{ id: string }>;
    const author = await call('authors.create', { name: 'Gus Guest' });
    const full = await call('posts.get', { id: post.id });
    await call('posts.update', { id: post.id, baseRevision: full.revision, title: 'Winter pressures', authorIds: [author.id] });
    await expect.poll(async () => (await call('workspace.status', {})).state, { timeout: 60_000 }).toBe('up-to-date');
    let guestToken = '';
    await expect.poll(() => {
      try {
        [guestToken] = invite(data, ['Gus Guest', 'guest-author', undefined, 'Gus Guest']);
        return true;
      } catch {
        return false;
      }
    }, { timeout: 30_000 }).toBe(true);

    // Ed suggests: an insertion, a deletion and a bold, from the keyboard and the mouse.
    const edBody = draftText(ed.page);
    await edBody.click();
    await ed.page.keyboard.press('Control+Alt+s');
    await expect(ed.page.getByRole('button', { name: 'Suggestion mode' })).toHaveAttribute('aria-pressed', 'true');
    await ed.page.keyboard.press('Control+Home');
    for (let i = 0; i < 'Admissions '.length; i++) await ed.page.keyboard.press('ArrowRight');
    await ed.page.keyboard.type('sharply ');
    await selectWithMouse(ed.page, edBody, 'in March');
    await ed.page.keyboard.press('Backspace');
    await selectWithMouse(ed.page, edBody, 'short');
    await ed.page.keyboard.press('Control+b');
    const edPending = ed.page.getByRole('region', { name: /^Suggestions/ }).getByRole('list', { name: 'Pending suggestions, in text order' }).getByRole('listitem');
    await expect(edPending).toHaveCount(3);

    // And a note on "Beds" that mentions Gus, once Ed's app has heard of him (it asks for the members every 15 s).
    await expect.poll(async () => ((await call('people.list', {})) as Array<{ name: string }>).map((p) => p.name), { timeout: 60_000 }).toContain('Gus Guest');
    await selectWithMouse(ed.page, edBody, 'Beds');
    await ed.page.keyboard.press('Control+Alt+n');
    const edNotes = ed.page.getByRole('region', { name: /^Notes/ });
    const composer = edNotes.getByRole('combobox', { name: /^Note/ });
    await expect(composer).toBeFocused();
    await ed.page.keyboard.type('@gu');
    await expect(edNotes.getByRole('listbox', { name: 'Members to mention' }).getByRole('option', { name: /Gus Guest/ })).toBeVisible();
    await ed.page.keyboard.press('Enter');
    await ed.page.keyboard.type('how many beds, and where?');
    await ed.page.keyboard.press('Tab');
    await ed.page.keyboard.press('Enter');
    await expect(edNotes.getByRole('article', { name: 'Note on “Beds”' })).toContainText('@Gus Guest how many beds, and where?');

    // Gus, in his own app: the draft opens held in suggestion mode, with Ed's three suggestions.
    gus = await member(browser, data, team.url, guestToken, 'Gus Guest');
    const page = gus.page;
    await page.getByRole('link', { name: 'Winter pressures' }).first().click({ timeout: 60_000 });
    const toggle = page.getByRole('button', { name: 'Suggestion mode' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'true', { timeout: 30_000 });
    await expect(toggle).toBeDisabled();
    // The details are shown to him, but are the editors' to change.
    await expect(page.getByLabel('Slug', { exact: true })).toBeDisabled();
    await expect(page.getByText('The details, featured image and revisions are the editors’ to change.')).toBeVisible();
    const panel = page.getByRole('region', { name: /^Suggestions/ });
    const pending = panel.getByRole('list', { name: 'Pending suggestions, in text order' }).getByRole('listitem');
    await expect(pending).toHaveCount(3, { timeout: 60_000 });
    // What suggestion mode cannot make a suggestion of is held back for him, with the reason.
    for (const name of ['Heading 2', 'Bulleted list', 'Link', 'Insert table', 'Insert image']) {
      const control = page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name, exact: true });
      await expect(control, name).toHaveAttribute('aria-disabled', 'true');
      await expect(control, name).toHaveAccessibleDescription(/^Not for guest authors: headings, lists, links/);
    }
    // And the heading shortcut does nothing: no heading, nothing refused, the text as it was.
    const before = await draftText(page).innerText();
    await selectWithMouse(page, draftText(page), 'Beds');
    await page.keyboard.press('Control+Alt+2');
    await expect(draftText(page).locator('h2')).toHaveCount(0);
    await expect(draftText(page)).toHaveText(before.replace(/\n+/g, ''));
    await expect(pending).toHaveCount(3);
    await panel.getByRole('button', { name: /^Accept insertion by Ed Itor.*“sharply ”$/ }).click();
    await expect(pending).toHaveCount(2);
    await panel.getByRole('button', { name: /^Accept deletion by Ed Itor.*“in March”$/ }).focus();
    await page.keyboard.press('Enter');
    await expect(pending).toHaveCount(1);
    await panel.getByRole('button', { name: /^Reject format change by Ed Itor.*“short”$/ }).click();
    await expect(pending).toHaveCount(0);
    await expect(draftText(page)).toHaveText(FINAL);
    // Undoing the reject would put back Ed's suggestion in Ed's name, which is not Gus's to write
    // (the stream and the server refuse it): a settlement is final for him, so Undo is off and Ctrl+Z changes nothing.
    const undo = page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Undo', exact: true });
    const undone = page.getByRole('status').filter({ hasText: 'Your last change was undone' });
    await expect(panel.getByRole('status')).toHaveText('Rejected one suggestion.');
    await expect(undo).toBeDisabled();
    await draftText(page).click();
    await page.keyboard.press('Control+z');
    await expect(draftText(page)).toHaveText(FINAL);
    // His own suggestion is his to undo: typed, then taken back with Ctrl+Z until Undo is off again.
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Truly.');
    await expect(pending).toHaveCount(1);
    await expect(undo).toBeEnabled();
    for (let i = 0; i < 10 && (await undo.isEnabled()); i++) await page.keyboard.press('Control+z');
    await expect(undo).toBeDisabled();
    await expect(pending).toHaveCount(0);
    await expect(draftText(page)).toHaveText(FINAL);

    // He replies to Ed's note and resolves it.
    const notes = page.getByRole('region', { name: /^Notes/ });
    const note = notes.getByRole('article', { name: 'Note on “Beds”' });
    await expect(note).toContainText('how many beds, and where?', { timeout: 60_000 });
    await note.getByRole('combobox', { name: 'Reply to the note on “Beds”' }).fill('Forty, at the general hospital.');
    await note.getByRole('button', { name: 'Reply' }).click();
    await expect(note).toContainText('Forty, at the general hospital.');
    await note.getByRole('button', { name: 'Resolve' }).click();
    await expect(notes.getByText('Resolved (1)')).toBeVisible();

    await page.screenshot({ path: `${OUT}/guest-suggestions.png` });
    expect(await seriousFindings(page)).toEqual([]);

    // Ed's window ends with the same text, no suggestion pending and the note resolved with Gus's reply.
    await expect(edBody).toHaveText(FINAL, { timeout: 60_000 });
    await expect(edPending).toHaveCount(0);
    // Nothing Gus did, his undo included, was refused by the stream.
    await expect(undone).toHaveCount(0);
    await expect(edNotes.getByText('Resolved (1)')).toBeVisible({ timeout: 60_000 });

    // The exported page holds exactly the accepted changes: no struck words, no bold.
    const exporter = new ExportDialog(ed.page);
    await exporter.openFrom(ed.page.getByRole('region', { name: 'Draft' }));
    await exporter.choose('Standalone page');
    const html = (await bytesOf(await exporter.download())).toString();
    expect(html).toContain(`<p>${FINAL}</p>`);
    for (const leak of ['<strong>', '<ins', '<del', 'suggestion', 'how many beds', 'Forty']) expect(html).not.toContain(leak);
    await exporter.close();
  } finally {
    await gus?.close();
    await ed.close();
    team.child.kill('SIGTERM');
    await team.exited;
    fs.rmSync(data, { recursive: true, force: true });
  }
});
