import { test, expect } from './fixtures';
import { callApi } from './server';
import { DraftsPage } from './pages/DraftsPage';

test('a long drafts list shows the first hundred and "Show more" adds the next, also while searching', async ({ page, server, secret }) => {
  for (let i = 1; i <= 130; i++) {
    const r = await callApi(server.url, secret, 'posts.create', { title: `Draft number ${String(i).padStart(3, '0')}` });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
  }
  const drafts = new DraftsPage(page);
  await drafts.open(server.url);
  await expect(drafts.rows).toHaveCount(100);
  const more = page.getByRole('button', { name: 'Show more' });
  await expect(page.getByText('Showing the first 100 drafts')).toBeVisible();
  await more.click();
  await expect(drafts.rows).toHaveCount(130);
  await expect(more).toHaveCount(0);

  // A new search starts again from the first page.
  await drafts.search.fill('number');
  await expect(drafts.rows).toHaveCount(100);
  await expect(more).toBeVisible();
  await drafts.search.fill('number 125');
  await expect(drafts.rows).toHaveCount(1);
  await expect(more).toHaveCount(0);
});
