/**
 * e2e co-editors: a `workbench serve` app on its own database, joined to a team server through the
 * window as a user joins (Local only → Team workspace → Join), with windows opened on it.
 */
import AxeBuilder from '@axe-core/playwright';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { expect } from './fixtures';
import { startServer, tempDbPath, type ServerProcess } from './server';

export interface MemberApp {
  app: ServerProcess;
  page: Page;
  /** Another window on the same app (the same store), as a second window on one laptop. */
  window(): Promise<Page>;
  close(): Promise<void>;
}

export async function member(browser: Browser, data: string, teamUrl: string, token: string, name: string): Promise<MemberApp> {
  const app = await startServer(tempDbPath(), { WORKBENCH_KEY_FILE: path.join(data, `${name}.key`) });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(app.url);
  await page.getByRole('button', { name: /Local only/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Team workspace' });
  await dialog.getByLabel('Server address').fill(teamUrl);
  await dialog.getByLabel('Invitation token').fill(token);
  await dialog.getByRole('button', { name: 'Join' }).click();
  await expect(dialog.getByText(new RegExp(`You are ${name}`))).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  const contexts = [context];
  return {
    app,
    page,
    window: async () => {
      const other = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      contexts.push(other);
      const p = await other.newPage();
      await p.goto(app.url);
      return p;
    },
    close: async () => {
      for (const c of contexts) await c.close();
      await app.stop();
    },
  };
}

export const draftText = (page: Page) => page.getByRole('textbox', { name: 'Draft text' });

/** axe's serious and critical findings on the page as it is, one line each (none is the pass). */
export async function seriousFindings(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} [${v.nodes.map((n) => n.target.join(' ')).join(', ')}]`);
}
