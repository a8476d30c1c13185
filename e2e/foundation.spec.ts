import { test, expect } from './fixtures';
import { callApi } from './server';

test('a new draft with a title is still there after a reload', async ({ page }) => {
  await expect(page.getByRole('heading', { name: 'Drafts', level: 1 })).toBeVisible();
  await expect(page.getByText('No drafts yet')).toBeVisible();
  await page.getByRole('button', { name: 'New draft' }).click();
  await expect(page).toHaveURL(/#\/drafts\/[0-9a-f-]{36}$/);
  // A draft nobody typed into is removed when its view closes (e2e/newcomer-drafts.spec.ts); this one has a title.
  await page.getByRole('textbox', { name: 'Title' }).fill('Kept after a reload');
  await expect(page.locator('.statusbar__save')).toHaveText('Saved', { timeout: 10_000 });
  await page.reload();
  await page.getByRole('link', { name: /All drafts/ }).click();
  await expect(page.getByRole('list', { name: 'Drafts' }).getByRole('listitem')).toHaveCount(1);
});

test('the three work areas are reachable from the sidebar and the keyboard', async ({ page }) => {
  await page.getByRole('link', { name: /Series/ }).click();
  await expect(page.getByRole('heading', { name: 'Series', level: 1 })).toBeVisible();
  await page.keyboard.press('Control+3');
  await expect(page.getByRole('heading', { name: 'Comments', level: 1 })).toBeVisible();
  await page.keyboard.press('Control+1');
  await expect(page.getByRole('heading', { name: 'Drafts', level: 1 })).toBeVisible();
});

test('Ctrl+3 pressed as the window appears, before its shell has loaded, opens Comments', async ({ page, server }) => {
  // Two cold loads (the fixture's, then this one): at a load average of 30 one took most of 60 s.
  test.setTimeout(120_000);
  // The shell's code (React, main.tsx) held back: only the boot module has run when the key comes.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let shellAsked!: () => void;
  const asked = new Promise<void>((resolve) => (shellAsked = resolve));
  await page.route(/\/assets\/main-[^/]+\.js$/, async (route) => {
    shellAsked();
    await held;
    await route.continue();
  });
  // The boot module asks for the Drafts list first: once that request is out, it has run.
  const booted = page.waitForRequest((r) => r.url().endsWith('/api/posts.list'));
  await page.goto(`${server.url}?early-key`, { waitUntil: 'commit' });
  await Promise.all([asked, booted]);
  await expect(page.locator('#root')).toBeEmpty();
  await page.keyboard.press('Control+3');
  release();
  await expect(page.getByRole('heading', { name: 'Comments', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: /Comments/ })).toHaveAttribute('aria-current', 'page');
});

test('the API refuses a request without the secret or from a foreign origin', async ({ server, secret }) => {
  const noSecret = await fetch(new URL('api/posts.list', server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  expect(noSecret.status).toBe(403);
  const foreign = await fetch(new URL('api/posts.list', server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-workbench-secret': secret, origin: 'http://evil.example' },
    body: '{}',
  });
  expect(foreign.status).toBe(403);
  const good = await callApi(server.url, secret, 'posts.list', {});
  expect(good).toEqual({ ok: true, value: [] });
});
