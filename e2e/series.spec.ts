import fs from 'node:fs';
import { test, expect } from './fixtures';
import { callApi } from './server';
import { icsProp, parseIcs } from '../main/exporters/series-plan-ics-parse';
import { addDays } from '../common/series/dates';
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { dragWithMouse } from './pages/drag';

// Tall enough that a drag from the last row to the first needs no scrolling mid-drag.
test.use({ viewport: { width: 1400, height: 1800 } });
// Three areas' worth of clicks and an axe scan per view: more than the default minute on a busy machine.
test.setTimeout(180_000);

const TOPIC = 'current issues and opportunities for clinical and medical leaders';

function localDate(d = new Date()): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const postList = (page: Page) => page.getByRole('list', { name: 'Posts in running order' });
const rowTitles = (page: Page) => postList(page).locator('.series-row__title');
const row = (page: Page, title: string) => postList(page).getByRole('listitem').filter({ has: page.getByRole('link', { name: title, exact: true }) });
const handle = (page: Page, title: string) => page.getByRole('button', { name: `Move “${title}”`, exact: true });
/** dnd-kit's own live region, where each step of a drag is spoken. */
const dndSays = (page: Page) => page.locator('[id^="DndLiveRegion"]');

/**
 * Space on the focused grip, and the pick-up is spoken. dnd-kit starts listening for arrows in a
 * task after the pick-up (so the Space that picked up does not also drop), and Chromium runs input
 * before timers: a test typing faster than any hand gives it a moment, or its first arrow is lost.
 */
async function pickUp(page: Page, spoken: string | RegExp) {
  await page.keyboard.press('Space');
  await expect(dndSays(page)).toHaveText(spoken);
  await page.waitForTimeout(200);
}

async function createSeriesOfFive(page: Page) {
  await page.getByRole('link', { name: /Series/ }).click();
  await expect(page.getByText('No series yet')).toBeVisible();
  await page.getByRole('button', { name: 'New series' }).click();
  await page.getByLabel('Title', { exact: true }).fill('Clinical leaders');
  await page.getByLabel('Topic', { exact: true }).fill(TOPIC);
  await expect(page.getByText(`This is the third in a series of guest blogs that explores ${TOPIC}.`)).toBeVisible();
  await page.getByRole('button', { name: 'Create series' }).click();
  await expect(page.getByRole('heading', { name: 'Clinical leaders', level: 1 })).toBeVisible();
  for (const t of ['Post A', 'Post B', 'Post C', 'Post D', 'Post E']) {
    await page.getByLabel('Working title').fill(t);
    await page.getByRole('button', { name: 'Add post' }).click();
    await expect(row(page, t)).toBeVisible();
  }
  await expect(rowTitles(page)).toHaveText(['Post A', 'Post B', 'Post C', 'Post D', 'Post E']);
  return page.url().match(/#\/series\/([0-9a-f-]{36})/)![1];
}

test('a series of five guest posts is reordered by keyboard and by mouse, and its notices follow the order', async ({ page, server, secret }) => {
  const seriesId = await createSeriesOfFive(page);

  // Keyboard: the focused row moves with Alt+ArrowUp, keeps focus, and the move is announced.
  await row(page, 'Post E').focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(rowTitles(page)).toHaveText(['Post A', 'Post B', 'Post C', 'Post E', 'Post D']);
  await expect(page.getByTestId('series-announcer')).toHaveText('Moved “Post E” to position 4 of 5.');
  await expect(row(page, 'Post E')).toBeFocused();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(rowTitles(page)).toHaveText(['Post A', 'Post B', 'Post E', 'Post C', 'Post D']);
  await row(page, 'Post A').getByRole('button', { name: 'Move “Post A” down' }).click();
  await expect(rowTitles(page)).toHaveText(['Post B', 'Post A', 'Post E', 'Post C', 'Post D']);

  // Mouse: drag the last post by its handle onto the first place.
  await dragWithMouse(page, handle(page, 'Post D'), row(page, 'Post B'));
  await expect(rowTitles(page)).toHaveText(['Post D', 'Post B', 'Post A', 'Post E', 'Post C']);

  const third = row(page, 'Post A');
  await expect(third.locator('.series-row__notice')).toHaveText(`This is the third in a series of guest blogs that explores ${TOPIC}.`);
  const stored = await callApi(server.url, secret, 'series.get', { id: seriesId });
  expect(stored.value.posts.map((p: { title: string; position: number }) => `${p.position}:${p.title}`)).toEqual([
    '1:Post D',
    '2:Post B',
    '3:Post A',
    '4:Post E',
    '5:Post C',
  ]);
  expect(stored.value.posts[2].notice).toBe(`This is the third in a series of guest blogs that explores ${TOPIC}.`);

  // A post inserted at position 2 pushes the third notice onto the next post.
  await page.getByLabel('Working title').fill('Inserted');
  await page.getByLabel('Place').selectOption({ label: 'At position 2, before “Post B”' });
  await page.getByRole('button', { name: 'Add post' }).click();
  await expect(rowTitles(page)).toHaveText(['Post D', 'Inserted', 'Post B', 'Post A', 'Post E', 'Post C']);
  await expect(row(page, 'Post B').locator('.series-row__notice')).toHaveText(/^This is the third in a series/);
  await expect(row(page, 'Post A').locator('.series-row__notice')).toHaveText(/^This is the fourth in a series/);

  // Quick repeated key presses add up: each step starts from the result of the one before.
  await row(page, 'Post D').focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('Alt+ArrowDown');
  await expect(rowTitles(page)).toHaveText(['Inserted', 'Post B', 'Post A', 'Post D', 'Post E', 'Post C']);
  await expect(page.getByTestId('series-announcer')).toHaveText('Moved “Post D” to position 4 of 6.');
});

test('status changes on the board, dates change on the calendar, and the .ics export reads back', async ({ page, server, secret }) => {
  const seriesId = await createSeriesOfFive(page);

  await page.getByRole('tab', { name: 'Board' }).click();
  const column = (status: string) => page.locator(`.board__column[data-status="${status}"]`);
  const card = (title: string) => page.locator('.board__card').filter({ hasText: title });
  await expect(column('idea').locator('.board__card')).toHaveCount(5);
  // Grabbed by the card's body (not its link), dropped on the next column.
  await dragWithMouse(page, card('Post C').locator('.post-facts'), column('commissioned'));
  await expect(column('commissioned').locator('.board__card')).toHaveText([/Post C/]);
  await card('Post C').focus();
  await page.keyboard.press('Alt+ArrowRight');
  await expect(column('drafting').locator('.board__card')).toHaveText([/Post C/]);
  await expect(page.getByTestId('series-announcer')).toHaveText('“Post C” moved to Drafting.');

  await page.getByRole('tab', { name: 'Calendar' }).click();
  const today = new Date();
  const month = localDate(today).slice(0, 7);
  const day = (n: number) => `${month}-${String(n).padStart(2, '0')}`;
  const cell = (date: string) => page.locator(`td[data-date="${date}"]`);
  const chip = (title: string) => page.locator('.calendar__chip').filter({ hasText: title });

  await dragWithMouse(page, chip('Post A'), cell(day(10)));
  await expect(cell(day(10)).locator('.calendar__chip')).toHaveText([/Post A/]);
  await dragWithMouse(page, chip('Post B'), cell(day(10)));
  await expect(cell(day(10)).getByText('Clash', { exact: true })).toBeVisible();
  await expect(page.getByText(/Clash: “Post A” and “Post B” are all planned for/)).toBeVisible();
  // Re-date by mouse, then by keyboard (a week later).
  await dragWithMouse(page, cell(day(10)).locator('.calendar__chip').filter({ hasText: 'Post B' }), cell(day(17)));
  await expect(cell(day(17)).locator('.calendar__chip')).toHaveText([/Post B/]);
  await cell(day(17)).locator('.calendar__chip').focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(cell(day(10)).locator('.calendar__chip')).toHaveCount(2);
  await page.keyboard.press('Alt+ArrowDown');
  await expect(cell(day(17)).locator('.calendar__chip')).toHaveText([/Post B/]);

  const detail = (await callApi(server.url, secret, 'series.get', { id: seriesId })).value;
  const byTitle = (t: string) => detail.posts.find((p: { title: string }) => p.title === t);
  expect(byTitle('Post A').plannedDate).toBe(day(10));
  expect(byTitle('Post B').plannedDate).toBe(day(17));
  expect(byTitle('Post C').status).toBe('drafting');

  // A commission with a passed deadline makes the post stand out as overdue, in words.
  await page.getByRole('tab', { name: 'List' }).click();
  await row(page, 'Post E').getByRole('button', { name: 'Commission…' }).click();
  await row(page, 'Post E').getByLabel('Guest author').fill('Dr Ada Guest');
  await row(page, 'Post E').getByLabel('Deadline').fill('2020-01-15');
  await row(page, 'Post E').getByRole('button', { name: 'Commission', exact: true }).click();
  await expect(row(page, 'Post E').getByText('Overdue', { exact: true })).toBeVisible();
  await expect(row(page, 'Post E').getByText('Guest: Dr Ada Guest')).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export .ics' }).click()]);
  expect(download.suggestedFilename()).toBe('clinical-leaders-plan.ics');
  const ics = fs.readFileSync(await download.path(), 'utf8');
  const cal = parseIcs(ics);
  expect(icsProp(cal, 'X-WR-CALNAME')).toBe('Clinical leaders');
  const events = cal.children.filter((c) => c.name === 'VEVENT');
  expect(events).toHaveLength(3);
  const planned = events.find((e) => icsProp(e, 'UID') === `${byTitle('Post B').id}-planned@editorial-workbench`)!;
  expect(icsProp(planned, 'DTSTART')).toBe(day(17).replace(/-/g, ''));
  expect(icsProp(planned, 'SUMMARY')).toBe('Clinical leaders (second): Post B');
  const deadline = events.find((e) => icsProp(e, 'SUMMARY') === 'Deadline: Post E (Dr Ada Guest)')!;
  expect(icsProp(deadline, 'DTSTART')).toBe('20200115');
  expect(icsProp(deadline, 'DESCRIPTION')).toContain('Overdue: not delivered.');
});

test('the notice template, the workflow and a post’s series can be changed, and the views pass an accessibility scan', async ({ page, server, secret }) => {
  await createSeriesOfFive(page);
  const other = await callApi(server.url, secret, 'series.create', { title: 'Digital health' });
  await page.reload();

  // Edit the notice template: the live preview and every row follow it.
  await page.getByRole('button', { name: 'Edit series' }).click();
  const formScan = await new AxeBuilder({ page }).include('.series-form').analyze();
  expect(formScan.violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`)).toEqual([]);
  await page.getByLabel('Notice template').fill('Part {position} ({ordinal}) of {title}.');
  await expect(page.getByText('Part 3 (third) of Clinical leaders.')).toBeVisible();
  await page.getByRole('button', { name: 'Save series' }).click();
  await expect(row(page, 'Post C').locator('.series-row__notice')).toHaveText('Part 3 (third) of Clinical leaders.');

  // Rename a status and put it in use: posts follow the rename on the board.
  await row(page, 'Post B').getByLabel('Status').selectOption({ label: 'In review' });
  await page.getByRole('button', { name: 'Workflow' }).click();
  await page.getByLabel('Status 4').fill('Editing');
  await page.getByRole('button', { name: 'Save workflow' }).click();
  await page.getByRole('tab', { name: 'Board' }).click();
  await expect(page.locator('.board__column[data-status="editing"] .board__card')).toHaveText([/Post B/]);
  await expect(page.locator('.board__column[data-status="in-review"]')).toHaveCount(0);

  // Move one post to the other series and one out of any series; positions close up.
  await page.getByRole('tab', { name: 'List' }).click();
  await row(page, 'Post A').getByLabel('Move “Post A” to another series or out of it').selectOption({ label: 'Series: Digital health' });
  await expect(rowTitles(page)).toHaveText(['Post B', 'Post C', 'Post D', 'Post E']);
  await row(page, 'Post D').getByLabel('Move “Post D” to another series or out of it').selectOption({ label: 'Out of the series' });
  await expect(rowTitles(page)).toHaveText(['Post B', 'Post C', 'Post E']);
  await expect(row(page, 'Post E').locator('.series-row__notice')).toHaveText('Part 3 (third) of Clinical leaders.');
  const moved = await callApi(server.url, secret, 'series.get', { id: other.value.id });
  expect(moved.value.posts.map((p: { title: string }) => p.title)).toEqual(['Post A']);

  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(csvDownload.suggestedFilename()).toBe('clinical-leaders-plan.csv');
  const csv = fs.readFileSync(await csvDownload.path(), 'utf8').replace(/^\uFEFF/, '').split('\r\n');
  expect(csv[0]).toMatch(/^position,slug,title,status,/);
  expect(csv.slice(1, 4).map((line) => line.split(',').slice(0, 4).join(','))).toEqual(['1,post-b,Post B,editing', '2,post-c,Post C,idea', '3,post-e,Post E,idea']);

  for (const tab of ['List', 'Board', 'Calendar']) {
    await page.getByRole('tab', { name: tab }).click();
    const scan = await new AxeBuilder({ page }).include('.series-view').analyze();
    expect(scan.violations.map((v) => `${tab}: ${v.id}: ${v.nodes[0]?.target}`)).toEqual([]);
  }

  // Deleting sends the series to the trash, from where it comes back whole.
  await page.getByRole('button', { name: 'Delete series' }).click();
  await page.getByRole('button', { name: 'Move to trash' }).click();
  await expect(page.getByRole('list', { name: 'All series' }).getByRole('listitem')).toHaveText([/Digital health/]);
  const listScan = await new AxeBuilder({ page }).include('.pane').analyze();
  expect(listScan.violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`)).toEqual([]);
  await page.getByLabel('Show the trash').check();
  await page.getByRole('button', { name: 'Restore “Clinical leaders”' }).click();
  await expect(page.getByText('The trash is empty')).toBeVisible();
  await page.getByLabel('Show the trash').uncheck();
  await page.getByRole('link', { name: /Clinical leaders/ }).click();
  await expect(rowTitles(page)).toHaveText(['Post B', 'Post C', 'Post E']);
});

test('with the keyboard alone a post is picked up, moved and dropped in the running order, on the board and on the calendar, each step spoken and the result kept', async ({
  page,
}) => {
  await createSeriesOfFive(page);

  // Running order: Tab from the row to its handle, Space, ↑ ↑, Space.
  await row(page, 'Post E').focus();
  await page.keyboard.press('Tab');
  await expect(handle(page, 'Post E')).toBeFocused();
  await pickUp(page, 'Picked up post 5, “Post E”. The up and down arrow keys move it; Space drops it; Escape puts it back.');
  await page.keyboard.press('ArrowUp');
  await expect(dndSays(page)).toHaveText('Moved to position 4 of 5.');
  await page.keyboard.press('ArrowUp');
  await expect(dndSays(page)).toHaveText('Moved to position 3 of 5.');
  await page.keyboard.press('Space');
  await expect(rowTitles(page)).toHaveText(['Post A', 'Post B', 'Post E', 'Post C', 'Post D']);
  await expect(page.getByTestId('series-announcer')).toHaveText('Moved “Post E” to position 3 of 5.');
  await expect(handle(page, 'Post E')).toBeFocused();
  // Escape puts a held post back where it was, and says so.
  await pickUp(page, /^Picked up post 3, “Post E”/);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Escape');
  await expect(dndSays(page)).toHaveText('Cancelled. “Post E” stays at position 3 of 5.');
  await expect(rowTitles(page)).toHaveText(['Post A', 'Post B', 'Post E', 'Post C', 'Post D']);
  await page.reload();
  await expect(rowTitles(page)).toHaveText(['Post A', 'Post B', 'Post E', 'Post C', 'Post D']);
  await expect(row(page, 'Post E').locator('.series-row__notice')).toHaveText(`This is the third in a series of guest blogs that explores ${TOPIC}.`);

  // Board: Space, → →, Space takes a card two columns along.
  await page.getByRole('tab', { name: 'Board' }).click();
  const column = (status: string) => page.locator(`.board__column[data-status="${status}"]`);
  // The tab changes through the URL, so wait for the board before focusing one of its handles.
  await expect(column('idea').locator('.board__card')).toHaveCount(5);
  await handle(page, 'Post B').focus();
  await pickUp(page, /^Picked up “Post B”, in Idea\./);
  await page.keyboard.press('ArrowRight');
  await expect(dndSays(page)).toHaveText('Over Commissioned.');
  await page.keyboard.press('ArrowRight');
  await expect(dndSays(page)).toHaveText('Over Drafting.');
  await page.keyboard.press('Space');
  await expect(column('drafting').locator('.board__card')).toHaveText([/Post B/]);
  await expect(page.getByTestId('series-announcer')).toHaveText('“Post B” moved to Drafting.');
  await expect(handle(page, 'Post B')).toBeFocused();

  // Calendar: a post waiting in "Not planned yet" goes to a day of this month, a day at a time.
  await page.getByRole('tab', { name: 'Calendar' }).click();
  const today = localDate();
  const cell = (date: string) => page.locator(`td[data-date="${date}"]`);
  const [key, target] = (await cell(addDays(today, 1)).count()) ? ['ArrowRight', addDays(today, 1)] : ['ArrowLeft', addDays(today, -1)];
  const chip = page.getByRole('button', { name: /^5\. Post D/ });
  await expect(page.getByRole('table', { name: /^Planned posts/ })).toBeVisible();
  await chip.focus();
  await pickUp(page, /^Picked up “Post D”, not planned yet\./);
  await page.keyboard.press('ArrowRight'); // The first arrow from the tray lands on today.
  await page.keyboard.press(key);
  await page.keyboard.press('Space');
  await expect(cell(target).locator('.calendar__chip')).toHaveText([/Post D/]);
  await expect(page.getByTestId('series-announcer')).toHaveText(/^“Post D” planned for /);
  await expect(chip).toBeFocused();

  // The mouse takes it back to "Not planned yet".
  await dragWithMouse(page, cell(target).locator('.calendar__chip'), page.getByRole('region', { name: /Not planned yet/ }));
  await expect(page.getByTestId('series-announcer')).toHaveText('“Post D” is not planned any more.');
  await expect(cell(target).locator('.calendar__chip')).toHaveCount(0);
  await chip.focus();
  await pickUp(page, /^Picked up “Post D”/);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Space');
  await expect(cell(today).locator('.calendar__chip')).toHaveText([/Post D/]);

  await page.reload();
  await expect(cell(today).locator('.calendar__chip')).toHaveText([/Post D/]);
  await page.getByRole('tab', { name: 'Board' }).click();
  await expect(column('drafting').locator('.board__card')).toHaveText([/Post B/]);
  for (const tab of ['List', 'Board', 'Calendar']) {
    await page.getByRole('tab', { name: tab }).click();
    const scan = await new AxeBuilder({ page }).include('.series-view').analyze();
    expect(scan.violations.map((v) => `${tab}: ${v.id}: ${v.nodes[0]?.target}`)).toEqual([]);
  }
});
