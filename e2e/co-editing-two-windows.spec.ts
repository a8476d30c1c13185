/**
 * Two windows on one laptop (one `workbench serve`, one store) joined to a team workspace, on the
 * same draft: they co-edit like two members. Each sees the other's typing live and both texts are
 * kept once each. Everything through the windows.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures';
import { draftText, member } from './co-editors';
import { invite, startServerProcess } from '../main/sync/testing/team-server-process';

test.use({ viewport: { width: 1280, height: 800 } });
test.setTimeout(240_000);

const OUT = process.env.PW_OUTPUT_DIR ?? 'test-results';

test('two windows on one laptop co-edit one draft live', async ({ browser }) => {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-e2e-two-windows-'));
  const team = await startServerProcess(data);
  const [token] = invite(data, ['Ann Editor', 'editor']);
  const ann = await member(browser, data, team.url, token!, 'Ann Editor');
  try {
    const a = ann.page;
    await a.getByRole('button', { name: 'New draft' }).click();
    await expect(a.getByText('Only you are in this draft.')).toBeVisible();
    await a.getByPlaceholder('Title', { exact: true }).fill('Two windows');
    await draftText(a).click();
    await a.keyboard.type('Typed in window A.');

    // The second window opens the same draft from the list.
    const b = await ann.window();
    const row = b.getByTestId('draft-row').filter({ hasText: 'Two windows' });
    await expect(async () => {
      await b.reload();
      await expect(row).toBeVisible({ timeout: 2000 });
    }).toPass({ timeout: 30_000 });
    await row.getByRole('link', { name: 'Two windows' }).click();
    await expect(draftText(b)).toContainText('Typed in window A.', { timeout: 15_000 });

    // B types; A sees it live. A types; B sees it live. Each text once.
    await draftText(b).click();
    await b.keyboard.press('Control+End');
    await b.keyboard.press('Enter');
    await b.keyboard.type('Then window B.');
    await expect(draftText(a)).toContainText('Then window B.', { timeout: 10_000 });
    await draftText(a).click();
    await a.keyboard.press('Control+Home');
    await a.keyboard.type('First: ');
    await expect(draftText(b)).toContainText('First: Typed in window A.', { timeout: 10_000 });
    for (const p of [a, b]) {
      await expect(draftText(p)).toHaveText(/^First: Typed in window A\.\s*Then window B\.$/);
    }

    await a.screenshot({ path: `${OUT}/co-editing-two-windows-a.png` });
    await b.screenshot({ path: `${OUT}/co-editing-two-windows-b.png` });

  } finally {
    await ann.close();
    team.child.kill('SIGTERM');
    await team.exited;
    fs.rmSync(data, { recursive: true, force: true });
  }
});
