import { test, expect } from './fixtures';
import { callApi } from './server';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { PlanningPage } from './pages/PlanningPage';
import { dragWithMouse } from './pages/drag';
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
  await page.getByRole('listbox', { name: 'Series' }).selectOption({ label: 'No series' });
  await expect(page).toHaveURL(/series%3Dnone/);
  await page.reload();
  await expect(plan.chipIn(plan.tray, 'Unplanned by mouse')).toBeVisible();
  await expect(plan.grid.locator('.plan-chip')).toHaveCount(0);

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
