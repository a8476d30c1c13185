/**
 * The Team workspace dialog as a member uses it: a real team server process, an invitation from
 * its CLI, and the window only from there (join, who one is, up to date, leave).
 */
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures';
import { startServer, tempDbPath } from './server';
import { invite, startServerProcess } from '../main/sync/testing/team-server-process';

test.use({ viewport: { width: 1280, height: 800 } });
test.setTimeout(180_000);

test('a reviewer joins the team workspace from the status bar, sees who they are and that all is up to date, and leaves', async ({ browser }) => {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-e2e-team-'));
  const team = await startServerProcess(data);
  const [token] = invite(data, ['Rae Viewer', 'reviewer']);
  const app = await startServer(tempDbPath(), { WORKBENCH_KEY_FILE: path.join(data, 'laptop.key') });
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(app.url);
    const indicator = page.getByRole('button', { name: /Local only/ });
    await expect(indicator).toBeVisible();
    await indicator.click();
    const dialog = page.getByRole('dialog', { name: 'Team workspace' });
    await dialog.getByLabel('Server address').fill(team.url);
    await dialog.getByLabel('Invitation token').fill('wbt_not-the-token');
    await dialog.getByRole('button', { name: 'Join' }).click();
    await expect(dialog.getByRole('alert')).toContainText('refused the token');

    await dialog.getByLabel('Invitation token').fill(token);
    await dialog.getByRole('button', { name: 'Join' }).click();
    await expect(dialog.getByText('You are Rae Viewer, reviewer')).toBeVisible();
    await expect(dialog.getByRole('status')).toContainText(/Up to date · \d{1,2} \w{3} \d{4}, \d\d:\d\d/, { timeout: 30_000 });
    await expect(dialog.getByRole('heading', { name: 'Needs decision (0)' })).toBeVisible();
    const axe = await new AxeBuilder({ page }).include('.workspace-dialog').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await page.screenshot({ path: `${process.env.PW_OUTPUT_DIR ?? 'test-results'}/workspace-dialog.png` });

    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByRole('button', { name: /Up to date/ })).toBeVisible();
    await page.getByRole('button', { name: /Up to date/ }).click();
    await dialog.getByRole('button', { name: /Leave workspace/ }).click();
    await expect(dialog.getByLabel('Server address')).toBeVisible();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByRole('button', { name: /Local only/ })).toBeVisible();
  } finally {
    await context.close();
    await app.stop();
    team.child.kill('SIGTERM');
    await team.exited;
    fs.rmSync(data, { recursive: true, force: true });
  }
});
