import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Post, Revision } from '../../common/domain';
import type { DiffPart, RevisionContent } from '../../common/api/revisions';
import { build } from '../../common/editor/serialized';
import { useApiHarness } from '../testing/api-harness';

const api = useApiHarness('wb-revisions-');

const T0 = Date.parse('2026-05-01T09:00:00Z');
const minutes = (m: number) => vi.setSystemTime(T0 + m * 60_000);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  minutes(0);
});
afterEach(() => {
  vi.useRealTimers();
});

const ok = api.value;
const body = (text: string) => build.root([build.paragraph([build.text(text)])]);
async function save(post: Post, patch: Record<string, unknown>): Promise<Post> {
  return ok<Post>('posts.update', { id: post.id, baseRevision: post.revision, ...patch });
}

describe('revision snapshots', () => {
  it('are taken at most every five minutes of editing, of the text as it was before the save', async () => {
    let post = await ok<Post>('posts.create', { title: 'T', body: body('one') });
    post = await save(post, { body: body('one two') }); // first edit: a snapshot of "one"
    for (const m of [1, 2, 3, 4]) {
      minutes(m);
      post = await save(post, { body: body(`one two ${m}`) });
    }
    minutes(5);
    post = await save(post, { body: body('five minutes on') });
    minutes(6);
    post = await save(post, { body: body('six') });
    const revs = await ok<Revision[]>('revisions.list', { postId: post.id });
    expect(revs.map((r) => [r.reason, r.revision, r.wordCount])).toEqual([
      ['interval', 6, 3], // "one two 4", taken at minute 5
      ['interval', 1, 1], // "one", taken at the first edit
    ]);
    const first = await ok<RevisionContent>('revisions.get', { id: revs[1].id });
    expect(first.text).toBe('one');
    expect(first.body).toEqual(body('one'));
  });

  it('are taken on every status change, saying from and to', async () => {
    let post = await ok<Post>('posts.create', { title: 'T', body: body('text') });
    post = await save(post, { status: 'in-review' });
    minutes(1);
    post = await save(post, { status: 'scheduled', acceptWarnings: true });
    const revs = await ok<Revision[]>('revisions.list', { postId: post.id });
    expect(revs.map((r) => r.reason)).toEqual(['status: in-review → scheduled', 'status: drafting → in-review']);
  });

  it('refuses a status outside the workflow and saves nothing', async () => {
    const post = await ok<Post>('posts.create', { title: 'T' });
    const r = await api.call('posts.update', { id: post.id, baseRevision: post.revision, status: 'bogus', title: 'changed' });
    expect(!r.ok && r.error.code).toBe('BAD_INPUT');
    expect((await ok<Post>('posts.get', { id: post.id })).title).toBe('T');
  });

  it('compare word by word with the current text', async () => {
    let post = await ok<Post>('posts.create', { title: 'T', body: body('the quick brown fox') });
    post = await save(post, { body: body('the slow brown fox jumps') });
    const [rev] = await ok<Revision[]>('revisions.list', { postId: post.id });
    const d = await ok<{ parts: DiffPart[]; added: number; removed: number }>('revisions.diff', { id: rev.id });
    expect(d.parts.filter((p) => p.kind !== 'same').map((p) => [p.kind, p.value.trim()])).toEqual([
      ['removed', 'quick'],
      ['added', 'slow'],
      ['added', 'jumps'],
    ]);
    expect([d.added, d.removed]).toEqual([2, 1]);
    expect(d.parts.map((p) => (p.kind === 'added' ? '' : p.value)).join('')).toBe('T\n\nthe quick brown fox');
  });

  it('restore: the current text becomes a revision first, then the old text is saved as a new revision', async () => {
    let post = await ok<Post>('posts.create', { title: 'Old title', standfirst: 'Old lead', body: body('old text') });
    post = await save(post, { title: 'New title', body: body('new text') });
    const [old] = await ok<Revision[]>('revisions.list', { postId: post.id });
    minutes(1);
    const restored = await ok<Post>('revisions.restore', { id: old.id, baseRevision: post.revision });
    expect([restored.title, restored.standfirst, restored.body, restored.revision]).toEqual(['Old title', 'Old lead', body('old text'), post.revision + 1]);
    const revs = await ok<Revision[]>('revisions.list', { postId: post.id });
    expect(revs[0].reason).toMatch(/^before restoring the version of 2026-05-01 09:00/);
    expect(((await ok<RevisionContent>('revisions.get', { id: revs[0].id })).text)).toBe('new text');
    // An editor still on the old revision is told, not overwritten.
    const stale = await api.call('posts.update', { id: post.id, baseRevision: post.revision, body: body('x') });
    expect(!stale.ok && stale.error.code).toBe('CONFLICT');
    const staleRestore = await api.call('revisions.restore', { id: old.id, baseRevision: post.revision });
    expect(!staleRestore.ok && staleRestore.error.code).toBe('CONFLICT');
  });
});
