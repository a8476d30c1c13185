/**
 * "Changed while you were away" in the window: Ed had a draft open, left it; Ann changed it
 * meanwhile. When Ed opens it again the changes are listed with who made them, the changed
 * paragraph is highlighted, and the list is dismissed from the keyboard. Through the windows only.
 */
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures';
import { draftText, member } from './co-editors';
import { invite, startServerProcess } from '../main/sync/testing/team-server-process';

test.use({ viewport: { width: 1280, height: 800 } });
test.setTimeout(300_000);

const OUT = process.env.PW_OUTPUT_DIR ?? 'test-results';

test('opening a draft shows what a colleague changed since one last had it open, highlighted, dismissable by keyboard', async ({ browser }) => {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-e2e-away-'));
  const team = await startServerProcess(data);
  const [annToken, edToken] = invite(data, ['Ann Editor', 'editor'], ['Ed Itor', 'editor']);
  const ann = await member(browser, data, team.url, annToken!, 'Ann Editor');
  const ed = await member(browser, data, team.url, edToken!, 'Ed Itor');
  try {
    await ann.page.getByRole('button', { name: 'New draft' }).click();
    await expect(ann.page.getByText('Only you are in this draft.')).toBeVisible();
    await ann.page.getByPlaceholder('Title').fill('Away test');
    await draftText(ann.page).click();
    await ann.page.keyboard.type('The first paragraph.');
    await ann.page.keyboard.press('Enter');
    await ann.page.keyboard.type('The second paragraph.');

    // Ed opens it (now he has seen it) and goes back to the list.
    const row = ed.page.getByTestId('draft-row').filter({ hasText: 'Away test' });
    await expect(async () => {
      await ed.page.reload();
      await expect(row).toBeVisible({ timeout: 2000 });
    }).toPass({ timeout: 30_000 });
    await row.getByRole('link', { name: 'Away test' }).click();
    await expect(draftText(ed.page)).toContainText('The second paragraph.', { timeout: 15_000 });
    await expect(ed.page.getByRole('region', { name: /Changed while you were away/ })).toHaveCount(0);
    await ed.page.getByRole('link', { name: '← All drafts' }).click();
    await expect(ann.page.getByRole('list', { name: 'Also in this draft' })).toHaveCount(0, { timeout: 15_000 });

    // Ann changes the second paragraph while Ed is away.
    await draftText(ann.page).click();
    await ann.page.keyboard.press('Control+End');
    await ann.page.keyboard.type(' Ann added this.');
    await ann.page.waitForTimeout(1500);

    await ed.page.getByTestId('draft-row').filter({ hasText: 'Away test' }).getByRole('link', { name: 'Away test' }).click();
    const away = ed.page.getByRole('region', { name: /Changed while you were away/ });
    await expect(away).toBeVisible({ timeout: 15_000 });
    await expect(away).toContainText('Paragraph 2 by Ann Editor');
    await expect(away.locator('ins')).toContainText('Ann added this');
    await expect(draftText(ed.page).locator('.coedit-away-changed')).toHaveText('The second paragraph. Ann added this.');
    await ed.page.screenshot({ path: `${OUT}/co-editing-away.png` });
    const axe = await new AxeBuilder({ page: ed.page }).include('.draft').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    // Keyboard: the list's Dismiss button is reachable and closes it, taking the highlight away.
    const dismiss = away.getByRole('button', { name: 'Dismiss' });
    await dismiss.focus();
    await ed.page.keyboard.press('Enter');
    await expect(away).toHaveCount(0);
    await expect(draftText(ed.page).locator('.coedit-away-changed')).toHaveCount(0);
  } finally {
    await ann.close();
    await ed.close();
    team.child.kill('SIGTERM');
    await team.exited;
    fs.rmSync(data, { recursive: true, force: true });
  }
});
