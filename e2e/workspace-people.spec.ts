/**
 * "In a team workspace the people are its members", through two windows: two `workbench serve`
 * on two databases joined to one real team server. A's local "Edward" becomes the member Ed Itor
 * on joining, the draft's owner picker and Planning's owner filter list the members with their
 * role, and the post A gives Ed is in Ed's My work on the other laptop.
 */
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { startServer, tempDbPath, type ServerProcess } from './server';
import { PlanningPage } from './pages/PlanningPage';
import { panels } from './pages/DraftsPage';
import { joinFromStatusBar } from './pages/join-workspace';
import { invite, startServerProcess } from '../main/sync/testing/team-server-process';

test.use({ viewport: { width: 1280, height: 800 } });
test.setTimeout(300_000);

const serious = async (page: Page, selector: string) =>
  (await new AxeBuilder({ page }).include(selector).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);

async function laptop(browser: Browser, keyFile: string, apps: ServerProcess[]): Promise<Page> {
  const app = await startServer(tempDbPath(), { WORKBENCH_KEY_FILE: keyFile });
  apps.push(app);
  const page = await (await browser.newContext()).newPage();
  await page.goto(app.url);
  return page;
}

test('in a team workspace the owner and reviewer are members with their role, and a post given to a member is in their My work on their laptop', async ({ browser }) => {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-e2e-people-'));
  const team = await startServerProcess(data);
  const [annToken, edToken] = invite(data, ['Ann Admin', 'admin', 'ann@example.org'], ['Ed Itor', 'editor', 'ed@example.org']);
  const apps: ServerProcess[] = [];
  try {
    // Laptop A, alone: its people list knows Ed by his address as "Edward", and Bo, who is no member.
    const a = await laptop(browser, path.join(data, 'a.key'), apps);
    const planA = new PlanningPage(a);
    await planA.open();
    await planA.tab('People').click();
    for (const [name, email] of [['Edward', 'ed@example.org'], ['Bo Local', 'bo@example.org']]) {
      await a.getByRole('textbox', { name: 'Name' }).fill(name);
      await a.getByRole('textbox', { name: 'E-mail' }).fill(email);
      await a.getByRole('button', { name: 'Add person' }).click();
      await expect(a.getByRole('list', { name: 'People' })).toContainText(name);
    }
    await a.getByRole('link', { name: /Drafts/ }).first().click();
    await a.getByRole('button', { name: 'New draft' }).click();
    await a.getByRole('textbox', { name: 'Title' }).fill('Launch plan');
    await a.getByRole('textbox', { name: 'Title' }).blur();
    const pA = panels(a);
    await pA.field('Owner').selectOption({ label: 'Edward' });
    await expect(pA.details.getByRole('status').filter({ hasText: 'Owner saved.' })).toBeVisible();
    await expect(a.locator('.statusbar__save')).toHaveAttribute('data-state', 'saved');

    await joinFromStatusBar(a, team.url, annToken, 'Ann Admin');

    // Edward is now the member Ed Itor; Bo stays, as not in the workspace; "me" is Ann.
    await planA.open();
    await planA.tab('People').click();
    const list = a.getByRole('list', { name: 'People' });
    await expect(list.getByRole('listitem')).toHaveText([/Ann Admin.*Admin/, /Bo Local.*Not in the workspace/, /Ed Itor.*Editor/]);
    await expect(list.getByRole('button', { name: 'Remove Ed Itor' })).toHaveCount(0);
    await expect(a.getByText('I am Ann Admin (Admin), as this laptop joined the team workspace.')).toBeVisible();
    await a.screenshot({ path: test.info().outputPath('workspace-people.png') });
    expect(await serious(a, '.people')).toEqual([]);

    // The draft's owner is Ed now; the pickers list the members with their role, Bo apart and not choosable.
    await a.getByRole('link', { name: /Drafts/ }).first().click();
    await a.getByRole('link', { name: /Launch plan/ }).first().click();
    await expect(pA.field('Owner').locator('option:checked')).toHaveText('Ed Itor (Editor)');
    const reviewer = pA.field('Reviewer');
    await expect(reviewer.locator('optgroup[label="Workspace members"] option')).toHaveText(['Ann Admin (Admin)', 'Ed Itor (Editor)']);
    await expect(reviewer.locator('optgroup[label="Not in the workspace"] option')).toHaveText(['Bo Local (not in the workspace)']);
    await expect(reviewer.locator('option', { hasText: 'Bo Local' })).toBeDisabled();
    await reviewer.selectOption({ label: 'Ann Admin (Admin)' });
    await expect(pA.details.getByRole('status').filter({ hasText: 'Reviewer saved.' })).toBeVisible();
    await pA.field('Owner').scrollIntoViewIfNeeded();
    await a.screenshot({ path: test.info().outputPath('workspace-owner-picker.png') });
    expect(await serious(a, '.draft-panels')).toEqual([]);

    // Planning's owner filter lists the members with their role.
    await planA.open();
    await a.getByRole('combobox', { name: 'Owner' }).click();
    await expect(a.getByRole('listbox', { name: 'Owner' }).getByRole('option')).toHaveText([/Ann Admin \(Admin\)/, /Bo Local \(not in the workspace\)/, /Ed Itor \(Editor\)/]);
    await a.screenshot({ path: test.info().outputPath('workspace-owner-filter.png') });
    expect(await serious(a, '.plan-filters')).toEqual([]);
    await a.getByRole('combobox', { name: 'Owner' }).press('Escape');

    // Laptop B: Ed joins; My work is his, and lists the post Ann gave him.
    const b = await laptop(browser, path.join(data, 'b.key'), apps);
    await joinFromStatusBar(b, team.url, edToken, 'Ed Itor');
    const planB = new PlanningPage(b);
    await planB.open();
    await planB.tab('My work').click();
    await expect(b.getByText('I am Ed Itor (Editor), as this laptop joined the team workspace.')).toBeVisible();
    await expect(b.getByRole('table', { name: 'My posts by due date' }).getByRole('row', { name: /Launch plan/ })).toContainText('Owner', { timeout: 60_000 });
    await b.screenshot({ path: test.info().outputPath('workspace-my-work.png') });
    expect(await serious(b, '.my-work')).toEqual([]);
  } finally {
    for (const app of apps) await app.stop();
    team.child.kill('SIGTERM');
    await team.exited;
    fs.rmSync(data, { recursive: true, force: true });
  }
});
