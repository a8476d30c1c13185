/**
 * Planning across every series: all posts by planned date with the tray of undated drafts,
 * clashes and empty weeks, filters, owners and reviewers, My work, and the plan as a file.
 */
import { z } from 'zod';
import { CalendarDate, Id, IsoTime, Line, PostStatus } from '../domain';
import { isCalendarDate } from '../series/dates';
import { ROLES } from '../sync/documents';
import { mutation, query, type MethodSpec } from './method';

const Day = CalendarDate.refine(isCalendarDate, 'no such day in the calendar');
/** A series id, or "none" for posts outside every series. */
export const SeriesFilter = z.union([Id, z.literal('none')]);

export const PlanFilter = z
  .object({
    seriesIds: z.array(SeriesFilter).max(200).default([]),
    statuses: z.array(PostStatus).max(40).default([]),
    authorIds: z.array(Id).max(200).default([]),
    tags: z.array(Line(60)).max(100).default([]),
    ownerIds: z.array(Id).max(200).default([]),
  })
  .strict();
export type PlanFilter = z.infer<typeof PlanFilter>;

export const PlanPost = z.object({
  id: Id,
  slug: z.string(),
  title: z.string(),
  status: PostStatus,
  seriesId: Id.nullable(),
  seriesTitle: z.string().nullable(),
  position: z.number().int().nullable(),
  plannedDate: CalendarDate.nullable(),
  deadline: CalendarDate.nullable(),
  authors: z.array(z.object({ id: Id, name: z.string() })),
  tags: z.array(z.string()),
  ownerId: Id.nullable(),
  reviewerId: Id.nullable(),
  wordCount: z.number().int(),
  overdue: z.boolean(),
  updatedAt: IsoTime,
});
export type PlanPost = z.infer<typeof PlanPost>;

export const PlanView = z.object({
  from: CalendarDate,
  to: CalendarDate,
  today: CalendarDate,
  posts: z.array(PlanPost),
  /** Drafts with no planned date (not published), newest first. */
  tray: z.array(PlanPost),
  clashes: z.array(z.object({ date: CalendarDate, postIds: z.array(Id) })),
  emptyWeeks: z.array(z.object({ from: CalendarDate, to: CalendarDate })),
});
export type PlanView = z.infer<typeof PlanView>;

export const PlanFacets = z.object({
  series: z.array(z.object({ id: Id, title: z.string() })),
  statuses: z.array(PostStatus),
  tags: z.array(z.string()),
  authors: z.array(z.object({ id: Id, name: z.string() })),
  /** memberRole: their role in the joined team workspace; null for people known on this laptop only. */
  people: z.array(z.object({ id: Id, name: z.string(), memberRole: z.enum(ROLES).nullable() })),
});
export type PlanFacets = z.infer<typeof PlanFacets>;

const Window = { from: Day, to: Day, filter: PlanFilter.default(PlanFilter.parse({})), today: Day.optional() };
const windowCheck = (v: { from: string; to: string }) => v.from <= v.to;

export const WorkItem = z.object({
  post: PlanPost,
  roles: z.array(z.enum(['owner', 'reviewer'])),
  /** The deadline, or else the planned date; null when neither is set. */
  due: CalendarDate.nullable(),
  overdue: z.boolean(),
});
export type WorkItem = z.infer<typeof WorkItem>;

export const PostChange = z.object({
  seq: z.number().int(),
  postId: Id,
  title: z.string(),
  at: IsoTime,
  kind: z.enum(['status', 'planned_date']),
  from: z.string().nullable(),
  to: z.string().nullable(),
});
export type PostChange = z.infer<typeof PostChange>;

export const planningApi = {
  'planning.view': query(
    'Every post planned between from and to (inclusive), in a series or not, with the tray of undated drafts, clashes (two posts on one day, any series) and empty weeks, after the filters. tray: false leaves the tray out (empty), for a window stepped to with the same filters.',
    z
      .object({ ...Window, tray: z.boolean().default(true) })
      .strict()
      .refine(windowCheck, 'from must not be after to'),
    PlanView,
  ),
  'planning.facets': query('What the planning filters can choose from: series, statuses, tags, guest authors and people.', z.object({}).strict(), PlanFacets),
  'planning.setDate': mutation(
    "Re-dates a post (null: back to the tray). The series planner's own checks follow.",
    z.object({ postId: Id, plannedDate: Day.nullable() }).strict(),
    PlanPost,
  ),
  'planning.post': query(
    "One post as the planning calendar shows it (its owner and reviewer included), for the draft's side panel.",
    z.object({ postId: Id }).strict(),
    PlanPost,
  ),
  'planning.assign': mutation(
    "Sets a post's owner and reviewer (null clears one; leave one out to keep it).",
    z.object({ postId: Id, ownerId: Id.nullable().optional(), reviewerId: Id.nullable().optional() }).strict(),
    PlanPost,
  ),
  'planning.export': query(
    'What planning.view shows, as one CSV (a row per post) or one iCalendar file (planned dates and deadlines).',
    z.object({ ...Window, format: z.enum(['csv', 'ics']) }).strict().refine(windowCheck, 'from must not be after to'),
    z.object({ fileName: z.string(), mime: z.string(), text: z.string() }),
  ),
  'planning.myWork': query(
    'Posts the chosen "me" owns or reviews, by due date (deadline, else planned date), overdue first; and the status and date changes on them since last looked.',
    z.object({ today: Day.optional() }).strict(),
    z.object({ meId: Id.nullable(), items: z.array(WorkItem), changes: z.array(PostChange), seenAt: IsoTime.nullable() }),
  ),
  'planning.markSeen': mutation('Marks the changes in My work as seen, up to now.', z.object({}).strict(), z.object({ seenAt: IsoTime })),
} satisfies Record<string, MethodSpec>;
