/**
 * Series planner: a series and its ordered posts, the editorial workflow, the plan checks.
 * Every mutation that touches posts returns the whole series view, so a client redraws from one
 * consistent snapshot taken inside the same transaction.
 */
import { z } from 'zod';
import { CalendarDate, Id, IsoTime, Line, PostStatus, Series, Slug } from '../domain';
import { CADENCE_HINT, CADENCE_RE } from '../series/cadence';
import { isCalendarDate } from '../series/dates';
import { mutation, query, type MethodSpec } from './method';

const Day = CalendarDate.refine(isCalendarDate, 'no such day in the calendar');
const Cadence = z.string().max(20).regex(CADENCE_RE, CADENCE_HINT);
const Template = z.string().min(1).max(1000);
const Statuses = z.array(PostStatus).min(2).max(20);
const Position = z.number().int().min(1).max(100_000);
const SeriesRef = z.union([z.object({ id: Id, today: Day.optional() }).strict(), z.object({ slug: Slug, today: Day.optional() }).strict()]);

export const SeriesInfo = Series.extend({
  commissionStatus: PostStatus,
  deliveryStatus: PostStatus,
  postCount: z.number().int(),
  overdueCount: z.number().int(),
  nextPlannedDate: CalendarDate.nullable(),
});
export type SeriesInfo = z.infer<typeof SeriesInfo>;

/** A post of the series linked from another: what an export needs to write "previous"/"next". */
export const SeriesNeighbour = z.object({
  id: Id,
  slug: Slug,
  title: z.string(),
  position: z.number().int(),
  status: PostStatus,
  plannedDate: CalendarDate.nullable(),
  publishedAt: IsoTime.nullable(),
});
export type SeriesNeighbour = z.infer<typeof SeriesNeighbour>;

export const SeriesPost = z.object({
  id: Id,
  slug: Slug,
  title: z.string(),
  position: z.number().int().min(1),
  status: PostStatus,
  authors: z.array(z.object({ id: Id, name: z.string() })),
  plannedDate: CalendarDate.nullable(),
  deadline: CalendarDate.nullable(),
  deliveredAt: IsoTime.nullable(),
  publishedAt: IsoTime.nullable(),
  wordCount: z.number().int(),
  /** The series notice for this post's current position. */
  notice: z.string(),
  overdue: z.boolean(),
  clash: z.boolean(),
  /** Nearest earlier/later post that is scheduled or published (the workflow's last two steps). */
  previous: SeriesNeighbour.nullable(),
  next: SeriesNeighbour.nullable(),
  updatedAt: IsoTime,
});
export type SeriesPost = z.infer<typeof SeriesPost>;

export const PlanReport = z.object({
  today: CalendarDate,
  cadence: z.string(),
  clashes: z.array(z.object({ date: CalendarDate, postIds: z.array(Id) })),
  gaps: z.array(
    z.object({ from: CalendarDate, to: CalendarDate, days: z.number().int(), afterPostId: Id, beforePostId: Id, dueBy: CalendarDate }),
  ),
  overdue: z.array(z.object({ postId: Id, deadline: CalendarDate, daysLate: z.number().int() })),
});
export type PlanReport = z.infer<typeof PlanReport>;

export const SeriesDetail = z.object({ series: SeriesInfo, posts: z.array(SeriesPost), plan: PlanReport });
export type SeriesDetail = z.infer<typeof SeriesDetail>;

const SeriesFields = {
  title: Line(300).min(1),
  slug: Slug,
  description: z.string().max(5000),
  topic: Line(500),
  cadence: Cadence,
  noticeTemplate: Template,
  workflow: Statuses,
  commissionStatus: PostStatus,
  deliveryStatus: PostStatus,
};

export const seriesApi = {
  'series.list': query(
    'Every series, by title, with its post count, next planned date and overdue count; the trash only when asked.',
    z.object({ trash: z.boolean().default(false), today: Day.optional() }).strict(),
    z.array(SeriesInfo),
  ),
  'series.get': query('One series with its posts in order, each with its notice, flags and scheduled/published neighbours.', SeriesRef, SeriesDetail),
  'series.forPost': query(
    'The series context of one post for publishing: its series, position, notice and previous/next scheduled or published posts; null when it is in no series.',
    z.object({ postId: Id, today: Day.optional() }).strict(),
    z.object({ series: SeriesInfo, post: SeriesPost }).nullable(),
  ),
  'series.create': mutation(
    'A new series. The slug is made from the title when not given; workflow defaults to idea → published.',
    z
      .object({
        title: SeriesFields.title,
        slug: Slug.optional(),
        description: SeriesFields.description.default(''),
        topic: SeriesFields.topic.default(''),
        cadence: Cadence.default('weekly'),
        noticeTemplate: Template.optional(),
        workflow: Statuses.optional(),
        commissionStatus: PostStatus.optional(),
        deliveryStatus: PostStatus.optional(),
      })
      .strict(),
    SeriesInfo,
  ),
  'series.update': mutation(
    'Changes a series. A new workflow may rename statuses ({from, to}); posts follow the rename. Removing a status still in use is refused.',
    z
      .object({
        id: Id,
        title: SeriesFields.title.optional(),
        slug: Slug.optional(),
        description: SeriesFields.description.optional(),
        topic: SeriesFields.topic.optional(),
        cadence: Cadence.optional(),
        noticeTemplate: Template.optional(),
        workflow: Statuses.optional(),
        renames: z.array(z.object({ from: PostStatus, to: PostStatus }).strict()).max(20).default([]),
        commissionStatus: PostStatus.optional(),
        deliveryStatus: PostStatus.optional(),
      })
      .strict(),
    SeriesInfo,
  ),
  'series.delete': mutation('Moves a series to the trash; its posts keep their places.', z.object({ id: Id }).strict(), z.object({ id: Id, deletedAt: IsoTime })),
  'series.restore': mutation('Brings a series back from the trash.', z.object({ id: Id }).strict(), SeriesInfo),
  'series.addPost': mutation(
    'Puts a new draft (title) or an existing post (postId) into the series at a position (default: the end); later posts move down.',
    z
      .object({ seriesId: Id, position: Position.optional(), postId: Id.optional(), title: Line(300).optional(), plannedDate: Day.optional() })
      .strict()
      .refine((v) => (v.postId === undefined) !== (v.title === undefined), 'give either postId (an existing post) or title (a new draft), not both'),
    SeriesDetail,
  ),
  'series.movePost': mutation('Moves a post to a position in its series; the others close up around it.', z.object({ postId: Id, position: Position }).strict(), SeriesDetail),
  'series.removePost': mutation('Takes a post out of its series (it stays a draft); later posts move up.', z.object({ postId: Id }).strict(), SeriesDetail),
  'series.transferPost': mutation(
    'Moves a post to another series at a position (default: the end). Returns both series.',
    z.object({ postId: Id, seriesId: Id, position: Position.optional() }).strict(),
    z.object({ from: SeriesDetail, to: SeriesDetail }),
  ),
  'series.setStatus': mutation(
    "Sets a post's status, checked against its series' workflow and, for scheduled or published, the pre-publish checklist (acceptWarnings confirms failing recommended rules).",
    z.object({ postId: Id, status: PostStatus, acceptWarnings: z.boolean().optional() }).strict(),
    SeriesDetail,
  ),
  'series.commission': mutation(
    'Commissions a post: records the guest author (an existing author id, or a name to find or add) and the deadline.',
    z
      .object({ postId: Id, authorId: Id.optional(), authorName: Line(200).min(1).optional(), deadline: Day })
      .strict()
      .refine((v) => (v.authorId === undefined) !== (v.authorName === undefined), 'give either authorId or authorName'),
    SeriesDetail,
  ),
  'series.setDate': mutation(
    "Sets a post's planned date (null clears it) and, when given, its deadline.",
    z.object({ postId: Id, plannedDate: Day.nullable(), deadline: Day.nullable().optional() }).strict(),
    SeriesDetail,
  ),
  'series.exportPlan': query(
    'The series plan as a file: CSV (one row per post) or iCalendar (planned dates and deadlines as all-day events).',
    z.union([
      z.object({ id: Id, format: z.enum(['csv', 'ics']), today: Day.optional() }).strict(),
      z.object({ slug: Slug, format: z.enum(['csv', 'ics']), today: Day.optional() }).strict(),
    ]),
    z.object({ fileName: z.string(), mime: z.string(), text: z.string() }),
  ),
  'series.plan': query('Checks the schedule: clashes, gaps longer than the cadence, overdue commissions.', SeriesRef, PlanReport),
} satisfies Record<string, MethodSpec>;
