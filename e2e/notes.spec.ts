/**
 * An editor's notes on a draft, through the window only: select words, add a note, reply, resolve
 * and reopen; the note follows its words through edits, is kept as detached when they are deleted,
 * and is in no export.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { EditorPage } from './pages/EditorPage';
import { bytesOf, ExportDialog } from './pages/ExportPage';
import { selectWithMouse } from './pages/select-words';

test.use({ viewport: { width: 1280, height: 800 } });

async function seriousFindings(page: Page, include: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include(include).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} [${v.nodes.map((n) => n.target.join(' ')).join(', ')}]`);
}

/** The editor has taken the selection in (the status bar counts it), so a key acts on it. */
async function selected(page: Page, words: number): Promise<void> {
  await expect(page.getByText(new RegExp(`^Selection: ${words} words ·`))).toBeVisible();
}

test('an editor notes words, talks it through, resolves, edits and deletes the text; the note follows, stays when detached, and never exports', async ({ page }) => {
  // Generous: the journey is long and CI machines are loaded; every step waits on its own condition.
  test.setTimeout(300_000);
  const editor = new EditorPage(page);
  const panel = page.getByRole('region', { name: /^Notes/ });
  const open = panel.getByRole('list', { name: 'Open notes, in text order' });
  const marks = editor.body.locator('mark');

  await page.getByRole('button', { name: 'New draft' }).click();
  await page.getByRole('textbox', { name: 'Title' }).fill('Leadership in numbers');
  await editor.body.click();
  await page.keyboard.type('Mortality fell by forty percent in a year.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('The second paragraph names the source.');
  await editor.waitSaved();

  // Select words with the mouse, add the note with the keyboard.
  await selectWithMouse(page, editor.body, 'forty percent');
  await selected(page, 2);
  await page.keyboard.press('Control+Alt+n');
  const composer = panel.getByRole('form', { name: 'New note' });
  await expect(composer.getByRole('combobox', { name: 'Note' })).toBeFocused();
  await page.keyboard.type('Source for this figure?');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(marks).toHaveText(['forty percent']);
  await expect(open.getByRole('listitem').filter({ has: page.getByRole('article') })).toHaveCount(1);
  const first = open.getByRole('article', { name: 'Note on “forty percent”' });
  await expect(first).toContainText('Source for this figure?');

  // Reply, then resolve (the highlight goes) and reopen (it comes back).
  await first.getByRole('combobox', { name: 'Reply to the note on “forty percent”' }).fill('Trust annual report, p. 12.');
  await first.getByRole('button', { name: 'Reply' }).click();
  await expect(first.getByRole('listitem')).toHaveCount(2);
  await expect(first).toContainText('Trust annual report, p. 12.');
  await first.getByRole('button', { name: 'Resolve' }).click();
  await expect(open).toHaveCount(0);
  await expect(marks.first()).toHaveClass(/note-mark--resolved/);
  await panel.getByText('Resolved (1)').click();
  await panel.getByRole('list', { name: 'Resolved notes' }).getByRole('button', { name: 'Reopen' }).click();
  await expect(open.getByRole('article')).toHaveCount(1);
  await expect(marks.first()).not.toHaveClass(/note-mark--resolved/);

  // A second note across two paragraphs, all from the keyboard.
  // From "year." at the end of the first paragraph through "The second" at the start of the next.
  await editor.body.click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('End');
  for (let i = 0; i < 'year.'.length; i++) await page.keyboard.press('ArrowLeft');
  for (let i = 0; i < 'year.'.length + 1 + 'The second'.length; i++) await page.keyboard.press('Shift+ArrowRight');
  await selected(page, 3);
  await page.keyboard.press('Control+Alt+n');
  await page.keyboard.type('Join these two?');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(open.getByRole('article')).toHaveCount(2);
  await expect(marks).toHaveText(['forty percent', 'year.', 'The second']);

  // Next and previous note move the caret through the text and mark the thread being read.
  await page.keyboard.press('Control+Alt+Period');
  await expect(open.locator('[aria-current="true"]')).toContainText('Source for this figure?');
  await page.keyboard.press('Control+Alt+Period');
  await expect(open.locator('[aria-current="true"]')).toContainText('Join these two?');
  await page.keyboard.press('Control+Alt+Comma');
  await expect(open.locator('[aria-current="true"]')).toContainText('Source for this figure?');
  await expect(panel.getByRole('status')).toHaveText(/^Note 1 of 2: “forty percent”/);

  // Typing before the noted words: the note moves with them.
  await editor.body.click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('Reported: ');
  await expect(marks.first()).toHaveText('forty percent');
  await expect(editor.body).toContainText('Reported: Mortality fell by forty percent in a year.');
  await editor.waitSaved();

  await page.screenshot({ path: test.info().outputPath('notes.png') });
  expect(await seriousFindings(page, '.draft-panels')).toEqual([]);
  expect(await seriousFindings(page, '.editor')).toEqual([]);

  // Deleting the noted words: the note is kept, detached, with its whole thread.
  await selectWithMouse(page, editor.body, 'forty percent');
  await selected(page, 2);
  await page.keyboard.press('Backspace');
  await expect(editor.body).toContainText('Reported: Mortality fell by  in a year.');
  const detached = panel.getByRole('list', { name: 'Detached notes: their words were deleted' });
  await expect(detached.getByRole('article', { name: 'Note on “forty percent”' })).toContainText('Trust annual report, p. 12.');
  await expect(open.getByRole('article')).toHaveCount(1);
  await editor.waitSaved();
  await page.screenshot({ path: test.info().outputPath('notes-detached.png') });
  expect(await seriousFindings(page, '.draft-panels')).toEqual([]);

  // The export has the text and nothing of the notes.
  const exporter = new ExportDialog(page);
  await exporter.openFrom(page.getByRole('region', { name: 'Draft' }));
  await exporter.choose('Standalone page');
  const html = (await bytesOf(await exporter.download())).toString();
  expect(html).toContain('Reported: Mortality fell by  in a year.');
  expect(html).toContain('The second paragraph names the source.');
  for (const leak of ['<mark', 'note-mark', 'Join these two?', 'Source for this figure?', 'Trust annual report']) expect(html).not.toContain(leak);
  await exporter.close();

  // After a reload the notes are where they were: one open in the text, one detached.
  await page.reload();
  await expect(editor.body).toContainText('Reported: Mortality fell by  in a year.');
  await expect(open.getByRole('article')).toHaveCount(1);
  await expect(detached.getByRole('article')).toHaveCount(1);
  await expect(marks).toHaveText(['year.', 'The second']);
});
