import { test, expect } from './fixtures';
import { callApi } from './server';
import AxeBuilder from '@axe-core/playwright';
import { panels } from './pages/DraftsPage';
import { SeriesPage } from './pages/SeriesPage';

test.use({ viewport: { width: 1280, height: 1000 } });
test.setTimeout(120_000);

test('a move to scheduled is refused in the window while a required rule fails, and confirmed when only recommended ones do', async ({ page, server, secret }) => {
  // The team makes a planned date required for every post, in Planning → Checklist rules.
  await page.getByRole('link', { name: /Planning/ }).first().click();
  await page.getByRole('navigation', { name: 'Planning views' }).getByRole('link', { name: 'Checklist rules' }).click();
  await page.getByLabel('Level of “A planned date”').selectOption('required');
  await page.getByRole('button', { name: 'Save rules for every post' }).click();
  await expect(page.getByTestId('planning-announcer')).toHaveText('Checklist rules saved.');

  await page.getByRole('link', { name: /Drafts/ }).first().click();
  await page.getByRole('button', { name: 'New draft' }).click();
  await page.getByRole('textbox', { name: 'Title' }).fill('Not ready yet');
  const p = panels(page);
  const checks = p.details.getByRole('list', { name: 'Pre-publish checks' });
  await expect(checks.locator('[data-rule="planned-date"]')).toContainText('required, fails');
  expect((await new AxeBuilder({ page }).include('.draft-panels').analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

  // The jump goes to the field that fails.
  await checks.getByRole('button', { name: 'Fix: A planned date' }).click();
  await expect(p.field('Planned date')).toBeFocused();

  await p.field('Status').selectOption('scheduled');
  await expect(p.details.getByRole('alert')).toContainText('Not moved to scheduled: required checks fail: A planned date (No planned date)');
  await expect(p.field('Status')).toHaveValue('drafting');
  const stored = async () => ((await callApi(server.url, secret, 'posts.list', {})).value as { title: string; status: string }[]).find((x) => x.title === 'Not ready yet')?.status;
  await expect.poll(stored).toBe('drafting');

  // With a date, only recommended rules fail: the app's own dialog asks (no window.confirm), naming them.
  page.on('dialog', (d) => {
    throw new Error(`a native ${d.type()} dialog was opened: ${d.message()}`);
  });
  await p.field('Planned date').fill('2027-03-01');
  await p.field('Planned date').press('Enter');
  await expect(checks.locator('[data-rule="planned-date"]')).toContainText('passes');
  await expect(checks.locator('[data-rule="planned-date"] .checklist__message')).toHaveText('1 Mar 2027');
  await p.field('Status').focus();
  await p.field('Status').selectOption('scheduled');
  const ask = page.getByRole('dialog', { name: 'Move to scheduled with recommended checks failing?' });
  await expect(ask).toBeVisible();
  await expect(ask.getByRole('list', { name: 'Failing recommended checks' })).toContainText('guest author');
  await expect(ask.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.screenshot({ path: test.info().outputPath('confirm-warnings.png') });
  expect((await new AxeBuilder({ page }).include('dialog').analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  // Escape changes nothing, and the focus goes back to the status field.
  await page.keyboard.press('Escape');
  await expect(ask).toHaveCount(0);
  await expect(p.field('Status')).toHaveValue('drafting');
  await expect(p.field('Status')).toBeFocused();
  await page.waitForTimeout(1500);
  expect(await stored()).toBe('drafting');

  await p.field('Status').selectOption('scheduled');
  await ask.getByRole('button', { name: 'Move to scheduled anyway' }).click();
  await expect(ask).toHaveCount(0);
  await expect(p.field('Status')).toHaveValue('scheduled');
  await expect.poll(stored).toBe('scheduled');
});

test('the Series area asks the same question before a move to scheduled with recommended checks failing', async ({ page, server, secret }) => {
  page.on('dialog', (d) => {
    throw new Error(`a native ${d.type()} dialog was opened: ${d.message()}`);
  });
  const series = new SeriesPage(page);
  await series.openArea();
  await series.create({ title: 'Checked series', topic: 'checks' });
  await series.addPost('Unsigned guest post');
  await series.plan('Unsigned guest post', '2027-04-05');
  const status = series.row('Unsigned guest post').getByLabel('Status');
  const stored = async () => ((await callApi(server.url, secret, 'posts.list', {})).value as { title: string; status: string }[]).find((x) => x.title === 'Unsigned guest post')?.status;

  await status.selectOption('scheduled');
  const ask = page.getByRole('dialog', { name: 'Move to scheduled with recommended checks failing?' });
  await expect(ask).toBeVisible();
  await expect(ask.getByRole('list', { name: 'Failing recommended checks' })).toContainText('guest author');
  await expect(ask.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.screenshot({ path: test.info().outputPath('series-confirm-warnings.png') });
  expect((await new AxeBuilder({ page }).include('dialog').analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  // Cancel changes nothing; no refusal is left on the screen either.
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(ask).toHaveCount(0);
  await expect(status).not.toHaveValue('scheduled');
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(await stored()).not.toBe('scheduled');

  await status.selectOption('scheduled');
  await ask.getByRole('button', { name: 'Move to scheduled anyway' }).click();
  await expect(ask).toHaveCount(0);
  await expect(status).toHaveValue('scheduled');
  await expect.poll(stored).toBe('scheduled');
});
