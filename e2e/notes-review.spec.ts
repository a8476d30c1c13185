/**
 * The review summary in the window: a move to scheduled while a note is open warns, naming the
 * note's words and whom it mentions; Cancel changes nothing, "anyway" moves it.
 */
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';
import { callApi } from './server';
import { EditorPage } from './pages/EditorPage';
import { panels } from './pages/DraftsPage';
import { selectWithMouse } from './pages/select-words';

test.use({ viewport: { width: 1280, height: 800 } });
test.setTimeout(180_000);

test('a move to scheduled with an open note warns with the note and its mention, and the user decides', async ({ page, server, secret }) => {
  // Somebody to mention, kept on this laptop (a local-only store offers the people kept here).
  await callApi(server.url, secret, 'people.save', { name: 'Sam Reviewer' });
  const editor = new EditorPage(page);
  await page.getByRole('button', { name: 'New draft' }).click();
  await page.getByRole('textbox', { name: 'Title' }).fill('Open questions');
  await editor.body.click();
  await page.keyboard.type('Admissions rose by ninety in March.');
  await editor.waitSaved();
  await selectWithMouse(page, editor.body, 'ninety');
  await page.keyboard.press('Control+Alt+n');
  await page.keyboard.type('Ask @sam');
  // The mouse picks too.
  await page.getByRole('listbox', { name: 'Members to mention' }).getByRole('option', { name: /Sam Reviewer/ }).click();
  await page.keyboard.type('for the source');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  const panel = page.getByRole('region', { name: /^Notes/ });
  await expect(panel.getByRole('article', { name: 'Note on “ninety”' }).locator('.note__mention')).toHaveText('@Sam Reviewer');

  const p = panels(page);
  const stored = async () => ((await callApi(server.url, secret, 'posts.list', {})).value as { title: string; status: string }[]).find((x) => x.title === 'Open questions')?.status;
  await p.field('Status').selectOption('scheduled');
  const ask = page.getByRole('dialog', { name: 'Move to scheduled with recommended checks failing?' });
  await expect(ask).toBeVisible();
  await expect(ask.getByRole('list', { name: 'Failing recommended checks' })).toContainText('No open notes, unresolved mentions or pending suggestions: 1 open note: “ninety”; 1 unresolved mention (Sam Reviewer).');
  await page.screenshot({ path: test.info().outputPath('notes-review-warning.png') });
  expect((await new AxeBuilder({ page }).include('dialog').analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(p.field('Status')).not.toHaveValue('scheduled');
  expect(await stored()).not.toBe('scheduled');

  await p.field('Status').selectOption('scheduled');
  await ask.getByRole('button', { name: 'Move to scheduled anyway' }).click();
  await expect(p.field('Status')).toHaveValue('scheduled');
  await expect.poll(stored).toBe('scheduled');
});
