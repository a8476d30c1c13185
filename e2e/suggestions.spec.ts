/**
 * Suggestion mode through the window only: an editor turns it on from the keyboard, inserts,
 * deletes and bolds; the Suggestions panel lists the three; one is accepted, one rejected, the
 * rejection undone; the exported page holds exactly the accepted text, and the preview shows it
 * as published or with the suggestions applied.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { EditorPage } from './pages/EditorPage';
import { bytesOf, ExportDialog } from './pages/ExportPage';
import { selectWithMouse } from './pages/select-words';
import { memberColour } from '../renderer/editor/collab/member-colour';

test.use({ viewport: { width: 1280, height: 800 } });

async function seriousFindings(page: Page, include: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include(include).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} [${v.nodes.map((n) => n.target.join(' ')).join(', ')}]`);
}

test('an editor suggests an insertion, a deletion and a bold; accepts one, rejects one, undoes; the export has exactly the accepted text', async ({ page }) => {
  test.setTimeout(240_000);
  const editor = new EditorPage(page);
  const toggle = page.getByRole('button', { name: 'Suggestion mode' });
  const panel = page.getByRole('region', { name: /^Suggestions/ });
  const pending = panel.getByRole('list', { name: 'Pending suggestions, in text order' }).getByRole('listitem');

  await page.getByRole('button', { name: 'New draft' }).click();
  await page.getByRole('textbox', { name: 'Title' }).fill('Winter pressures');
  await editor.body.click();
  await page.keyboard.type('Admissions rose in March. Beds were short.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Second paragraph stays.');
  await editor.waitSaved();

  // On from the keyboard; the toolbar shows it pressed.
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('Control+Alt+s');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');

  // Insert: typed words are underlined, not applied.
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < 'Admissions '.length; i++) await page.keyboard.press('ArrowRight');
  // After the first key, words joining one's own insertion are typed by the browser: the caret is
  // not set by hand on each key (in a long draft that cost a selection update per keystroke).
  await page.evaluate(() => {
    const set = Selection.prototype.setBaseAndExtent;
    const w = window as unknown as { caretSets: number };
    w.caretSets = 0;
    Selection.prototype.setBaseAndExtent = function (...args) {
      w.caretSets++;
      return set.apply(this, args);
    };
  });
  await page.keyboard.type('sharply ');
  expect(await page.evaluate(() => (window as unknown as { caretSets: number }).caretSets)).toBeLessThanOrEqual(2);
  await expect(editor.body.locator('ins.suggestion-insert')).toHaveText('sharply ');
  await expect(editor.body.locator('ins.suggestion-insert')).toHaveAttribute('title', /^Suggested insertion by .+, \d+ \w+ \d{4}, \d\d:\d\d UTC$/);
  // Screen readers hear who suggested it from the element itself; no generated text, which would be painted on every frame.
  await expect(editor.body.locator('ins.suggestion-insert')).toHaveAccessibleDescription(/^Suggested insertion by .+, \d+ \w+ \d{4}, \d\d:\d\d UTC$/);
  expect(await editor.body.locator('ins.suggestion-insert').evaluate((el) => getComputedStyle(el, '::before').content)).toBe('none');
  // The author's colour comes from a shared class, not an inline style per element (hundreds in a
  // long draft): the underline wears it (not the stylesheet's fallback), and so does the panel item's edge.
  expect(await editor.body.locator('ins.suggestion-insert').getAttribute('style')).toBeNull();
  const underline = await editor.body.locator('ins.suggestion-insert').evaluate((el) => getComputedStyle(el).textDecorationColor);
  const author = (await editor.body.locator('ins.suggestion-insert').getAttribute('data-author')) ?? '';
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(memberColour(author).slice(i, i + 2), 16));
  expect(underline).toBe(`rgb(${r}, ${g}, ${b})`);
  await expect(pending.first()).toHaveCSS('border-left-color', underline);

  // Delete: the words stay, struck through.
  await selectWithMouse(page, editor.body, 'in March');
  await page.keyboard.press('Backspace');
  await expect(editor.body.locator('del.suggestion-delete')).toHaveText('in March');
  await expect(editor.body.locator('del.suggestion-delete')).toHaveAccessibleDescription(/^Suggested deletion by /);
  await expect(editor.body).toContainText('Admissions sharply rose in March. Beds were short.');

  // Bold: a format suggestion.
  await selectWithMouse(page, editor.body, 'short');
  await page.keyboard.press('Control+b');
  await expect(editor.body.locator('.suggestion-format')).toHaveText('short');
  await expect(editor.body.locator('.suggestion-format')).toHaveAccessibleDescription(/^Suggested format change by /);

  await expect(pending).toHaveCount(3);
  await expect(pending.nth(0)).toContainText('Insert');
  await expect(pending.nth(1)).toContainText('Delete');
  await expect(pending.nth(2)).toContainText('Format');
  await expect(page.getByText(/Draft: 10 words · 9 with suggestions ·/)).toBeVisible();
  await editor.waitSaved();
  await page.screenshot({ path: test.info().outputPath('suggestions.png') });
  expect(await seriousFindings(page, '.draft-panels')).toEqual([]);
  expect(await seriousFindings(page, '.editor')).toEqual([]);

  // Accept the insertion, reject the deletion (from the keyboard), then undo the rejection.
  await panel.getByRole('button', { name: /^Accept insertion by .*“sharply ”$/ }).click();
  await expect(editor.body.locator('ins')).toHaveCount(0);
  await expect(pending).toHaveCount(2);
  await panel.getByRole('button', { name: /^Reject deletion by .*“in March”$/ }).focus();
  await page.keyboard.press('Enter');
  await expect(editor.body.locator('del')).toHaveCount(0);
  await expect(pending).toHaveCount(1);
  await editor.body.click();
  await page.keyboard.press('Control+z');
  await expect(editor.body.locator('del.suggestion-delete')).toHaveText('in March');
  await expect(pending).toHaveCount(2);
  await expect(editor.body).toContainText('Admissions sharply rose in March. Beds were short.');
  await editor.waitSaved();

  // The exported page: the accepted insertion, the pending deletion's words kept, the pending bold not applied.
  const exporter = new ExportDialog(page);
  await exporter.openFrom(page.getByRole('region', { name: 'Draft' }));
  await exporter.choose('Standalone page');
  const html = (await bytesOf(await exporter.download())).toString();
  expect(html).toContain('<p>Admissions sharply rose in March. Beds were short.</p>');
  expect(html).toContain('<p>Second paragraph stays.</p>');
  for (const leak of ['<strong>', '<ins', '<del', 'suggestion']) expect(html).not.toContain(leak);
  await exporter.close();

  // The preview shows the page as published, or with every pending suggestion applied.
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  const frame = page.frameLocator('iframe[title="Publish preview of this draft"]');
  await expect(frame.locator('body')).toContainText('Admissions sharply rose in March. Beds were short.');
  await page.getByRole('group', { name: 'Pending suggestions' }).getByRole('button', { name: 'With suggestions' }).click();
  await expect(frame.locator('body')).toContainText('Admissions sharply rose. Beds were short.');
  await expect(frame.locator('strong')).toHaveText('short');
  await page.getByRole('button', { name: '← Back to the text' }).click();

  // The setting is remembered on this laptop.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Suggestion mode' })).toHaveAttribute('aria-pressed', 'true');
  await expect(pending).toHaveCount(2);
});
