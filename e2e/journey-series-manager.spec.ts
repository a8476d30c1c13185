/**
 * The series manager's first session, on an empty database and through the window only: create a
 * series, plan five posts a week apart, commission one, and export the plan as CSV and iCalendar.
 * `WORKBENCH_SCREENSHOTS=docs npx playwright test e2e/journey-series-manager.spec.ts` refreshes the
 * README's series picture.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';
import { SeriesPage } from './pages/SeriesPage';
import { icsProp, parseIcs } from '../main/exporters/series-plan-ics-parse';

const shots = process.env.WORKBENCH_SCREENSHOTS
  ? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', process.env.WORKBENCH_SCREENSHOTS)
  : null;

test.use({ viewport: { width: 1280, height: 800 } });

const SERIES = 'Voices from the ward';
const TOPIC = 'how nurses and doctors learn to lead';
const POSTS = ['Leading on a night shift', 'The first rota I wrote', 'Saying no to a consultant', 'What a ward sister taught me', 'Handing over'];

/** Today plus n days, as the date input writes it (local time). */
function day(n: number): string {
  const d = new Date();
  d.setDate(d.getDate() + n);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function seriousFindings(page: import('@playwright/test').Page, include: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include(include).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} [${v.nodes.map((n) => n.target.join(' ')).join(', ')}]`);
}

test('a series manager plans five posts in a new series and exports the plan', async ({ page, server }) => {
  test.setTimeout(120_000);
  const series = new SeriesPage(page);
  await page.goto(`${server.url}#/drafts`);
  await series.openArea();
  await expect(page.getByText('No series yet')).toBeVisible();
  await series.create({ title: SERIES, topic: TOPIC, cadence: 'Weekly' });

  for (const title of POSTS) await series.addPost(title);
  await expect(series.titles()).toHaveText(POSTS);
  await expect(series.row(POSTS[2]).locator('.series-row__notice')).toHaveText(`This is the third in a series of guest blogs that explores ${TOPIC}.`);
  for (const [n, title] of POSTS.entries()) await series.plan(title, day(7 * (n + 1)));
  await series.commission(POSTS[0], 'Dr Amara Okafor', day(4));

  expect(await seriousFindings(page, '.series-view')).toEqual([]);
  await page.getByRole('heading', { name: SERIES, level: 1 }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(process.env.PW_OUTPUT_DIR || 'test-results', 'journey-series.png') });
  if (shots) await page.screenshot({ path: path.join(shots, 'series.png') });

  const csvDownload = await series.exportPlan('Export CSV');
  expect(csvDownload.suggestedFilename()).toBe('voices-from-the-ward-plan.csv');
  const rows = fs.readFileSync((await csvDownload.path())!, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
  const header = rows[0].split(',');
  expect(header.slice(0, 3)).toEqual(['position', 'slug', 'title']);
  const planned = header.indexOf('planned_date');
  expect(rows.slice(1).map((r) => r.split(',')).map((c) => `${c[0]} ${c[2]} ${c[planned]}`)).toEqual(POSTS.map((t, n) => `${n + 1} ${t} ${day(7 * (n + 1))}`));

  const icsDownload = await series.exportPlan('Export .ics');
  expect(icsDownload.suggestedFilename()).toBe('voices-from-the-ward-plan.ics');
  const cal = parseIcs(fs.readFileSync((await icsDownload.path())!, 'utf8'));
  expect(icsProp(cal, 'X-WR-CALNAME')).toBe(SERIES);
  const summaries = cal.children.filter((c) => c.name === 'VEVENT').map((e) => icsProp(e, 'SUMMARY'));
  expect(summaries).toEqual(expect.arrayContaining([`${SERIES} (first): ${POSTS[0]}`, `${SERIES} (fifth): ${POSTS[4]}`, `Deadline: ${POSTS[0]} (Dr Amara Okafor)`]));
  expect(summaries).toHaveLength(6);

  // The series' own export is one click away too; its dialog passes the same scan.
  await series.exports.getByRole('button', { name: 'Export series…' }).click();
  const dialog = page.getByRole('dialog', { name: `Export “${SERIES}”` });
  await expect(dialog).toBeVisible();
  expect(await seriousFindings(page, 'dialog')).toEqual([]);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
});
