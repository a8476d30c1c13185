/**
 * Issue 13's push to the window, from another process: with the app open, a `workbench` command in
 * a terminal changes a post in the same database file, and the open window shows the change by
 * itself (the main process sees the commit by SQLite's data_version and pushes an event naming
 * the post; the drafts list reads its page again). No reload, no timer in the page.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';
import { DraftsPage } from './pages/DraftsPage';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

test.use({ viewport: { width: 1280, height: 800 } });

test('a post changed by a workbench command in a terminal shows in the open window without a reload', async ({ page, server }) => {
  test.setTimeout(120_000);
  await page.getByRole('button', { name: 'New draft' }).click();
  await page.getByRole('textbox', { name: 'Title' }).fill('Care at home');
  const drafts = new DraftsPage(page);
  await page.getByRole('link', { name: /^Drafts/ }).first().click();
  await expect(drafts.row('Care at home')).toBeVisible({ timeout: 15_000 });
  await expect(drafts.row('Care at home')).not.toContainText('In review');
  // Marks this page: a reload would lose the mark.
  await page.evaluate(() => ((window as unknown as { notReloaded?: boolean }).notReloaded = true));

  const workbench = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'bin/workbench.mjs'), ...args, '--db', server.dbPath], { cwd: ROOT, encoding: 'utf8' });
  const listed = workbench('posts', '--json');
  expect(listed.status, listed.stderr).toBe(0);
  const slug = (JSON.parse(listed.stdout) as { slug: string; title: string }[]).find((p) => p.title === 'Care at home')!.slug;
  const moved = workbench('set-status', slug, 'in-review');
  expect(moved.status, moved.stderr).toBe(0);

  await expect(drafts.row('Care at home')).toContainText('In review', { timeout: 5_000 });
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  await page.screenshot({ path: test.info().outputPath('cli-change.png') });
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
});
