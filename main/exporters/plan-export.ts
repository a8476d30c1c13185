/**
 * The planning view as files, through the series plan's own writers: one CSV with a row per
 * shown post (csvDocument), and one iCalendar file made of the events seriesPlanIcs writes for
 * each series' shown posts (posts outside a series are written as one "Standalone posts" plan).
 */
import type { DB } from '../../db/connection';
import type { PlanPost } from '../../common/api/planning';
import type { SeriesDetail, SeriesPost } from '../../common/api/series';
import { findClashes } from '../../common/series/plan';
import { getSeriesDetail } from '../../db/repos/series';
import { listPeople } from '../../db/repos/people';
import { csvDocument } from './series-plan-csv';
import { seriesPlanIcs } from './series-plan-ics';

export const PLAN_CSV_COLUMNS = [
  'planned_date',
  'series',
  'position',
  'slug',
  'title',
  'status',
  'guest_authors',
  'owner',
  'reviewer',
  'deadline',
  'tags',
  'word_count',
  'overdue',
  'clash',
] as const;

export function planCsv(db: DB, posts: readonly PlanPost[], _today: string): string {
  const people = new Map(listPeople(db).map((p) => [p.id, p.name]));
  const clashing = new Set(findClashes(posts).flatMap((c) => c.postIds));
  const rows = posts.map((p) => [
    p.plannedDate,
    p.seriesTitle ?? '',
    p.position,
    p.slug,
    p.title,
    p.status,
    p.authors.map((a) => a.name).join('; '),
    p.ownerId ? (people.get(p.ownerId) ?? '') : '',
    p.reviewerId ? (people.get(p.reviewerId) ?? '') : '',
    p.deadline,
    p.tags.join('; '),
    p.wordCount,
    p.overdue,
    clashing.has(p.id),
  ]);
  return csvDocument(PLAN_CSV_COLUMNS, rows);
}

/** Posts outside a series, shaped as one plan for the series writer (numbered in date order). */
function standaloneDetail(posts: readonly PlanPost[], today: string): SeriesDetail {
  const now = posts[0]?.updatedAt ?? `${today}T00:00:00.000Z`;
  const seriesPosts: SeriesPost[] = posts.map((p, i) => ({
    id: p.id,
    slug: p.slug,
    title: p.title,
    position: i + 1,
    status: p.status,
    authors: p.authors,
    plannedDate: p.plannedDate,
    deadline: p.deadline,
    deliveredAt: null,
    publishedAt: null,
    wordCount: p.wordCount,
    notice: '',
    overdue: p.overdue,
    clash: false,
    previous: null,
    next: null,
    updatedAt: p.updatedAt,
  }));
  return {
    series: {
      id: '00000000-0000-7000-8000-000000000000',
      slug: 'standalone',
      title: 'Standalone posts',
      description: '',
      topic: '',
      cadence: 'weekly',
      noticeTemplate: '',
      workflow: ['drafting', 'published'],
      commissionStatus: 'drafting',
      deliveryStatus: 'published',
      postCount: posts.length,
      overdueCount: 0,
      nextPlannedDate: null,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
    },
    posts: seriesPosts,
    plan: { today, cadence: 'weekly', clashes: [], gaps: [], overdue: [] },
  };
}

const EVENT_RE = /BEGIN:VEVENT\r\n[\s\S]*?END:VEVENT\r\n/g;

export function planIcs(db: DB, posts: readonly PlanPost[], today: string): string {
  const bySeries = new Map<string | null, PlanPost[]>();
  for (const p of posts) bySeries.set(p.seriesId, [...(bySeries.get(p.seriesId) ?? []), p]);
  const calendars: string[] = [];
  for (const [seriesId, shown] of bySeries) {
    if (seriesId === null) {
      calendars.push(seriesPlanIcs(standaloneDetail(shown, today)));
      continue;
    }
    const ids = new Set(shown.map((p) => p.id));
    const detail = getSeriesDetail(db, { id: seriesId }, today);
    calendars.push(seriesPlanIcs({ ...detail, posts: detail.posts.filter((p) => ids.has(p.id)) }));
  }
  // One calendar holding every series' events: the writer's header once, then all VEVENTs.
  const header = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Editorial Workbench//Planning//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', 'X-WR-CALNAME:Editorial plan'];
  const events = calendars.flatMap((c) => c.match(EVENT_RE) ?? []);
  return `${header.join('\r\n')}\r\n${events.join('')}END:VCALENDAR\r\n`;
}
