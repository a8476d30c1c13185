import { describe, expect, it } from 'vitest';
import { useApiHarness } from '../testing/api-harness';
import { seriesHandlers } from './series';
import { postsHandlers } from './posts';

const api = useApiHarness('wb-series-api-', { ...postsHandlers, ...seriesHandlers });

const value = api.value;

describe('series API', () => {
  it('creates, fills, reorders and plans a series, every result matching its schema', async () => {
    const s = await value('series.create', { title: 'Clinical leaders', topic: 'leadership', cadence: 'fortnightly' });
    expect(s).toMatchObject({ slug: 'clinical-leaders', cadence: 'fortnightly', commissionStatus: 'commissioned', deliveryStatus: 'in-review' });
    for (const title of ['One', 'Two', 'Three']) await value('series.addPost', { seriesId: s.id, title });
    let detail = await value('series.get', { slug: 'clinical-leaders', today: '2026-01-01' });
    detail = await value('series.movePost', { postId: detail.posts[2].id, position: 1 });
    expect(detail.posts.map((p: any) => p.title)).toEqual(['Three', 'One', 'Two']);
    await value('series.setDate', { postId: detail.posts[0].id, plannedDate: '2026-02-01' });
    await value('series.setDate', { postId: detail.posts[1].id, plannedDate: '2026-02-20' });
    const plan = await value('series.plan', { id: s.id, today: '2026-01-01' });
    expect(plan.gaps).toEqual([expect.objectContaining({ from: '2026-02-01', to: '2026-02-20', days: 19, dueBy: '2026-02-15' })]);
    const list = await value('series.list', { today: '2026-01-01' });
    expect(list).toEqual([expect.objectContaining({ postCount: 3, nextPlannedDate: '2026-02-01', overdueCount: 0 })]);
    const ics = await value('series.exportPlan', { id: s.id, format: 'ics' });
    expect(ics).toMatchObject({ fileName: 'clinical-leaders-plan.ics', mime: 'text/calendar;charset=utf-8' });
  });

  it('judges overdue against the day passed in, so a clock can be injected', async () => {
    const s = await value('series.create', { title: 'S' });
    const d = await value('series.addPost', { seriesId: s.id, title: 'P' });
    await value('series.commission', { postId: d.posts[0].id, authorName: 'Guest', deadline: '2026-05-01' });
    expect((await value('series.get', { id: s.id, today: '2026-05-01' })).posts[0].overdue).toBe(false);
    expect((await value('series.get', { id: s.id, today: '2026-05-02' })).posts[0].overdue).toBe(true);
    expect((await value('series.plan', { id: s.id, today: '2026-05-04' })).overdue).toEqual([
      { postId: d.posts[0].id, deadline: '2026-05-01', daysLate: 3 },
    ]);
  });

  it('refuses impossible dates, unknown cadences and half-given inputs with the field named', async () => {
    const s = await value('series.create', { title: 'S' });
    const d = await value('series.addPost', { seriesId: s.id, title: 'P' });
    const bad = async (method: string, input: unknown) => {
      const r = await api.call(method, input);
      expect(r.ok).toBe(false);
      return r.ok ? null : r.error;
    };
    expect(await bad('series.setDate', { postId: d.posts[0].id, plannedDate: '2026-02-30' })).toMatchObject({
      code: 'BAD_INPUT',
      message: 'series.setDate: plannedDate: no such day in the calendar',
    });
    expect((await bad('series.create', { title: 'X', cadence: 'daily' }))?.message).toMatch(/cadence: a cadence is weekly, fortnightly, monthly/);
    expect((await bad('series.addPost', { seriesId: s.id }))?.message).toMatch(/give either postId .* or title/);
    expect(await bad('series.movePost', { postId: d.posts[0].id, position: 2 })).toMatchObject({ code: 'BAD_INPUT' });
    expect(await bad('series.get', { slug: 'missing' })).toMatchObject({ code: 'NOT_FOUND', message: 'No series with slug "missing"; it may be in the trash.' });
  });

  it('gives the publisher a post\'s notice and its scheduled or published neighbours', async () => {
    const s = await value('series.create', { title: 'S', topic: 'care' });
    for (const title of ['A', 'B', 'C']) await value('series.addPost', { seriesId: s.id, title });
    const d = await value('series.get', { id: s.id });
    await value('series.setStatus', { postId: d.posts[0].id, status: 'published', acceptWarnings: true });
    await value('series.setStatus', { postId: d.posts[2].id, status: 'scheduled', acceptWarnings: true });
    const ctxOfB = await value('series.forPost', { postId: d.posts[1].id });
    expect(ctxOfB.post).toMatchObject({ position: 2, notice: 'This is the second in a series of guest blogs that explores care.' });
    expect(ctxOfB.post.previous).toMatchObject({ slug: 'a', position: 1, status: 'published' });
    expect(ctxOfB.post.next).toMatchObject({ slug: 'c', position: 3, status: 'scheduled' });
    const loose = await value('posts.create', { title: 'Loose' });
    expect(await value('series.forPost', { postId: loose.id })).toBeNull();
  });

  it('takes a deleted series out of the list and brings it back on restore', async () => {
    const s = await value('series.create', { title: 'S' });
    await value('series.delete', { id: s.id });
    expect(await value('series.list', {})).toEqual([]);
    expect(await value('series.list', { trash: true })).toHaveLength(1);
    await value('series.restore', { id: s.id });
    expect(await value('series.list', {})).toHaveLength(1);
  });
});
