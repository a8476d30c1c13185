import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContext, closeContext } from '../context';
import { createDispatch } from '../dispatch';
import { handlers } from './index';
import type { Author, Post, PostSummary } from '../../common/domain';
import { build } from '../../common/editor/serialized';
import { useApiHarness } from '../testing/api-harness';
import { seedComments } from '../../db/repos/testing/seed-comments';

const api = useApiHarness('wb-posts-');

const ok = api.value;

describe('slugs', () => {
  it('are made unique on create and a taken slug is refused on update with a suggestion', async () => {
    const a = await ok<Post>('posts.create', { title: 'Same title' });
    const b = await ok<Post>('posts.create', { title: 'Same title' });
    expect([a.slug, b.slug]).toEqual(['same-title', 'same-title-2']);
    const r = await api.call('posts.update', { id: b.id, baseRevision: b.revision, slug: 'same-title' });
    expect(!r.ok && r.error.code).toBe('CONFLICT');
    expect(!r.ok && r.error.message).toContain('"same-title" is used by another post');
    expect(await ok('posts.checkSlug', { slug: 'same-title', id: b.id })).toEqual({ available: false, suggestion: 'same-title-2' });
    expect(await ok('posts.checkSlug', { slug: 'same-title-2', id: b.id })).toEqual({ available: true, suggestion: 'same-title-2' });
  });

  it('keep a non-Latin title, and a typed slug in any script is accepted', async () => {
    const a = await ok<Post>('posts.create', { title: 'مرحبا بالعالم — guest post' });
    expect(a.slug).toBe('مرحبا-بالعالم-guest-post');
    const b = await ok<Post>('posts.create', { title: 'Привет мир' });
    const u = await ok<Post>('posts.update', { id: b.id, baseRevision: b.revision, slug: 'здравствуй-мир' });
    expect(u.slug).toBe('здравствуй-мир');
    expect((await ok<Post>('posts.get', { slug: 'здравствуй-мир' })).id).toBe(b.id);
  });

  it('a new draft left as created is discarded; one with anything in it is kept', async () => {
    const blank = await ok<Post>('posts.create', { title: '' });
    const named = await ok<Post>('posts.create', { title: '' });
    const renamed = await ok<Post>('posts.update', { id: named.id, baseRevision: named.revision, title: 'Kept' });
    const cleared = await ok<Post>('posts.update', { id: named.id, baseRevision: renamed.revision, title: '' });
    expect(await ok('posts.discardUntouched', { id: blank.id })).toEqual({ discarded: true });
    expect(await ok('posts.discardUntouched', { id: cleared.id })).toEqual({ discarded: false });
    const left = await ok<PostSummary[]>('posts.list', {});
    expect(left.map((p) => p.id)).toEqual([cleared.id]);
    expect(await ok<PostSummary[]>('posts.list', { trash: true })).toEqual([]);
  });

  it('stay reserved by a post in the trash', async () => {
    const a = await ok<Post>('posts.create', { title: 'Gone' });
    await ok('posts.delete', { id: a.id });
    expect((await ok<{ available: boolean }>('posts.checkSlug', { slug: 'gone' })).available).toBe(false);
    expect((await ok<Post>('posts.create', { title: 'Gone' })).slug).toBe('gone-2');
  });
});

describe('trash', () => {
  it('hides a deleted post from the list, shows it in the trash, and restores it', async () => {
    const a = await ok<Post>('posts.create', { title: 'Keep' });
    const b = await ok<Post>('posts.create', { title: 'Bin me' });
    await ok('posts.delete', { id: b.id });
    expect((await ok<PostSummary[]>('posts.list', {})).map((p) => p.title)).toEqual(['Keep']);
    expect((await ok<PostSummary[]>('posts.list', { trash: true })).map((p) => p.title)).toEqual(['Bin me']);
    expect((await api.call('posts.get', { id: b.id })).ok).toBe(false);
    await ok('posts.restore', { id: b.id });
    expect((await ok<PostSummary[]>('posts.list', {})).map((p) => p.id).sort()).toEqual([a.id, b.id].sort());
    expect(api.ctx.db.prepare('SELECT count(*) AS n FROM posts').get()).toEqual({ n: 2 });
  });
});

describe('duplicate', () => {
  it('copies text, label, tags and byline into a new draft with its own slug, outside the series', async () => {
    const author = await ok<Author>('authors.create', { name: 'Ada Guest', role: 'GP', organisation: 'NHS' });
    const body = build.root([build.paragraph([build.text('Body words here')])]);
    let a = await ok<Post>('posts.create', { title: 'Original', standfirst: 'Lead', body, tags: ['health'] });
    a = await ok<Post>('posts.update', { id: a.id, baseRevision: a.revision, label: 'Opinion', authorIds: [author.id], status: 'in-review' });
    const copy = await ok<Post>('posts.duplicate', { id: a.id });
    expect(copy.id).not.toBe(a.id);
    expect([copy.title, copy.slug, copy.standfirst, copy.label, copy.tags, copy.body, copy.wordCount, copy.status, copy.seriesId]).toEqual([
      'Original (copy)', 'original-copy', 'Lead', 'Opinion', ['health'], body, 3, 'drafting', null,
    ]);
    expect(copy.authors.map((x) => x.name)).toEqual(['Ada Guest']);
  });

  it("gives the copy its own copies of the original's pictures", async () => {
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
    const a = await ok<Post>('posts.create', { title: 'Pictured' });
    const asset = await ok<{ id: string }>('drafts.uploadAsset', { postId: a.id, fileName: 'dot.png', dataBase64: png });
    const withImage = await ok<Post>('posts.update', { id: a.id, baseRevision: a.revision, body: build.root([build.image(`asset:${asset.id}`, 'A dot')]) });
    const copy = await ok<Post>('posts.duplicate', { id: withImage.id });
    const [img] = copy.body.root.children as { src: string }[];
    const copied = await ok<{ id: string }[]>('drafts.listAssets', { postId: copy.id });
    expect(copied).toHaveLength(1);
    expect(img.src).toBe(`asset:${copied[0].id}`);
    expect(copied[0].id).not.toBe(asset.id);
  });

  it('refuses to read a file by path for a browser page', async () => {
    const browser = createContext({ dbPath: path.join(api.dir, 'b.sqlite'), mode: 'browser' });
    try {
      const r = await createDispatch(handlers, browser)('posts.import', { path: '/etc/passwd' });
      expect(!r.ok && r.error.code).toBe('BAD_INPUT');
    } finally {
      closeContext(browser);
    }
  });
});

describe('list filters', () => {
  it('searches with FTS, filters by status and author and sorts by planned date', async () => {
    const ada = await ok<Author>('authors.create', { name: 'Ada' });
    let p1 = await ok<Post>('posts.create', { title: 'Medical leadership', body: build.root([build.paragraph([build.text('clinicians lead')])]) });
    p1 = await ok<Post>('posts.update', { id: p1.id, baseRevision: p1.revision, plannedDate: '2026-06-02', authorIds: [ada.id] });
    let p2 = await ok<Post>('posts.create', { title: 'Nursing' });
    p2 = await ok<Post>('posts.update', { id: p2.id, baseRevision: p2.revision, plannedDate: '2026-06-01', status: 'in-review' });
    await ok<Post>('posts.create', { title: 'Unplanned' });
    const titles = async (input: unknown) => (await ok<PostSummary[]>('posts.list', input)).map((p) => p.title);
    expect(await titles({ search: 'clinic' })).toEqual(['Medical leadership']);
    expect(await titles({ status: ['in-review'] })).toEqual(['Nursing']);
    expect(await titles({ authorId: ada.id })).toEqual(['Medical leadership']);
    expect(await titles({ sort: 'planned' })).toEqual(['Nursing', 'Medical leadership', 'Unplanned']);
  });
});

describe('list summaries', () => {
  it("gives every listed post its own byline in order and its count of live comments, as posts.get does", async () => {
    const ada = await ok<Author>('authors.create', { name: 'Ada' });
    const ben = await ok<Author>('authors.create', { name: 'Ben' });
    const a = await ok<Post>('posts.create', { title: 'Two authors' });
    await ok('posts.update', { id: a.id, baseRevision: a.revision, authorIds: [ben.id, ada.id] });
    const b = await ok<Post>('posts.create', { title: 'One author' });
    await ok('posts.update', { id: b.id, baseRevision: b.revision, authorIds: [ada.id] });
    await ok<Post>('posts.create', { title: 'No author' });
    const db = api.ctx.db;
    const ids = seedComments(db, [{ postId: a.id, text: 'one' }, { postId: a.id, text: 'two' }, { postId: a.id, text: 'gone' }, { postId: b.id, text: 'three' }]);
    db.prepare('UPDATE comments SET deleted_at = ? WHERE id = ?').run('2026-01-01T00:00:00.000Z', ids[2]);

    const list = await ok<PostSummary[]>('posts.list', {});
    const byTitle = new Map(list.map((p) => [p.title, p]));
    expect(byTitle.get('Two authors')!.authors.map((x) => x.name)).toEqual(['Ben', 'Ada']);
    expect(byTitle.get('One author')!.authors.map((x) => x.name)).toEqual(['Ada']);
    expect(byTitle.get('No author')!.authors).toEqual([]);
    expect(list.map((p) => [p.title, p.commentCount]).sort()).toEqual([
      ['No author', 0],
      ['One author', 1],
      ['Two authors', 2],
    ]);
    for (const summary of list) {
      const { body: _body, label: _label, sourceUrl: _url, publishedAt: _at, ...full } = await ok<Post>('posts.get', { id: summary.id });
      expect(summary).toEqual(full);
      // What a co-edited draft re-reads on each synced change: everything but the body.
      const { body: _b, ...details } = await ok<Post>('posts.get', { id: summary.id });
      expect(await ok('posts.details', { id: summary.id })).toEqual(details);
    }
  });

  it('lists one page in the asked order when given a limit', async () => {
    for (const title of ['Third', 'First', 'Second']) await ok<Post>('posts.create', { title });
    expect((await ok<PostSummary[]>('posts.list', { sort: 'title', limit: 2 })).map((p) => p.title)).toEqual(['First', 'Second']);
  });
});

describe('authors', () => {
  it('are searched by name, role or organisation and updated in every byline', async () => {
    const a = await ok<Author>('authors.create', { name: 'Binita Kane', role: 'Consultant', organisation: 'Manchester' });
    await ok<Author>('authors.create', { name: 'Jo Smith', organisation: 'Kings Fund' });
    expect((await ok<Author[]>('authors.list', { search: 'manch' })).map((x) => x.name)).toEqual(['Binita Kane']);
    expect((await ok<Author[]>('authors.list', { search: '%' })).length).toBe(0);
    const p = await ok<Post>('posts.create', { title: 'P' });
    await ok('posts.update', { id: p.id, baseRevision: p.revision, authorIds: [a.id] });
    await ok('authors.update', { id: a.id, bio: 'Respiratory physician.' });
    expect((await ok<Post>('posts.get', { id: p.id })).authors[0].bio).toBe('Respiratory physician.');
    const bad = await api.call('posts.update', { id: p.id, baseRevision: p.revision + 1, authorIds: ['01900000-0000-7000-8000-000000000000'] });
    expect(!bad.ok && bad.error.code).toBe('NOT_FOUND');
  });
});
