import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

const SAMPLE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'samples/wxr-moderation.xml');

async function noSeriousAxe(page: Page, selector: string) {
  const axe = await new AxeBuilder({ page }).include(selector).analyze();
  const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function addRule(page: Page, kind: string, words: string) {
  const dialog = page.getByRole('dialog', { name: 'Moderation rules' });
  await dialog.getByLabel('Kind of rule').selectOption(kind);
  await dialog.getByLabel('Words or phrases (commas between them)').fill(words);
  await expect(dialog.getByRole('button', { name: 'Save rule' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Dry run: what would it change?' }).click();
  await expect(dialog.getByTestId('run-report')).toContainText('Nothing has been changed yet.');
  await dialog.getByRole('button', { name: 'Save rule' }).click();
  await expect(dialog.getByRole('list', { name: 'Rules' })).toContainText(words);
}

/** At 1280x800, the Comments area, the sample imported through the window (preview, then import). */
async function importSample(page: Page) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.keyboard.press('Control+3');
  await expect(page.getByRole('heading', { name: 'Comments', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Import comments…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import comments' });
  await dialog.getByLabel('Choose a file…').setInputFiles(SAMPLE);
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await dialog.getByRole('button', { name: 'Import 13 comments' }).click();
  await expect(dialog.getByRole('status')).toContainText('Imported 13 new comments');
  await dialog.getByRole('button', { name: 'Close' }).click();
}

const row = (page: Page, text: string) => page.locator('.crow', { hasText: text });

/** Clicks a row until the detail shows it (a click while the list re-renders can miss). */
async function focus(page: Page, text: string) {
  const detail = page.getByRole('complementary', { name: 'Focused comment' });
  await expect(async () => {
    await row(page, text).click();
    await expect(detail.locator('.cdetail__text')).toContainText(text, { timeout: 1000 });
  }).toPass();
}

test('rules sort an imported WXR; the reviewer sees history and reasons, and approves a regular\'s held comment', async ({ page }) => {
  // A long journey: many steps, three axe scans.
  test.setTimeout(240_000);
  await importSample(page);
  await expect(page.getByTestId('count-all')).toHaveText('13');
  // The default rules held the new pending comments at import.
  await expect(row(page, 'Three sources worth reading')).toContainText('held: 4 links');


  // The team's rules, each tried before it is saved.
  await page.getByRole('button', { name: 'Rules…' }).click();
  const rules = page.getByRole('dialog', { name: 'Moderation rules' });
  await expect(rules.getByRole('list', { name: 'Rules' })).toContainText('hold a comment with more than 2 links');
  await addRule(page, 'banned', 'cheap meds');
  await addRule(page, 'suspect', 'crypto');
  await noSeriousAxe(page, '.rules-dialog');
  await page.screenshot({ path: test.info().outputPath('rules-dialog.png') });
  // Applied to the comments stored: previewed first, then applied.
  await rules.getByLabel('Every comment').check();
  await rules.getByRole('button', { name: 'Preview' }).click();
  await expect(rules.getByTestId('run-report')).toContainText('Would change: 1 to spam.');
  await rules.getByRole('button', { name: 'Apply' }).click();
  await expect(rules).toBeHidden();
  await expect(page.getByTestId('comments-announcer')).toHaveText('Rules applied: 1 comment changed.');

  // The rules held, flagged, approved and sorted out spam, each with its reason on the row.
  await expect(row(page, 'Three sources worth reading')).toContainText('held: 4 links');
  await expect(row(page, 'cheap meds delivered')).toContainText("spam: banned phrase 'cheap meds'");
  await expect(row(page, 'crypto angle')).toContainText("held: suspect word 'crypto'");
  await expect(row(page, 'recruitment numbers add up')).toContainText('approved: 3 earlier approved comments, no spam');
  await expect(row(page, 'First time commenting')).toContainText('held: first comment from this commenter');

  // Filter on the rule that fired.
  await expect(async () => {
    await page.getByLabel('Rule fired').selectOption('links');
    await expect(page.getByTestId('count-all')).toHaveText('1', { timeout: 2000 });
  }).toPass();
  await page.getByLabel('Rule fired').selectOption('');

  // The held comment of a regular: her history beside it, every reason, then approve.
  const detail = page.getByRole('complementary', { name: 'Focused comment' });
  await focus(page, 'Three sources worth reading');
  await expect(detail.getByTestId('commenter-context')).toContainText('3 earlier comments: 3 approved, since March 2024');
  await expect(detail.getByTestId('commenter-context')).toContainText('Matched by e-mail address');
  await expect(detail.getByTestId('rule-reasons')).toContainText('held: 4 links');
  await expect(detail.getByTestId('rule-reasons')).toContainText('approved: 3 earlier approved comments, no spam');
  await noSeriousAxe(page, '.comments-pane');
  await page.screenshot({ path: test.info().outputPath('held-with-history.png') });
  await page.keyboard.press('a');
  await expect(row(page, 'Three sources worth reading').locator('.badge--approved').first()).toHaveText('Approved');

  // Every comment by her, in the pane and in the commenter view.
  await focus(page, 'Three sources worth reading');
  await detail.getByRole('button', { name: /Show only Maya Patel's comments/ }).click();
  await expect(page.getByTestId('commenter-filter')).toContainText('Maya Patel');
  await expect(page.getByTestId('count-all')).toHaveText('5');
  await focus(page, 'consent forms');
  await detail.getByRole('button', { name: /All comments by Maya Patel/ }).click();
  const view = page.getByRole('dialog', { name: 'Comments by Maya Patel' });
  await expect(view.locator('.commenter-view__item')).toHaveCount(5);
  await noSeriousAxe(page, '.commenter-view');
  await page.screenshot({ path: test.info().outputPath('commenter-view.png') });
  await view.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Show everyone' }).click();
  await expect(page.getByTestId('count-all')).toHaveText('13');
});

test('Retrain now answers: the reviewer approves a comment, retrains, and sees the score learned from her decisions', async ({ page }) => {
  test.setTimeout(180_000);
  await importSample(page);
  const status = page.getByTestId('spam-status');
  // Four approved (one by the trusted rule) and five spam: one approval short of learning.
  await expect(status).toContainText('not learned yet (9 decisions');

  await focus(page, 'Three sources worth reading');
  await page.keyboard.press('a');
  await expect(row(page, 'Three sources worth reading').locator('.badge--approved').first()).toHaveText('Approved');

  // The reviewer asks for a retrain (one may have started by itself as decisions grew: the button waits for it).
  await status.getByRole('button', { name: 'Retrain now' }).click();
  await expect(status.getByRole('status')).toHaveText(/Retrained just now on 10 decisions; \d+ pending comments scored\./, { timeout: 60_000 });
  await expect(status).toContainText('Spam score learned from 10 decisions');
  await noSeriousAxe(page, '.spam-status');
  await page.screenshot({ path: test.info().outputPath('retrained.png') });
  // The scores are in: a pending comment shows its score and the words behind it.
  const detail = page.getByRole('complementary', { name: 'Focused comment' });
  await focus(page, 'First time commenting');
  await expect(detail.getByTestId('rule-reasons')).toContainText('Spam score');
});
