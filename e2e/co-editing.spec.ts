/**
 * Two members co-edit one draft, each in their own app (two `workbench serve` processes on two
 * databases) joined to one real team server: live typing and carets, offline edits of the same
 * paragraph merged on reconnect, undo of one's own words only. Everything through the windows.
 */
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures';
import { draftText, member } from './co-editors';
import { invite, startServerProcess, type ServerProcess as TeamProcess } from '../main/sync/testing/team-server-process';

test.use({ viewport: { width: 1280, height: 800 } });
test.setTimeout(300_000);

const OUT = process.env.PW_OUTPUT_DIR ?? 'test-results';

const text = draftText;

test('two members co-edit a draft live and apart: typing, carets, offline edits of one paragraph, undo of their own words', async ({ browser }) => {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-e2e-coedit-'));
  let team: TeamProcess = await startServerProcess(data);
  const port = Number(new URL(team.url).port);
  const [annToken, edToken] = invite(data, ['Ann Editor', 'editor'], ['Ed Itor', 'editor']);
  const ann = await member(browser, data, team.url, annToken, 'Ann Editor');
  const ed = await member(browser, data, team.url, edToken, 'Ed Itor');
  try {
    // Ann starts a draft; it reaches Ed's list through the team server.
    await ann.page.getByRole('button', { name: 'New draft' }).click();
    await expect(ann.page.getByText('Only you are in this draft.')).toBeVisible();
    await ann.page.getByPlaceholder('Title', { exact: true }).fill('Rivers of the north');
    await text(ann.page).click();
    await ann.page.keyboard.type('Ann writes first.');
    // The drafts list does not follow the team yet (it loads once): Ed reloads it, as a user would.
    const row = ed.page.getByTestId('draft-row').filter({ hasText: 'Rivers of the north' });
    await expect(async () => {
      await ed.page.reload();
      await expect(row).toBeVisible({ timeout: 2000 });
    }).toPass({ timeout: 30_000 });
    await row.getByRole('link', { name: 'Rivers of the north' }).click();
    await expect(text(ed.page)).toContainText('Ann writes first.', { timeout: 15_000 });

    // Live: Ed types at the end, Ann sees it; each sees the other in the draft, and Ann sees Ed's caret.
    await text(ed.page).click();
    await ed.page.keyboard.press('End');
    await ed.page.keyboard.type(' Ed adds a line.');
    await expect(text(ann.page)).toContainText('Ann writes first. Ed adds a line.', { timeout: 10_000 });
    await expect(ann.page.getByRole('list', { name: 'Also in this draft' })).toContainText('Ed Itor');
    await expect(ed.page.getByRole('list', { name: 'Also in this draft' })).toContainText('Ann Editor');
    await expect(ann.page.locator('.coedit-cursors').getByText('Ed Itor')).toBeVisible({ timeout: 10_000 });
    await ann.page.screenshot({ path: `${OUT}/co-editing-live.png` });
    const axe = await new AxeBuilder({ page: ann.page }).include('.draft').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    // Ed retitles the draft: the new title shows in Ann's open draft, and her standfirst, written
    // next, is saved on it (no conflict) and reaches Ed.
    const edTitle = ed.page.getByPlaceholder('Title', { exact: true });
    await edTitle.fill('Rivers of the far north');
    await edTitle.blur();
    await expect(ann.page.getByPlaceholder('Title', { exact: true })).toHaveValue('Rivers of the far north', { timeout: 15_000 });
    // The slug follows the title in Ed's window, which saves it; Ann's takes it (and does not save it again).
    await expect(ann.page.getByLabel('Slug', { exact: true })).toHaveValue('rivers-of-the-far-north', { timeout: 15_000 });
    const annStandfirst = ann.page.getByPlaceholder(/^Standfirst/);
    await annStandfirst.fill('Where the rivers run.');
    await annStandfirst.blur();
    await expect(ed.page.getByPlaceholder(/^Standfirst/)).toHaveValue('Where the rivers run.', { timeout: 15_000 });
    await expect(ann.page.getByRole('dialog', { name: 'This draft was changed in another window' })).toHaveCount(0);
    await expect(ann.page.getByPlaceholder('Title', { exact: true })).toHaveValue('Rivers of the far north');

    // Both offline (the team server stops), both edit the same paragraph, then it comes back.
    team.child.kill('SIGTERM');
    await team.exited;
    await text(ann.page).click();
    await ann.page.keyboard.press('Control+Home');
    await ann.page.keyboard.type('Offline Ann: ');
    await text(ed.page).click();
    await ed.page.keyboard.press('Control+End');
    await ed.page.keyboard.type(' Offline Ed.');
    await expect(text(ann.page)).not.toContainText('Offline Ed.');
    team = await startServerProcess(data, port);
    const merged = 'Offline Ann: Ann writes first. Ed adds a line. Offline Ed.';
    await expect(text(ann.page)).toHaveText(merged, { timeout: 30_000 });
    await expect(text(ed.page)).toHaveText(merged, { timeout: 30_000 });

    // Undo in Ed's window takes back Ed's words only; Ann's stay.
    await text(ed.page).click();
    await ed.page.keyboard.press('Control+z');
    await expect(text(ed.page)).not.toContainText('Offline Ed.');
    await expect(text(ed.page)).toContainText('Offline Ann: Ann writes first.');
    await expect(text(ann.page)).not.toContainText('Offline Ed.', { timeout: 10_000 });
    await expect(text(ann.page)).toContainText('Offline Ann: Ann writes first.');
    await ed.page.screenshot({ path: `${OUT}/co-editing-after-undo.png` });
  } finally {
    await ann.close();
    await ed.close();
    team.child.kill('SIGTERM');
    await team.exited;
    fs.rmSync(data, { recursive: true, force: true });
  }
});
