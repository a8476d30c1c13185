/** What a new editor hit in Drafts: where New draft puts the focus, abandoned drafts, overlong titles. */
import { test, expect } from './fixtures';

test.use({ viewport: { width: 1280, height: 800 } });

test('New draft puts the focus in the title, and a draft left untouched does not linger as "Untitled draft"', async ({ page }) => {
  await page.getByRole('button', { name: 'New draft' }).first().click();
  const title = page.getByLabel('Title', { exact: true });
  await expect(title).toBeFocused();
  await page.getByRole('link', { name: '← All drafts' }).click();
  await expect(page.getByText('Untitled draft')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'New draft' }).first()).toBeVisible();
  // One with a title stays.
  await page.getByRole('button', { name: 'New draft' }).first().click();
  await expect(title).toBeFocused();
  await page.keyboard.type('Notes from the allotment');
  await page.getByRole('link', { name: '← All drafts' }).click();
  await expect(page.getByText('Notes from the allotment')).toBeVisible();
  await expect(page.getByText('Untitled draft')).toHaveCount(0);
});

test('a pasted title longer than 300 characters is cut, and the editor says so', async ({ page }) => {
  await page.getByRole('button', { name: 'New draft' }).first().click();
  const title = page.getByLabel('Title', { exact: true });
  await expect(title).toBeFocused();
  await title.fill('Long '.repeat(2400));
  await expect(title).toHaveValue(/^(Long ){60}$/);
  await expect(page.getByRole('status').filter({ hasText: 'The title was cut to 300 characters' })).toContainText('you pasted 12,000');
  await page.screenshot({ path: test.info().outputPath('title-cut.png') });
});

test('a Markdown file whose title is longer than 300 characters imports with the title cut, and the window says so', async ({ page }) => {
  const long = 'A heading that goes on '.repeat(500).trim();
  await page.getByRole('button', { name: 'Import a file…' }).first().waitFor();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import a file…' }).first().click();
  await (await chooser).setFiles({ name: 'long-title.md', mimeType: 'text/markdown', buffer: Buffer.from(`# ${long}\n\nThe text.\n`) });
  const notes = page.getByRole('list', { name: 'Import notes' });
  await expect(notes).toContainText("The title was cut to 300 characters, the most a title can hold (the file's title has 11,499)");
  await page.getByRole('link', { name: 'Open the draft' }).click();
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue(long.slice(0, 300));
});
