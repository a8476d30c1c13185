import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from './fixtures';
import { callApi } from './server';
import { DraftsPage, panels } from './pages/DraftsPage';
import { buildDocx } from '../main/draft-import/testing/docx';

const FIXTURE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../demo/guest-blog-page.txt');

async function api(url: string, secret: string, method: string, input: unknown) {
  const r = await callApi(url, secret, method, input);
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.value;
}

test('the copied guest blog page imports through the picker with its title, standfirst and five comments', async ({ page, server, secret }) => {
  const drafts = new DraftsPage(page);
  await drafts.open(server.url);
  await expect(page.getByRole('heading', { name: 'No drafts yet' })).toBeVisible();
  await drafts.importInput.setInputFiles(FIXTURE);
  const result = page.locator('.import-result');
  await expect(result).toContainText('Imported Why is medical leadership important in the health service? from a copied page');
  await expect(result).toContainText('5 reader comments');
  await expect(result.getByRole('listitem').first()).toContainText('newsletter box');
  await expect(drafts.rows).toHaveCount(1);
  await expect(drafts.rows.first()).toContainText('5 comments');
  await result.getByRole('link', { name: 'Open the draft' }).click();
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue('Why is medical leadership important in the health service?');
  await expect(page.getByRole('textbox', { name: 'Standfirst' })).toHaveValue(/^The King’s Fund works with clinical leaders/);
  await expect(page.getByRole('textbox', { name: 'Draft text' })).not.toContainText('Keep up to date');
  await expect(page.getByRole('textbox', { name: 'Draft text' })).not.toContainText('Jeremy Butler');
  const [post] = await api(server.url, secret, 'posts.list', {});
  expect(post.commentCount).toBe(5);
});

test('a Word document dropped on the list becomes a draft', async ({ page, server }) => {
  const drafts = new DraftsPage(page);
  await drafts.open(server.url);
  const docx = buildDocx([
    { style: 'Title', runs: ['From Word'] },
    { style: 'Subtitle', runs: ['Word standfirst'] },
    { style: 'Heading1', runs: ['Part one'] },
    { runs: ['Some ', { text: 'bold', bold: true }, ' words.'] },
  ]);
  const dataTransfer = await page.evaluateHandle((b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], 'guest.docx', { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }));
    return dt;
  }, docx.toString('base64'));
  const zone = page.getByTestId('draft-drop-zone');
  await zone.dispatchEvent('dragover', { dataTransfer });
  await zone.dispatchEvent('drop', { dataTransfer });
  await expect(page.locator('.import-result')).toContainText('Imported From Word from a Word document: 5 words');
  await page.locator('.import-result').getByRole('link', { name: 'Open the draft' }).click();
  await expect(page.getByRole('textbox', { name: 'Standfirst' })).toHaveValue('Word standfirst');
  const body = page.getByRole('textbox', { name: 'Draft text' });
  await expect(body.getByRole('heading', { name: 'Part one' })).toBeVisible();
  await expect(body.locator('strong, b').first()).toHaveText('bold');
});

test('the list searches, filters by status, series and author, and sorts by planned date', async ({ page, server, secret }) => {
  const ada = await api(server.url, secret, 'authors.create', { name: 'Ada Lovelace' });
  const series = await api(server.url, secret, 'series.create', { title: 'Leadership series' });
  const make = async (title: string, text: string, patch: Record<string, unknown>) => {
    const p = await api(server.url, secret, 'posts.create', { title, body: { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [{ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children: [{ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' }] }] } } });
    return api(server.url, secret, 'posts.update', { id: p.id, baseRevision: p.revision, ...patch });
  };
  const a = await make('Alpha', 'clinicians and managers', { plannedDate: '2026-07-03', authorIds: [ada.id] });
  await make('Beta', 'nursing workforce', { plannedDate: '2026-07-01', status: 'in-review' });
  await make('Gamma', 'unplanned thoughts', {});
  await api(server.url, secret, 'series.addPost', { seriesId: series.id, postId: a.id });

  const drafts = new DraftsPage(page);
  await drafts.open(server.url);
  await expect(drafts.rows).toHaveCount(3);
  await drafts.search.fill('nurs');
  await expect.poll(() => drafts.titles()).toEqual(['Beta']);
  await drafts.search.fill('');
  await drafts.filter('Status').selectOption('in-review');
  await expect.poll(() => drafts.titles()).toEqual(['Beta']);
  await drafts.filter('Status').selectOption('');
  await drafts.filter('Series').selectOption({ label: 'Leadership series' });
  await expect.poll(() => drafts.titles()).toEqual(['Alpha']);
  await drafts.filter('Series').selectOption('');
  await drafts.filter('Author').selectOption({ label: 'Ada Lovelace' });
  await expect.poll(() => drafts.titles()).toEqual(['Alpha']);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await drafts.filter('Sort by').selectOption('planned');
  await expect.poll(() => drafts.titles()).toEqual(['Beta', 'Alpha', 'Gamma']);
  await drafts.search.fill('nothing-like-this');
  await expect(page.getByRole('heading', { name: 'Nothing matches' })).toBeVisible();
});

test('a draft moved to the trash can be restored, and a duplicate is a new draft', async ({ page, server, secret }) => {
  await api(server.url, secret, 'posts.create', { title: 'Keep me' });
  const drafts = new DraftsPage(page);
  await drafts.open(server.url);
  await drafts.row('Keep me').getByRole('button', { name: 'Duplicate Keep me' }).click();
  await expect.poll(() => drafts.titles()).toEqual(['Keep me (copy)', 'Keep me']);
  await drafts.row('Keep me (copy)').getByRole('button', { name: 'Move Keep me (copy) to the trash' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'is in the trash' })).toBeVisible();
  await expect.poll(() => drafts.titles()).toEqual(['Keep me']);
  await page.getByRole('navigation', { name: 'Drafts views' }).getByRole('link', { name: 'Trash' }).click();
  await expect.poll(() => drafts.titles()).toEqual(['Keep me (copy)']);
  await drafts.row('Keep me (copy)').getByRole('button', { name: 'Restore Keep me (copy)' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'The trash is empty' })).toBeVisible();
  await drafts.open(server.url);
  await expect.poll(async () => (await drafts.titles()).sort()).toEqual(['Keep me', 'Keep me (copy)']);
});

test('metadata edits in the side panel persist after a reload', async ({ page, server, secret }) => {
  const taken = await api(server.url, secret, 'posts.create', { title: 'Taken slug' });
  const series = await api(server.url, secret, 'series.create', { title: 'Clinical leaders' });
  await api(server.url, secret, 'series.addPost', { seriesId: series.id, title: 'Earlier post' });
  const post = await api(server.url, secret, 'posts.create', { title: 'My post' });
  await page.goto(`${server.url}#/drafts/${post.id}`);
  const p = panels(page);
  await p.field('Slug').fill(taken.slug);
  await p.field('Slug').press('Enter');
  await expect(p.details.getByRole('alert')).toContainText('“taken-slug” is used by another post.');
  await p.details.getByRole('button', { name: 'Use “taken-slug-2”' }).click();
  await p.field('Label').fill('Opinion');
  await p.field('Tags').fill('nhs, leadership');
  await p.field('Tags').press('Enter');
  await p.details.getByRole('button', { name: 'New author…' }).click();
  const form = p.details.getByRole('form', { name: 'Add author' });
  await form.getByLabel('Name').fill('Binita Kane');
  await form.getByLabel('Role').fill('Consultant physician');
  await form.getByLabel('Organisation').fill('Manchester');
  await form.getByLabel('Short bio').fill('Respiratory specialist.');
  await form.getByRole('button', { name: 'Add author' }).click();
  await p.field('Series').selectOption({ label: 'Clinical leaders' });
  await expect(p.field('Position')).toHaveValue('2');
  await p.field('Position').selectOption('1');
  await expect(p.field('Position')).toHaveValue('1');
  await p.field('Status').selectOption('in-review');
  await p.field('Planned date').fill('2026-09-14');
  await p.field('Planned date').press('Enter');
  await expect(page.locator('.statusbar__save')).toHaveText('Saved', { timeout: 10_000 });
  await page.reload();
  const q = panels(page);
  await expect(q.field('Slug')).toHaveValue('taken-slug-2');
  await expect(q.field('Label')).toHaveValue('Opinion');
  await expect(q.details.getByRole('list', { name: 'Tags' }).getByRole('listitem')).toHaveText(['nhs×', 'leadership×']);
  await expect(q.details.getByRole('list', { name: 'Byline' })).toContainText('Binita Kane');
  await expect(q.details.getByRole('list', { name: 'Byline' })).toContainText('Consultant physician, Manchester');
  await expect(q.field('Status')).toHaveValue('in-review');
  await expect(q.field('Series')).toHaveValue(series.id);
  await expect(q.field('Position')).toHaveValue('1');
  await expect(q.field('Planned date')).toHaveValue('2026-09-14');
  const stored = await api(server.url, secret, 'posts.get', { id: post.id });
  expect([stored.slug, stored.label, stored.tags, stored.status, stored.plannedDate, stored.authors[0].name, stored.seriesId, stored.position]).toEqual([
    'taken-slug-2', 'Opinion', ['nhs', 'leadership'], 'in-review', '2026-09-14', 'Binita Kane', series.id, 1,
  ]);
});

test('a revision is compared and restored through the panel', async ({ page, server, secret }) => {
  const text = (t: string) => ({ root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [{ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children: [{ type: 'text', version: 1, text: t, format: 0, detail: 0, mode: 'normal', style: '' }] }] } });
  let post = await api(server.url, secret, 'posts.create', { title: 'Versions', body: text('the original words') });
  post = await api(server.url, secret, 'posts.update', { id: post.id, baseRevision: post.revision, body: text('the rewritten words') });
  await page.goto(`${server.url}#/drafts/${post.id}`);
  const p = panels(page);
  const body = page.getByRole('textbox', { name: 'Draft text' });
  await expect(body).toHaveText('the rewritten words');
  await expect(p.revisions.getByTestId('revision')).toHaveCount(1);
  await p.revisions.getByRole('button', { name: /^Compare/ }).click();
  // The comparison opens in a dialog as wide as the window, side by side; Escape goes back.
  const dialog = page.getByRole('dialog', { name: /compared with the current text$/ });
  const diff = dialog.getByTestId('revision-diff');
  await expect(diff.locator('del')).toContainText('original');
  await expect(diff.locator('ins')).toContainText('rewritten');
  await dialog.getByRole('button', { name: 'Inline', exact: true }).click();
  await expect(dialog.getByTestId('revision-diff').locator('del')).toContainText('original');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(p.revisions.getByRole('button', { name: /^Compare/ })).toBeFocused();
  await p.revisions.getByRole('button', { name: /^Restore the version/ }).click();
  await p.revisions.getByRole('button', { name: 'Restore this version' }).click();
  await expect(page.getByRole('textbox', { name: 'Draft text' })).toHaveText('the original words');
  await expect(panels(page).revisions.getByTestId('revision')).toHaveCount(2);
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Draft text' })).toHaveText('the original words');
  const stored = await api(server.url, secret, 'posts.get', { id: post.id });
  expect(stored.body.root.children[0].children[0].text).toBe('the original words');
});

test('the drafts list and the side panels have no accessibility violations', async ({ page, server, secret }) => {
  const imported = await api(server.url, secret, 'posts.import', { fileName: 'page.txt', dataBase64: (await import('node:fs')).readFileSync(FIXTURE).toString('base64') });
  const drafts = new DraftsPage(page);
  await drafts.open(server.url);
  await expect(drafts.rows).toHaveCount(1);
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const list = await new AxeBuilder({ page }).include('.drafts').analyze();
  expect(list.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await page.goto(`${server.url}#/drafts/${imported.post.id}`);
  const p = panels(page);
  const side = await new AxeBuilder({ page }).include('.draft-panels').analyze();
  expect(side.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await p.revisions.getByRole('button', { name: /^Compare/ }).click();
  await expect(page.getByTestId('revision-diff')).toBeVisible();
  const diff = await new AxeBuilder({ page }).include('.revision-dialog').analyze();
  expect(diff.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});
