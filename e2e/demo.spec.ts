import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from './fixtures';
import { callApi } from './server';

const TITLE = 'Why is medical leadership important in the health service?';
/** `WORKBENCH_SCREENSHOTS=docs npx playwright test e2e/demo.spec.ts` refreshes the README's pictures. */
const shots = process.env.WORKBENCH_SCREENSHOTS
  ? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', process.env.WORKBENCH_SCREENSHOTS)
  : null;

test.use({ viewport: { width: 1280, height: 800 } });

test('the empty drafts area loads the demo: the page as a draft, third in its series, with five comments to review', async ({ page, server, secret }) => {
  await page.goto(`${server.url}#/drafts`);
  await expect(page.getByRole('heading', { name: 'No drafts yet' })).toBeVisible();
  await page.getByRole('button', { name: 'Load demo content' }).click();

  // The demo opens the draft itself.
  const title = page.getByRole('textbox', { name: 'Title' });
  await expect(title).toHaveValue(TITLE);
  // The long headline wraps in full, and stays one line of text.
  expect(await title.evaluate((el) => el.scrollHeight <= el.clientHeight + 1 && el.scrollWidth <= el.clientWidth + 1)).toBe(true);
  await title.press('End');
  await title.press('Enter');
  await expect(title).toHaveValue(TITLE);
  await title.blur();
  await expect(page.getByRole('textbox', { name: 'Draft text' })).toContainText('I have been a consultant physician for less than a year');
  if (shots) await page.screenshot({ path: path.join(shots, 'drafts.png') });

  await page.getByRole('link', { name: /Series/ }).click();
  await page.getByRole('link', { name: 'Clinical leadership guest blogs' }).click();
  const posts = page.getByRole('list', { name: 'Posts in running order' });
  await expect(posts.locator('.series-row__title')).toHaveCount(5);
  await expect(posts.locator('.series-row__title').nth(2)).toHaveText(TITLE);
  await expect(posts.getByRole('listitem').nth(2).locator('.series-row__notice')).toHaveText(
    'This is the third in a series of guest blogs that explores current issues and opportunities for clinical and medical leaders.',
  );
  // docs/series.png comes from the series manager's journey (journey-series-manager.spec.ts).

  await page.getByRole('link', { name: /Comments/ }).click();
  const comments = page.getByRole('listbox', { name: /Comments/ });
  await expect(comments.getByRole('option')).toHaveCount(5);
  await expect(comments.getByRole('option').filter({ hasText: 'Jeremy Butler' })).toContainText('Royal Berkshire NHS Foundation Trust');
  if (shots) await page.screenshot({ path: path.join(shots, 'comments.png') });

  // Loading it again (another window, a double click) adds nothing.
  const again = await callApi(server.url, secret, 'demo.load', {});
  expect(again.value.created).toBe(false);
  const list = await callApi(server.url, secret, 'posts.list', {});
  expect(list.value).toHaveLength(5);
});
