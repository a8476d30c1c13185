/**
 * A note with an @mention travels through the team workspace, window to window: Ed (an editor)
 * notes words and mentions Sam (a reviewer) from the member list; Sam's sidebar counts it, his
 * For you lists it, he opens it, replies and resolves; Ed sees the reply. Two apps (two
 * `workbench serve` processes, two stores) on one real team server; everything through the windows.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures';
import { draftText, member, seriousFindings } from './co-editors';
import { selectWithMouse } from './pages/select-words';
import { invite, startServerProcess } from '../main/sync/testing/team-server-process';

test.use({ viewport: { width: 1280, height: 800 } });
test.setTimeout(300_000);

const OUT = process.env.PW_OUTPUT_DIR ?? 'test-results';

test('Ed mentions Sam in a note; Sam finds it in For you, opens it, replies and resolves; Ed sees the reply', async ({ browser }) => {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-e2e-mentions-'));
  const team = await startServerProcess(data);
  const [edToken, samToken] = invite(data, ['Ed Itor', 'editor'], ['Sam Reviewer', 'reviewer']);
  const ed = await member(browser, data, team.url, edToken, 'Ed Itor');
  const sam = await member(browser, data, team.url, samToken, 'Sam Reviewer');
  try {
    await ed.page.getByRole('button', { name: 'New draft' }).click();
    await ed.page.getByPlaceholder('Title').fill('Rivers of the north');
    await draftText(ed.page).click();
    await ed.page.keyboard.type('Admissions rose by ninety in March.');

    // Ed notes "ninety" and mentions Sam from the member list, by keyboard.
    await selectWithMouse(ed.page, draftText(ed.page), 'ninety');
    await ed.page.keyboard.press('Control+Alt+n');
    const panel = ed.page.getByRole('region', { name: /^Notes/ });
    const composer = panel.getByRole('combobox', { name: /^Note/ });
    await expect(composer).toBeFocused();
    await ed.page.keyboard.type('@sa');
    const options = panel.getByRole('listbox', { name: 'Members to mention' });
    await expect(options.getByRole('option', { name: /Sam Reviewer/ })).toBeVisible();
    await expect(composer).toHaveAttribute('aria-expanded', 'true');
    await ed.page.screenshot({ path: `${OUT}/notes-mention-list.png` });
    expect(await seriousFindings(ed.page)).toEqual([]);
    await ed.page.keyboard.press('Enter');
    await expect(composer).toHaveAttribute('aria-expanded', 'false');
    await ed.page.keyboard.type('source for this figure?');
    await expect(composer).toHaveValue('@Sam Reviewer source for this figure?');
    await ed.page.keyboard.press('Tab');
    await ed.page.keyboard.press('Enter');
    const edNote = panel.getByRole('article', { name: 'Note on “ninety”' });
    await expect(edNote.locator('.note__mention')).toHaveText('@Sam Reviewer');

    // Sam's sidebar counts it, and For you lists it.
    const forYouLink = sam.page.getByRole('navigation', { name: 'Work areas' }).getByRole('link', { name: /For you/ });
    await expect(forYouLink.getByTestId('for-you-count')).toHaveText('1', { timeout: 60_000 });
    await forYouLink.click();
    const entry = sam.page.getByRole('list', { name: 'Notes that mention you' }).getByRole('article');
    await expect(entry).toHaveCount(1);
    // The title was typed after the draft was made: it arrives by sync too, and the list follows it.
    await expect(entry).toContainText('Rivers of the north', { timeout: 30_000 });
    await expect(entry).toContainText('Ed Itor: @Sam Reviewer source for this figure?');
    await sam.page.screenshot({ path: `${OUT}/notes-for-you.png` });
    expect(await seriousFindings(sam.page)).toEqual([]);

    // He opens it: the draft, at the note; he replies and resolves.
    await entry.getByRole('button', { name: 'Open note' }).click();
    const samPanel = sam.page.getByRole('region', { name: /^Notes/ });
    const samNote = samPanel.getByRole('article', { name: 'Note on “ninety”' });
    await expect(samNote).toContainText('source for this figure?', { timeout: 30_000 });
    await samNote.getByRole('combobox', { name: 'Reply to the note on “ninety”' }).fill('Office for National Statistics, March 2026.');
    await samNote.getByRole('button', { name: 'Reply' }).click();
    await expect(samNote).toContainText('Office for National Statistics, March 2026.');
    await samNote.getByRole('button', { name: 'Resolve' }).click();
    await expect(samPanel.getByText('Resolved (1)')).toBeVisible();
    await expect(forYouLink.getByTestId('for-you-count')).toHaveCount(0);

    // Ed sees Sam's reply, and the note resolved.
    await expect(panel.getByText('Resolved (1)')).toBeVisible({ timeout: 60_000 });
    await panel.getByText('Resolved (1)').click();
    const resolved = panel.getByRole('list', { name: 'Resolved notes' }).getByRole('article', { name: 'Note on “ninety”' });
    await expect(resolved).toContainText('Office for National Statistics, March 2026.');
    await expect(resolved).toContainText('Resolved by Sam Reviewer');
    await ed.page.screenshot({ path: `${OUT}/notes-mention-resolved.png` });
  } finally {
    await ed.close();
    await sam.close();
    team.child.kill('SIGTERM');
    await team.exited;
    fs.rmSync(data, { recursive: true, force: true });
  }
});
