import { describe, expect, it } from 'vitest';
import { build } from '../../common/editor/serialized';
import { useApiHarness } from '../testing/api-harness';

const api = useApiHarness('wb-checklist-');
// A 1x1 PNG.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/** What a team that wants every editorial rule kept sets for all posts. */
const strict = () =>
  api.value('checklist.setConfig', { seriesId: null, rules: { 'guest-author': { level: 'required' }, 'planned-date': { level: 'required' }, 'series-notice': { level: 'required' } } });

async function readyPost() {
  await strict();
  const author = await api.value('authors.create', { name: 'Ada Lovelace', role: 'Ward sister' });
  const words = Array.from({ length: 400 }, (_, i) => `word${i}`).join(' ');
  const post = await api.value('posts.create', { title: 'Ready', standfirst: 'A standfirst long enough for the default rule, which wants fifty.', tags: ['policy'] });
  const saved = await api.value('posts.update', {
    id: post.id,
    baseRevision: post.revision,
    authorIds: [author.id],
    plannedDate: '2027-02-01',
    body: build.root([build.paragraph([build.text(words), build.link('https://example.org', [build.text('x')])])]),
  });
  const asset = await api.value('drafts.uploadAsset', { postId: post.id, fileName: 'f.png', dataBase64: PNG });
  await api.value('checklist.setFeaturedImage', { postId: post.id, assetId: asset.id, alt: 'A ward' });
  return saved;
}

describe('the checklist gate', () => {
  it('passes a complete post to scheduled, and records nothing on the way', async () => {
    const post = await readyPost();
    const report = await api.value('checklist.check', { slug: post.slug });
    expect(report.report.results.filter((r: any) => !r.ok)).toEqual([]);
    const moved = await api.value('posts.update', { id: post.id, baseRevision: post.revision, status: 'scheduled' });
    expect(moved.status).toBe('scheduled');
  });

  it('refuses scheduled and published through posts.update while a required rule fails, naming it, and saves nothing', async () => {
    const post = await readyPost();
    const cleared = await api.value('posts.update', { id: post.id, baseRevision: post.revision, plannedDate: null });
    const err = await api.failure('posts.update', { id: post.id, baseRevision: cleared.revision, status: 'published', title: 'Changed' });
    expect(err.code).toBe('CHECKLIST_FAILED');
    expect(err.message).toContain('A planned date (No planned date)');
    const after = await api.value('posts.get', { id: post.id });
    expect([after.status, after.title, after.revision]).toEqual(['drafting', 'Ready', cleared.revision]);
    // The same save that sets the date passes: the gate reads the fields being saved.
    expect((await api.value('posts.update', { id: post.id, baseRevision: cleared.revision, status: 'scheduled', plannedDate: '2027-03-01' })).status).toBe('scheduled');
  });

  it('asks for confirmation when only recommended rules fail, and accepts it', async () => {
    const post = await readyPost();
    const noTags = await api.value('posts.update', { id: post.id, baseRevision: post.revision, tags: [] });
    const err = await api.failure('posts.update', { id: post.id, baseRevision: noTags.revision, status: 'scheduled' });
    expect(err.code).toBe('NEEDS_CONFIRMATION');
    expect((err.details as any).warnings.map((w: any) => w.id)).toEqual(['tags']);
    expect((await api.value('posts.update', { id: post.id, baseRevision: noTags.revision, status: 'scheduled', acceptWarnings: true })).status).toBe('scheduled');
  });

  it('refuses the series board move and a new post made straight into published', async () => {
    await strict();
    const s = await api.value('series.create', { title: 'S', topic: 'care' });
    const d = await api.value('series.addPost', { seriesId: s.id, title: 'Bare' });
    const err = await api.failure('series.setStatus', { postId: d.posts[0].id, status: 'scheduled' });
    expect(err.code).toBe('CHECKLIST_FAILED');
    expect(err.message).toMatch(/A guest author with a role/);
    expect((await api.value('series.get', { id: s.id })).posts[0].status).toBe('idea');
    expect((await api.failure('posts.create', { title: 'Straight out', status: 'published' })).code).toBe('CHECKLIST_FAILED');
    expect((await api.value('posts.list', {})).map((p: any) => p.title)).toEqual(['Bare']);
    // Moves between earlier steps are never checked.
    expect((await api.value('series.setStatus', { postId: d.posts[0].id, status: 'drafting' })).posts[0].status).toBe('drafting');
  });

  it('follows a series override over the settings for every post', async () => {
    const post = await readyPost();
    const s = await api.value('series.create', { title: 'Strict', topic: 'care' });
    await api.value('series.addPost', { seriesId: s.id, postId: post.id });
    await api.value('checklist.setConfig', { seriesId: null, rules: { tags: { level: 'required', min: 1 } } });
    await api.value('checklist.setConfig', { seriesId: s.id, rules: { tags: { level: 'required', min: 3 } } });
    const cfg = await api.value('checklist.config', { seriesId: s.id });
    expect([cfg.global.tags.min, cfg.effective.tags.min]).toEqual([1, 3]);
    const check = await api.value('checklist.check', { id: post.id });
    expect(check.report.blocking.map((r: any) => r.id)).toEqual(['tags']);
    expect((await api.failure('checklist.setConfig', { seriesId: null, rules: { 'word-count': { level: 'required', min: 10, max: 2 } } })).message).toMatch(/minimum \(10\) is above the maximum \(2\)/);
  });

  it('out of the box, refuses only a broken page and asks to confirm the editorial rules', async () => {
    const post = await api.value('posts.create', { title: 'Bare', body: build.root([build.paragraph([build.link('http://insecure.example.org', [build.text('x')])])]) });
    const err = await api.failure('posts.update', { id: post.id, baseRevision: post.revision, status: 'scheduled', acceptWarnings: true });
    expect(err.code).toBe('CHECKLIST_FAILED');
    expect(err.message).toContain('Every link https: or within the post');
    const fixed = await api.value('posts.update', { id: post.id, baseRevision: post.revision, body: build.root([build.paragraph([build.text('x')])]) });
    expect((await api.failure('posts.update', { id: post.id, baseRevision: fixed.revision, status: 'scheduled' })).code).toBe('NEEDS_CONFIRMATION');
    expect((await api.value('posts.update', { id: post.id, baseRevision: fixed.revision, status: 'scheduled', acceptWarnings: true })).status).toBe('scheduled');
  });

  it('names the unfilled topic of a series notice', async () => {
    const s = await api.value('series.create', { title: 'No topic' });
    const d = await api.value('series.addPost', { seriesId: s.id, title: 'P' });
    const check = await api.value('checklist.check', { id: d.posts[0].id });
    expect(check.report.results.find((r: any) => r.id === 'series-notice').message).toMatch(/unfilled placeholder.*\{topic\}/);
  });
});
