import { describe, expect, it } from 'vitest';
import { useApiHarness } from '../testing/api-harness';

const api = useApiHarness('wb-demo-');

const value = api.value;

describe('demo.load', () => {
  it('puts the guest blog page third in a series of five, with its five comments and the notice generated once', async () => {
    const loaded = await value('demo.load', { today: '2026-11-26' });
    expect(loaded).toMatchObject({ created: true, comments: 5, seriesSlug: 'clinical-leadership-guest-blogs' });

    const series = await value('series.get', { slug: loaded.seriesSlug, today: '2026-11-26' });
    expect(series.posts.map((p: any) => [p.position, p.status, p.plannedDate])).toEqual([
      [1, 'published', '2026-11-12'],
      [2, 'published', '2026-11-19'],
      [3, 'in-review', '2026-11-26'],
      [4, 'commissioned', '2026-12-03'],
      [5, 'idea', '2026-12-10'],
    ]);
    // The demo does not contradict itself: published posts have words and a byline, and the
    // commissioned post names its guest author.
    for (const i of [0, 1, 3]) {
      const p = await value('posts.get', { id: series.posts[i].id });
      expect(p.authors.length, series.posts[i].title).toBe(1);
      if (i < 2) expect(p.wordCount, series.posts[i].title).toBeGreaterThan(30);
    }
    const third = series.posts[2];
    expect(third.id).toBe(loaded.postId);
    expect(third.title).toBe('Why is medical leadership important in the health service?');
    expect(third.notice).toBe('This is the third in a series of guest blogs that explores current issues and opportunities for clinical and medical leaders.');

    const post = await value('posts.get', { id: loaded.postId });
    expect(post.standfirst).toMatch(/^The King’s Fund works with clinical leaders/);
    expect(post.standfirst).not.toContain('This is the third in a series');
    const comments = await value('comments.list', { filter: { postId: loaded.postId } });
    expect(comments.items.map((c: any) => c.author.name)).toContain('Jeremy Butler');
  });

  it('loading again changes nothing and returns the same post and series', async () => {
    const first = await value('demo.load', {});
    const counts = () => api.ctx.db.prepare('SELECT (SELECT count(*) FROM posts) AS posts, (SELECT count(*) FROM comments) AS comments, (SELECT count(*) FROM series) AS series').get();
    const before = counts();
    const again = await value('demo.load', {});
    expect(again).toEqual({ ...first, created: false });
    expect(counts()).toEqual(before);
  });

  it('refuses unknown input without touching the store', async () => {
    const r = await api.call('demo.load', { today: '2026-02-30' });
    expect(r.ok).toBe(false);
    expect(api.ctx.db.prepare('SELECT count(*) AS n FROM posts').get()).toEqual({ n: 0 });
  });
});
