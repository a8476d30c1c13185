import { test, expect } from './fixtures';
import { callApi } from './server';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { PlanningPage } from './pages/PlanningPage';
import { dragWithMouse } from './pages/drag';
import { panels } from './pages/DraftsPage';
import { addDays } from '../common/series/dates';

test.use({ viewport: { width: 1280, height: 1000 } });
test.setTimeout(240_000);

function localDate(d = new Date()): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The demo's series of five planned posts, and two new drafts with no date, all through the window. */
async function seed(page: Page) {
  await page.getByRole('button', { name: 'Load demo content' }).click();
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue(/medical leadership/, { timeout: 60_000 });
  for (const title of ['Unplanned by mouse', 'Unplanned by keyboard']) {
    await page.getByRole('link', { name: /Drafts/ }).first().click();
    await page.getByRole('button', { name: 'New draft' }).click();
    await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue('');
    await page.getByRole('textbox', { name: 'Title' }).fill(title);
    await page.getByRole('textbox', { name: 'Title' }).blur();
    await expect(page.locator('.statusbar__save')).toHaveAttribute('data-state', 'saved');
  }
}

async function plannedDate(page: Page, server: { url: string }, secret: string, title: string): Promise<string | null> {
  const posts = (await callApi(server.url, secret, 'posts.list', {})).value as { title: string; plannedDate: string | null }[];
  return posts.find((p) => p.title === title)!.plannedDate;
}

test('a post is dragged from the unscheduled tray onto a day by mouse and by keyboard, announced and stored', async ({ page, server, secret }) => {
  await seed(page);
  const plan = new PlanningPage(page);
  await plan.open();
  const today = localDate();
  await expect(plan.chipIn(plan.tray, 'Unplanned by mouse')).toBeVisible();
  await expect(plan.chipIn(plan.day(today), 'Leadership and patient safety').or(plan.chipIn(plan.grid, 'Leadership and patient safety'))).toHaveCount(1);

  // Mouse: by the handle onto the day after today (in this month's grid, or the next one).
  const target = addDays(today, 1);
  if (!(await plan.day(target).count())) await page.getByRole('button', { name: 'Next month →' }).click();
  await dragWithMouse(page, plan.handle('Unplanned by mouse'), plan.day(target));
  await expect(plan.chipIn(plan.day(target), 'Unplanned by mouse')).toBeVisible();
  await expect(plan.chipIn(plan.tray, 'Unplanned by mouse')).toHaveCount(0);
  await expect(plan.announcer).toContainText('“Unplanned by mouse” planned for');
  await expect.poll(() => plannedDate(page, server, secret, 'Unplanned by mouse')).toBe(target);

  // Keyboard: pick up with Space, the first arrow lands on the start day, then a day right and a week down.
  await page.getByRole('button', { name: 'Today' }).click();
  await plan.handle('Unplanned by keyboard').focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  const keyed = addDays(today, 8);
  await expect.poll(() => plannedDate(page, server, secret, 'Unplanned by keyboard')).toBe(keyed);
  await expect(plan.announcer).toContainText('“Unplanned by keyboard” planned for');
  // dnd-kit's own live region said where the post went at each step.
  await expect(page.locator('[id^="DndLiveRegion"]')).toContainText('dropped on');

  // Re-dating a planned post by dragging it to another day of the grid.
  const series = 'Nurses as system leaders';
  const before = (await plannedDate(page, server, secret, series))!;
  await page.getByRole('button', { name: 'Today' }).click();
  if (!(await plan.day(before).count())) await page.getByRole('button', { name: 'Next month →' }).click();
  const after = addDays(before, -1);
  await dragWithMouse(page, plan.handle(series), plan.day(after));
  await expect.poll(() => plannedDate(page, server, secret, series)).toBe(after);
});

test('the planning views show clashes, filter through the URL, and pass axe', async ({ page }) => {
  await seed(page);
  const plan = new PlanningPage(page);
  await plan.open();
  await expect(plan.grid).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('planning-month.png') });
  const axe = async () => {
    const results = await new AxeBuilder({ page }).include('#main').analyze();
    return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`);
  };
  expect(await axe()).toEqual([]);

  // The series filter goes into the URL and survives a reload.
  // By keyboard: type to narrow the list, Down to the option, Enter to tick it; it shows as a chip.
  const series = page.getByRole('combobox', { name: 'Series' });
  await series.focus();
  await page.keyboard.type('no ser');
  await expect(page.getByRole('listbox', { name: 'Series' }).getByRole('option')).toHaveText(['☐No series']);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('listbox', { name: 'Series' }).getByRole('option', { name: 'No series' })).toHaveAttribute('aria-selected', 'true');
  expect(await axe()).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('planning-filter-open.png') });
  await page.keyboard.press('Escape');
  await expect(page.getByRole('listbox', { name: 'Series' })).toBeHidden();
  await expect(page).toHaveURL(/series%3Dnone/);
  await page.reload();
  await expect(page.getByRole('list', { name: 'Series: chosen' })).toHaveText('No series×');
  await expect(plan.chipIn(plan.tray, 'Unplanned by mouse')).toBeVisible();
  await expect(plan.grid.locator('.plan-chip')).toHaveCount(0);

  // By mouse, a second status, then a chip's own button takes one away.
  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Drafting' }).click();
  await page.getByRole('option', { name: 'Idea' }).click();
  await expect(page).toHaveURL(/status=drafting&status=idea|status%3Ddrafting%26status%3Didea/);
  await page.getByRole('combobox', { name: 'Status' }).press('Escape');
  await page.getByRole('button', { name: 'Remove Idea from Status' }).click();
  await expect(page.getByRole('list', { name: 'Status: chosen' })).toHaveText('Drafting×');
  await expect(plan.chipIn(plan.tray, 'Unplanned by mouse')).toBeVisible();
  await page.getByRole('button', { name: 'Remove Drafting from Status' }).click();
  await expect(page.getByRole('list', { name: 'Status: chosen' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Week' }).click();
  expect(await axe()).toEqual([]);
  await page.getByRole('button', { name: 'List' }).click();
  expect(await axe()).toEqual([]);

  // People, me and My work.
  await plan.tab('People').click();
  await page.getByRole('textbox', { name: 'Name' }).fill('Rita Planner');
  await page.getByRole('textbox', { name: 'E-mail' }).fill('rita@example.org');
  await page.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByRole('list', { name: 'People' })).toContainText('Rita Planner');
  expect(await axe()).toEqual([]);
  await plan.tab('Calendar').click();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByRole('button', { name: 'List' }).click();
  await page.getByLabel('Owner of “Nurses as system leaders”').selectOption({ label: 'Rita Planner' });
  await expect(plan.announcer).toHaveText('Saved.');
  await plan.tab('My work').click();
  await page.getByLabel('I am').selectOption({ label: 'Rita Planner <rita@example.org>' });
  await expect(page.getByRole('table', { name: 'My posts by due date' })).toContainText('Nurses as system leaders');
  expect(await axe()).toEqual([]);
  await plan.tab('Checklist rules').click();
  await expect(page.getByRole('table', { name: 'Pre-publish checklist rules' })).toBeVisible();
  expect(await axe()).toEqual([]);
});

test("a draft's owner and reviewer are chosen in its side panel, kept over a reload and shown in My work", async ({ page }) => {
  const plan = new PlanningPage(page);
  await plan.open();
  await plan.tab('People').click();
  for (const [name, email] of [['Rita Planner', 'rita@example.org'], ['Sam Reviewer', 'sam@example.org']]) {
    await page.getByRole('textbox', { name: 'Name' }).fill(name);
    await page.getByRole('textbox', { name: 'E-mail' }).fill(email);
    await page.getByRole('button', { name: 'Add person' }).click();
    await expect(page.getByRole('list', { name: 'People' })).toContainText(name);
  }

  await page.getByRole('link', { name: /Drafts/ }).first().click();
  await page.getByRole('button', { name: 'New draft' }).click();
  await page.getByRole('textbox', { name: 'Title' }).fill('Owned draft');
  await page.getByRole('textbox', { name: 'Title' }).blur();
  const p = panels(page);
  await p.field('Owner').selectOption({ label: 'Rita Planner' });
  await expect(p.details.getByRole('status').filter({ hasText: 'Owner saved.' })).toBeVisible();
  await p.field('Reviewer').selectOption({ label: 'Sam Reviewer' });
  await expect(p.details.getByRole('status').filter({ hasText: 'Reviewer saved.' })).toBeVisible();
  await expect(page.locator('.statusbar__save')).toHaveAttribute('data-state', 'saved');
  await page.screenshot({ path: test.info().outputPath('owner-reviewer.png') });
  expect((await new AxeBuilder({ page }).include('.draft-panels').analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

  await page.reload();
  await expect(p.field('Owner').locator('option:checked')).toHaveText('Rita Planner');
  await expect(p.field('Reviewer').locator('option:checked')).toHaveText('Sam Reviewer');

  // The Planning area sees the same assignment: it is Rita's post, and Sam's to review.
  await plan.open();
  await plan.tab('My work').click();
  await page.getByLabel('I am').selectOption({ label: 'Sam Reviewer <sam@example.org>' });
  const mine = page.getByRole('table', { name: 'My posts by due date' });
  await expect(mine.getByRole('row', { name: /Owned draft/ })).toContainText('Reviewer');

  // Nobody: the owner is taken away in the side panel and stays away.
  await mine.getByRole('link', { name: 'Owned draft' }).click();
  await p.field('Owner').selectOption({ label: 'Nobody' });
  await expect(p.details.getByRole('status').filter({ hasText: 'Owner saved.' })).toBeVisible();
  await page.reload();
  await expect(p.field('Owner')).toHaveValue('');
  await expect(p.field('Reviewer').locator('option:checked')).toHaveText('Sam Reviewer');
});
