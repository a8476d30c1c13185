import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from './fixtures';
import { callApi } from './server';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../demo');

test('copied page text is uploaded, previewed and imported onto a draft as five comments', async ({ page, server, secret }) => {
  const draft = await callApi(server.url, secret, 'posts.create', { title: 'Why is medical leadership important in the health service?' });
  expect(draft.ok).toBe(true);
  await page.keyboard.press('Control+3');
  await expect(page.getByRole('heading', { name: 'Comments', level: 1 })).toBeVisible();

  await page.getByRole('button', { name: 'Import comments…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import comments' });
  await dialog.getByLabel('Choose a file…').setInputFiles(path.join(FIXTURES, 'guest-blog-page.txt'));
  await expect(dialog.getByText('guest-blog-page.txt')).toBeVisible();
  await expect(dialog.getByLabel('Format')).toHaveValue('text');
  await dialog.getByLabel('Attach to post').selectOption(draft.value.slug);
  await dialog.getByRole('button', { name: 'Preview' }).click();

  await expect(dialog.getByTestId('import-preview-summary')).toHaveText('5 comments on 1 post: 5 new, 0 updated, 0 unchanged.');
  await expect(dialog.getByRole('row', { name: /Why is medical leadership/ })).toContainText('5');
  await expect(dialog.getByText('Jeremy Butler')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('import-preview.png') });
  // The preview writes nothing.
  expect((await callApi(server.url, secret, 'posts.get', { slug: draft.value.slug })).value.commentCount).toBe(0);

  await dialog.getByRole('button', { name: 'Import 5 comments' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Imported 5 new comments; 0 updated, 0 unchanged.');
  await page.screenshot({ path: test.info().outputPath('import-done.png') });
  const post = await callApi(server.url, secret, 'posts.get', { slug: draft.value.slug });
  expect(post.value.commentCount).toBe(5);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  // The Comments area refreshes and counts them.
  await expect(page.getByTestId('count-all')).toHaveText('5');
});

test('a broken file is refused with where and what, and nothing is imported', async ({ page, server, secret }) => {
  await page.keyboard.press('Control+3');
  await page.getByRole('button', { name: 'Import comments…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import comments' });
  await dialog.getByLabel('Choose a file…').setInputFiles({
    name: 'broken.xml',
    mimeType: 'text/xml',
    buffer: Buffer.from('<?xml version="1.0"?>\n<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><item>\n<title>x</title>\n<wp:comment><bad a=b/></wp:comment></item></channel></rss>'),
  });
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(dialog.getByRole('alert')).toContainText(/broken\.xml:4:\d+: .*nothing was imported/);
  expect((await callApi(server.url, secret, 'posts.list', {})).value).toEqual([]);
});

test('a CSV with unfamiliar headers is mapped column by column before the preview', async ({ page, server, secret }) => {
  const draft = await callApi(server.url, secret, 'posts.create', { title: 'Spreadsheet post' });
  await page.keyboard.press('Control+3');
  await page.getByRole('button', { name: 'Import comments…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import comments' });
  await dialog.getByLabel('Choose a file…').setInputFiles({
    name: 'survey.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('who,said,when\r\nAnn,"Great post, thanks",25/12/2023\r\nBob,<script>alert(1)</script>Me too,26/12/2023\r\n'),
  });
  await expect(dialog.getByLabel('Format')).toHaveValue('csv');
  await dialog.getByLabel('Attach to post').selectOption(draft.value.slug);
  await expect(dialog.getByRole('button', { name: 'Preview' })).toBeDisabled();
  // The disabled button says why, next to it and in its description.
  await expect(dialog.getByRole('button', { name: 'Preview' })).toHaveAccessibleDescription('To preview: choose the column that holds the “Comment text”.');
  await dialog.getByLabel('Comment text (required)').selectOption('said');
  await dialog.getByLabel('Author name').selectOption('who');
  await dialog.getByLabel('Date').first().selectOption('when');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(dialog.getByTestId('import-preview-summary')).toHaveText('2 comments on 1 post: 2 new, 0 updated, 0 unchanged.');
  // No status column: nothing arrives approved, and the preview says so and why.
  await expect(dialog.getByTestId('import-preview-statuses')).toHaveText('They will arrive as: 0 approved, 2 pending, 0 spam, 0 trash.');
  await expect(dialog.getByTestId('import-preview-defaulted')).toHaveText('no status column: 2 comments will be pending; approve them in the review pane.');
  // Shown as plain text, never as markup.
  await expect(dialog.getByText('<script>alert(1)</script>Me too')).toBeVisible();
  await dialog.getByRole('button', { name: 'Import 2 comments' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Imported 2 new comments; 0 updated, 0 unchanged. no status column: 2 comments are pending.');
});

test('a CSV whose Post column names the post needs no post chosen, and Preview says what it still needs', async ({ page }) => {
  await page.keyboard.press('Control+3');
  await page.getByRole('button', { name: 'Import comments…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import comments' });
  await dialog.getByLabel('Choose a file…').setInputFiles({
    name: 'by-post.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('post,name,remark\r\nspring-notes,Ann,Lovely\r\n'),
  });
  await expect(dialog.getByLabel('Format')).toHaveValue('csv');
  await expect(dialog.getByTestId('import-post-from-column')).toContainText('“post” column');
  await expect(dialog.getByLabel('Attach to post')).toHaveCount(0);
  const preview = dialog.getByRole('button', { name: 'Preview' });
  await expect(preview).toBeDisabled();
  await expect(dialog.getByTestId('import-blocked')).toHaveText('To preview: choose the column that holds the “Comment text”.');
  // Unmapping the Post column asks for a post instead, and says so.
  await dialog.getByLabel('Post (slug or link)').selectOption('');
  await expect(dialog.getByTestId('import-blocked')).toContainText('Choose a post to attach the comments to, or map a column to “Post (slug or link)”.');
  await dialog.getByLabel('Post (slug or link)').selectOption('post');
  await dialog.getByLabel('Comment text (required)').selectOption('remark');
  await expect(dialog.getByTestId('import-blocked')).toHaveCount(0);
  await preview.click();
  await expect(dialog.getByRole('row', { name: /spring-notes/ })).toContainText('1');
});

test('the import dialog opened before the pane has loaded stays open when the empty pane appears', async ({ page }) => {
  // Hold the pane's first list request until the dialog is open.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/comments.list', async (route) => {
    await held;
    await route.continue();
  });
  await page.keyboard.press('Control+3');
  await page.getByRole('button', { name: 'Import comments…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import comments' });
  await expect(dialog).toBeVisible();
  release();
  await expect(page.getByRole('heading', { name: 'No comments to review' })).toBeVisible();
  await expect(dialog).toBeVisible();
});
