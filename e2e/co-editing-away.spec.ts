/**
 * "Changed while you were away" in the window: Ann leaves a co-edited draft, Ed changes a
 * paragraph of it while she is away, and when Ann opens it again she sees who changed what (the
 * summary line and the word diff) with the changed paragraph highlighted in the text; she
 * dismisses it from the keyboard, and the live stream still carries her typing to Ed. Everything
 * through the windows of two members' apps on one real team server.
 */
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures';
import { draftText as text, member } from './co-editors';
import { invite, startServerProcess } from '../main/sync/testing/team-server-process';

test.use({ viewport: { width: 1280, height: 800 } });
test.setTimeout(420_000);

const OUT = process.env.PW_OUTPUT_DIR ?? 'test-results';

test('a member who was away sees who changed which paragraph, highlighted, and dismisses it', async ({ browser }) => {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-e2e-away-'));
  const team = await startServerProcess(data);
  const [annToken, edToken] = invite(data, ['Ann Editor', 'editor'], ['Ed Itor', 'editor']);
  const ann = await member(browser, data, team.url, annToken, 'Ann Editor');
  const ed = await member(browser, data, team.url, edToken, 'Ed Itor');
  try {
    // Ann starts a draft; once its title has reached Ed's list (saved, synced), she writes three
    // paragraphs (the title's save is through before the body's typing starts), and Ed opens it.
    await ann.page.getByRole('button', { name: 'New draft' }).click();
    await expect(ann.page.getByText('Only you are in this draft.')).toBeVisible();
    await ann.page.getByPlaceholder('Title', { exact: true }).fill('Harbour notes');
    await ann.page.getByPlaceholder('Title', { exact: true }).press('Tab');
    const row = (p: typeof ed.page) => p.getByTestId('draft-row').filter({ hasText: 'Harbour notes' });
    await expect(async () => {
      await ed.page.reload();
      await expect(row(ed.page)).toBeVisible({ timeout: 2000 });
    }).toPass({ timeout: 30_000 });
    await text(ann.page).click();
    await ann.page.keyboard.type('The harbour opens at dawn.');
    await ann.page.keyboard.press('Enter');
    await ann.page.keyboard.type('Boats leave in the morning.');
    await ann.page.keyboard.press('Enter');
    await ann.page.keyboard.type('The market closes at noon.');
    await row(ed.page).getByRole('link', { name: 'Harbour notes' }).click();
    await expect(text(ed.page)).toContainText('The market closes at noon.', { timeout: 15_000 });
    await expect(ed.page.getByRole('list', { name: 'Also in this draft' })).toContainText('Ann Editor');

    // Ann leaves the draft (her window closes it: what she saw is now seen); Ed sees her go.
    await ann.page.getByRole('navigation', { name: 'Work areas' }).getByRole('link', { name: /Drafts/ }).click();
    await expect(ed.page.getByText('Only you are in this draft.')).toBeVisible({ timeout: 15_000 });

    // While she is away, Ed changes the second paragraph.
    await text(ed.page).getByText('Boats leave in the morning.').click();
    await ed.page.keyboard.press('End');
    await ed.page.keyboard.type(' Ferries sail at nine.');
    // Ann's store has Ed's words once her list counts them (15 + 4 words; the list loads once, so she reloads).
    await expect(async () => {
      await ann.page.reload();
      await expect(row(ann.page)).toContainText('19 words', { timeout: 2000 });
    }).toPass({ timeout: 30_000 });

    // Ann opens the draft: the summary names Ed and the paragraph, and that paragraph is highlighted.
    await row(ann.page).getByRole('link', { name: 'Harbour notes' }).click();
    const away = ann.page.getByRole('region', { name: 'Changed while you were away' });
    await expect(away).toBeVisible({ timeout: 15_000 });
    await expect(away.getByRole('status')).toContainText('Ed Itor changed paragraph 2.');
    await expect(away.getByRole('listitem')).toHaveCount(1);
    await expect(away.getByRole('listitem')).toContainText('Paragraph 2 by Ed Itor:');
    await expect(away.locator('ins')).toContainText('Ferries sail at nine.');
    const highlighted = text(ann.page).locator('.coedit-away-changed');
    await expect(highlighted).toHaveCount(1);
    await expect(highlighted).toHaveText('Boats leave in the morning. Ferries sail at nine.');
    await expect(away.getByRole('status')).toContainText('The changed paragraphs are highlighted in the text.');
    await ann.page.screenshot({ path: `${OUT}/co-editing-away.png` });
    const axe = await new AxeBuilder({ page: ann.page }).include('.draft').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    // From the keyboard: the paragraph's button is reachable, then Escape dismisses the list and the highlight.
    await away.getByRole('button', { name: 'Paragraph 2' }).focus();
    await ann.page.keyboard.press('Enter');
    await ann.page.keyboard.press('Escape');
    await expect(away).toHaveCount(0);
    await expect(highlighted).toHaveCount(0);

    // The live stream is untouched: Ann's typing reaches Ed.
    await text(ann.page).getByText('The market closes at noon.').click();
    await ann.page.keyboard.press('End');
    await ann.page.keyboard.type(' Ann is back.');
    await expect(text(ed.page)).toContainText('The market closes at noon. Ann is back.', { timeout: 10_000 });
    await expect(text(ed.page).locator('.coedit-away-changed')).toHaveCount(0);
  } finally {
    await ann.close();
    await ed.close();
    team.child.kill('SIGTERM');
    await team.exited;
    fs.rmSync(data, { recursive: true, force: true });
  }
});
