import { describe, expect, it } from 'vitest';
import { useApiHarness } from '../testing/api-harness';
import { icsProp, parseIcs } from '../exporters/series-plan-ics-parse';

const api = useApiHarness('wb-planning-');
const TODAY = '2027-01-10';

async function seed() {
  const a = await api.value('series.create', { title: 'Care at home', topic: 'home care' });
  const b = await api.value('series.create', { title: 'Leaders', topic: 'leadership' });
  const a1 = (await api.value('series.addPost', { seriesId: a.id, title: 'A one', plannedDate: '2027-01-05' })).posts[0];
  const b1 = (await api.value('series.addPost', { seriesId: b.id, title: 'B one', plannedDate: '2027-01-05' })).posts[0];
  const solo = await api.value('posts.create', { title: 'Standalone guest post', tags: ['policy'] });
  await api.value('planning.setDate', { postId: solo.id, plannedDate: '2027-01-27' });
  const tray = await api.value('posts.create', { title: 'No date yet', tags: ['research'] });
  return { a, b, a1, b1, solo, tray };
}

describe('planning.view', () => {
  it('shows every post of the window from any series or none, with cross-series clashes, empty weeks and the tray', async () => {
    const s = await seed();
    const view = await api.value('planning.view', { from: '2027-01-01', to: '2027-01-31', today: TODAY });
    expect(view.posts.map((p: any) => [p.plannedDate, p.title, p.seriesTitle])).toEqual([
      ['2027-01-05', 'A one', 'Care at home'],
      ['2027-01-05', 'B one', 'Leaders'],
      ['2027-01-27', 'Standalone guest post', null],
    ]);
    expect(view.clashes).toEqual([{ date: '2027-01-05', postIds: [s.a1.id, s.b1.id] }]);
    expect(view.emptyWeeks).toEqual([
      { from: '2027-01-11', to: '2027-01-17' },
      { from: '2027-01-18', to: '2027-01-24' },
    ]);
    expect(view.tray.map((p: any) => p.title)).toEqual(['No date yet']);
    // Stepping to another window with the same filters, the calendar keeps the tray it has.
    const stepped = await api.value('planning.view', { from: '2027-01-01', to: '2027-01-31', today: TODAY, tray: false });
    expect(stepped.tray).toEqual([]);
    expect(stepped.posts).toEqual(view.posts);
  });

  it('filters by series (or none), status, tag, guest author and owner', async () => {
    const s = await seed();
    const win = { from: '2027-01-01', to: '2027-01-31', today: TODAY };
    const titles = async (filter: object) => (await api.value('planning.view', { ...win, filter })).posts.map((p: any) => p.title);
    expect(await titles({ seriesIds: [s.b.id, 'none'] })).toEqual(['B one', 'Standalone guest post']);
    expect(await titles({ tags: ['policy'] })).toEqual(['Standalone guest post']);
    const ada = await api.value('people.save', { name: 'Ada', email: 'ada@example.org' });
    await api.value('planning.assign', { postId: s.a1.id, ownerId: ada.id });
    expect(await titles({ ownerIds: [ada.id] })).toEqual(['A one']);
    await api.value('series.commission', { postId: s.b1.id, authorName: 'Grace Guest', deadline: '2027-01-02' });
    const facets = await api.value('planning.facets', {});
    const grace = facets.authors.find((x: any) => x.name === 'Grace Guest');
    expect(await titles({ authorIds: [grace.id] })).toEqual(['B one']);
    expect(await titles({ statuses: ['commissioned'] })).toEqual(['B one']);
    expect(facets.series.map((x: any) => x.title)).toEqual(['Care at home', 'Leaders']);
    expect(facets.tags).toEqual(['policy', 'research']);
  });

  it('re-dates a post from the tray and back, refusing a day that does not exist', async () => {
    const s = await seed();
    const moved = await api.value('planning.setDate', { postId: s.tray.id, plannedDate: '2027-01-12' });
    expect(moved.plannedDate).toBe('2027-01-12');
    const view = await api.value('planning.view', { from: '2027-01-01', to: '2027-01-31', today: TODAY });
    expect(view.tray).toEqual([]);
    expect(view.emptyWeeks).toEqual([{ from: '2027-01-18', to: '2027-01-24' }]);
    expect((await api.failure('planning.setDate', { postId: s.tray.id, plannedDate: '2027-02-30' })).code).toBe('BAD_INPUT');
    expect((await api.value('planning.setDate', { postId: s.tray.id, plannedDate: null })).plannedDate).toBeNull();
  });

  it('exports what is shown as one CSV and one iCalendar file across series', async () => {
    await seed();
    const win = { from: '2027-01-01', to: '2027-01-31', today: TODAY };
    const csv = await api.value('planning.export', { ...win, format: 'csv' });
    const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('planned_date,series,position,slug,title,status,guest_authors,owner,reviewer,deadline,tags,word_count,overdue,clash');
    expect(lines.slice(1).map((l: string) => l.split(',').slice(0, 2).join(' '))).toEqual(['2027-01-05 Care at home', '2027-01-05 Leaders', '2027-01-27 ']);
    expect(lines[1].endsWith(',true')).toBe(true);
    const ics = await api.value('planning.export', { ...win, format: 'ics', filter: { seriesIds: ['none', (await api.value('planning.facets', {})).series[1].id] } });
    const cal = parseIcs(ics.text);
    expect(cal.children.filter((c) => c.name === 'VEVENT').map((e) => icsProp(e, 'SUMMARY')).sort()).toEqual(['Leaders (first): B one', 'Standalone posts (first): Standalone guest post']);
    expect(ics.text.match(/BEGIN:VCALENDAR/g)).toHaveLength(1);
  });
});

describe('people, owners and My work', () => {
  it('refuses a second person with the same e-mail and a bad address', async () => {
    await api.value('people.save', { name: 'Ada', email: 'ada@example.org' });
    expect((await api.failure('people.save', { name: 'Other', email: 'ADA@example.org' })).code).toBe('CONFLICT');
    expect((await api.failure('people.save', { name: 'Other', email: 'not an address' })).message).toMatch(/e-mail/);
  });

  it("gives one post's owner and reviewer as the draft's side panel reads them, and refuses an unknown person or post", async () => {
    const s = await seed();
    const ada = await api.value('people.save', { name: 'Ada', email: 'ada@example.org' });
    expect(await api.value('planning.post', { postId: s.solo.id })).toMatchObject({ ownerId: null, reviewerId: null, plannedDate: '2027-01-27' });
    await api.value('planning.assign', { postId: s.solo.id, reviewerId: ada.id });
    expect(await api.value('planning.post', { postId: s.solo.id })).toMatchObject({ ownerId: null, reviewerId: ada.id });
    expect((await api.failure('planning.assign', { postId: s.solo.id, ownerId: s.a1.id })).code).toBe('NOT_FOUND');
    expect(await api.value('planning.post', { postId: s.solo.id })).toMatchObject({ ownerId: null, reviewerId: ada.id });
    expect((await api.failure('planning.post', { postId: ada.id })).code).toBe('NOT_FOUND');
  });

  it('lists my posts by due date with overdue first, and the status and date changes since I last looked', async () => {
    const s = await seed();
    const me = await api.value('people.save', { name: 'Me', email: 'me@example.org' });
    const other = await api.value('people.save', { name: 'Other', email: '' });
    expect((await api.value('planning.myWork', { today: TODAY })).meId).toBeNull();
    await api.value('people.setMe', { id: me.id });
    await api.value('planning.assign', { postId: s.solo.id, ownerId: me.id });
    await api.value('planning.assign', { postId: s.a1.id, ownerId: other.id, reviewerId: me.id });
    await api.value('planning.assign', { postId: s.b1.id, ownerId: other.id });
    await api.value('planning.markSeen', {});
    await api.value('planning.setDate', { postId: s.solo.id, plannedDate: '2027-01-29' });
    await api.value('planning.setDate', { postId: s.b1.id, plannedDate: '2027-01-29' });
    const work = await api.value('planning.myWork', { today: TODAY });
    expect(work.items.map((i: any) => [i.post.title, i.roles, i.due, i.overdue])).toEqual([
      ['A one', ['reviewer'], '2027-01-05', true],
      ['Standalone guest post', ['owner'], '2027-01-29', false],
    ]);
    expect(work.changes.map((c: any) => [c.title, c.kind, c.from, c.to])).toEqual([['Standalone guest post', 'planned_date', '2027-01-27', '2027-01-29']]);
    await api.value('planning.markSeen', {});
    expect((await api.value('planning.myWork', { today: TODAY })).changes).toEqual([]);
  });
});
