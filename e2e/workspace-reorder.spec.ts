/**
 * Issue 13's "a series reorder in one window shows in the other within a second": two
 * `workbench serve` on two databases joined to one real team server, everything done in the
 * windows. The second is measured from the moment laptop A's main process reports the move on the
 * server (its workspace status turns up to date with nothing waiting, which needs the server's
 * acknowledgement) to the moment laptop B's running order changes in its DOM (a MutationObserver
 * in B's page), both on this machine's clock.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { callApi, fetchSecret, startServer, tempDbPath, type ServerProcess } from './server';
import { SeriesPage } from './pages/SeriesPage';
import { joinFromStatusBar } from './pages/join-workspace';
import { invite, startServerProcess } from '../main/sync/testing/team-server-process';

test.use({ viewport: { width: 1280, height: 800 } });
test.setTimeout(300_000);

async function laptop(browser: Browser, keyFile: string, apps: ServerProcess[]): Promise<{ page: Page; app: ServerProcess }> {
  const app = await startServer(tempDbPath(), { WORKBENCH_KEY_FILE: keyFile });
  apps.push(app);
  const page = await (await browser.newContext()).newPage();
  await page.goto(app.url);
  return { page, app };
}

test('a series reorder in one window shows in the other within a second of the server taking it', async ({ browser }) => {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-e2e-reorder-'));
  const team = await startServerProcess(data);
  const [annToken, samToken] = invite(data, ['Ann Admin', 'admin'], ['Sam Planner', 'series-manager']);
  const apps: ServerProcess[] = [];
  try {
    const a = await laptop(browser, path.join(data, 'a.key'), apps);
    await joinFromStatusBar(a.page, team.url, annToken, 'Ann Admin');
    const seriesA = new SeriesPage(a.page);
    await seriesA.openArea();
    await seriesA.create({ title: 'Care at home', topic: 'care at home' });
    for (const title of ['First', 'Second', 'Third']) await seriesA.addPost(title);
    await expect(a.page.getByRole('button', { name: /Up to date/ })).toBeVisible({ timeout: 60_000 });

    const b = await laptop(browser, path.join(data, 'b.key'), apps);
    await joinFromStatusBar(b.page, team.url, samToken, 'Sam Planner');
    const seriesB = new SeriesPage(b.page);
    await seriesB.openArea();
    await b.page.getByRole('link', { name: /Care at home/ }).first().click();
    await expect(seriesB.titles()).toHaveText(['First', 'Second', 'Third'], { timeout: 30_000 });

    // B's page notes when its running order first reads Second, First, Third.
    await b.page.evaluate(() => {
      const w = window as unknown as { reorderSeenAt?: number };
      const order = () => [...document.querySelectorAll('[aria-label="Posts in running order"] .series-row__title')].map((e) => e.textContent);
      new MutationObserver(() => {
        if (w.reorderSeenAt === undefined && order().join('|') === 'Second|First|Third') w.reorderSeenAt = Date.now();
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });

    await seriesA.row('First').focus();
    await a.page.keyboard.press('Alt+ArrowDown');
    await expect(seriesA.titles()).toHaveText(['Second', 'First', 'Third']);
    // The move is stored on A; it is on the server once A's status is up to date with nothing waiting.
    const secret = await fetchSecret(a.app.url);
    let ackAt = 0;
    for (const end = Date.now() + 30_000; Date.now() < end; await new Promise((r) => setTimeout(r, 10))) {
      const s = (await callApi(a.app.url, secret, 'workspace.status')).value as { state: string; pending: number };
      if (s.state === 'up-to-date' && s.pending === 0) {
        ackAt = Date.now();
        break;
      }
    }
    expect(ackAt, 'A reports the move on the server').toBeGreaterThan(0);

    const seen = await b.page.waitForFunction(() => (window as unknown as { reorderSeenAt?: number }).reorderSeenAt, undefined, { timeout: 10_000 }).catch(() => null);
    const seenAt = seen ? ((await seen.jsonValue()) as number) : Number.POSITIVE_INFINITY;
    console.log(`reorder: from A's acknowledged move to B's running order: ${seenAt - ackAt} ms`);
    expect(seenAt - ackAt, 'milliseconds from the server taking the move to B showing it').toBeLessThan(1000);
    await expect(seriesB.titles()).toHaveText(['Second', 'First', 'Third']);
  } finally {
    for (const app of apps) await app.stop();
    team.child.kill('SIGTERM');
    await team.exited;
    fs.rmSync(data, { recursive: true, force: true });
  }
});
