/**
 * Comment review: the list with filters and search, moderation with undo, the team's tags,
 * span annotations, reply drafts and the annotation report. Schemas for the review nouns live
 * here because only this area uses them.
 */
import { z } from 'zod';
import { CalendarDate, Comment, CommentStatus, Id, IsoTime, Line } from '../domain';
import { mutation, query } from './method';
import { CommentModeration } from './comment-moderation';

export const MAX_BULK = 100_000;

export const CommentFilter = z
  .object({
    postId: Id.optional(),
    status: z.array(CommentStatus).max(4).optional(),
    tagId: Id.optional(),
    annotated: z.boolean().optional(),
    hasReplyDraft: z.boolean().optional(),
    /** Case-insensitive prefix of the author's name. */
    author: Line(200).optional(),
    from: CalendarDate.optional(),
    to: CalendarDate.optional(),
    search: Line(200).optional(),
    /** Only this comment and its replies, at any depth (following a deep thread). */
    threadOf: Id.optional(),
    /** Only comments by this writer (a commenter key from commenters.history). */
    commenter: z.string().min(1).max(2500).optional(),
    /** Only comments a rule of this kind fired on ('any': any rule). */
    rule: z.enum(['any', 'links', 'banned', 'suspect', 'blocked', 'trusted', 'first', 'score']).optional(),
    /** Only comments with a spam score at least this. */
    minScore: z.number().min(0).max(1).optional(),
  })
  .strict();
export type CommentFilter = z.infer<typeof CommentFilter>;

export const CommentOrder = z.enum(['thread', 'newest', 'oldest', 'score']);
export type CommentOrder = z.infer<typeof CommentOrder>;

export const Tag = z.object({ id: Id, name: z.string(), color: z.string(), createdAt: IsoTime, updatedAt: IsoTime });
export type Tag = z.infer<typeof Tag>;

export const Anchor = z.enum(['exact', 'moved', 'lost']);
export const Annotation = z.object({
  id: Id,
  commentId: Id,
  postId: Id,
  /** Offsets into the comment's plain text as it is now; `anchor` says whether the quote had to be re-found. */
  start: z.number().int(),
  end: z.number().int(),
  quote: z.string(),
  anchor: Anchor,
  tagId: Id.nullable(),
  tagName: z.string().nullable(),
  note: z.string(),
  reviewer: z.string(),
  revision: z.number().int(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type Annotation = z.infer<typeof Annotation>;

export const AnnotationListItem = Annotation.extend({
  authorName: z.string(),
  postTitle: z.string(),
  commentText: z.string(),
});
export type AnnotationListItem = z.infer<typeof AnnotationListItem>;

export const ReplyStatus = z.enum(['draft', 'ready']);
export const ReplyDraft = z.object({
  id: Id,
  commentId: Id,
  /** Serialized Lexical editor state (JSON text). */
  body: z.string(),
  text: z.string(),
  status: ReplyStatus,
  revision: z.number().int(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type ReplyDraft = z.infer<typeof ReplyDraft>;

export const TextRange = z.object({ start: z.number().int(), end: z.number().int() });
export type TextRange = z.infer<typeof TextRange>;

export const CommentListItem = Comment.extend({
  depth: z.number().int(),
  replyCount: z.number().int(),
  postTitle: z.string(),
  annotations: z.array(Annotation),
  replyDraft: ReplyStatus.nullable(),
  /** Search hits as ranges of `text`. */
  matches: z.array(TextRange),
  authorMatches: z.array(TextRange),
  /** What the rules said and the spam score (absent where nothing was recorded). */
  moderation: CommentModeration.optional(),
});
export type CommentListItem = z.infer<typeof CommentListItem>;

export const StatusCounts = z.object({ approved: z.number().int(), pending: z.number().int(), spam: z.number().int(), trash: z.number().int(), all: z.number().int() });
export type StatusCounts = z.infer<typeof StatusCounts>;

const StatusChange = z.object({ id: Id, previousStatus: CommentStatus, status: CommentStatus, revision: z.number().int() });
const StatusResult = z.object({ changed: z.array(StatusChange) });
export type StatusChange = z.infer<typeof StatusChange>;

const Reviewer = Line(200);
const Note = z.string().max(10_000);

export const commentsApi = {
  'comments.list': query(
    'One window of the review list: comments matching the filter in thread or date order, with the total.',
    z
      .object({
        filter: CommentFilter.default({}),
        order: CommentOrder.default('newest'),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(100),
        /** false for further pages of a list whose total is known: skips counting. */
        totals: z.boolean().default(true),
        /**
         * false: leave out the per-status counts (counts: null) when the total can be had
         * without them, as for a search, so the rows come sooner; comments.counts gives them.
         */
        counts: z.boolean().default(true),
      })
      .strict(),
    z.object({ items: z.array(CommentListItem), total: z.number().int().nullable(), offset: z.number().int(), counts: StatusCounts.nullable() }),
  ),
  'comments.counts': query('Comments per status for a filter (its status part ignored).', z.object({ filter: CommentFilter.default({}) }).strict(), StatusCounts),
  'comments.ids': query(
    'Every comment matching a filter, as id and revision (for "select all in filter").',
    z.object({ filter: CommentFilter.default({}) }).strict(),
    z.object({ items: z.array(z.object({ id: Id, revision: z.number().int() })) }),
  ),
  'comments.setStatus': mutation(
    'Moderates comments in one transaction. Each names the revision it was seen at; any newer one refuses the whole batch with CONFLICT. Returns the previous statuses for undo.',
    z.object({ items: z.array(z.object({ id: Id, revision: z.number().int().min(0) }).strict()).min(1).max(MAX_BULK), status: CommentStatus }).strict(),
    StatusResult,
  ),
  'comments.restoreStatuses': mutation(
    'Undo: puts each comment back to the status given, if it is still at the revision given.',
    z.object({ items: z.array(z.object({ id: Id, revision: z.number().int().min(0), status: CommentStatus }).strict()).min(1).max(MAX_BULK) }).strict(),
    StatusResult,
  ),
  'tags.list': query('The team vocabulary for annotations.', z.object({}).strict(), z.array(Tag)),
  'tags.create': mutation('A new tag; names are unique.', z.object({ name: Line(60).min(1), color: Line(20).default('') }).strict(), Tag),
  'tags.update': mutation('Renames or recolours a tag.', z.object({ id: Id, name: Line(60).min(1).optional(), color: Line(20).optional() }).strict(), Tag),
  'tags.delete': mutation('Removes a tag from the vocabulary; annotations keep their note.', z.object({ id: Id }).strict(), z.object({ id: Id })),
  'annotations.create': mutation(
    'Anchors a tag and note to the span [start, end) of a comment\'s plain text; quote must equal that span.',
    z
      .object({ commentId: Id, start: z.number().int().min(0), end: z.number().int().min(1), quote: z.string().min(1).max(20_000), tagId: Id.nullable().default(null), note: Note.default(''), reviewer: Reviewer.default('') })
      .strict(),
    Annotation,
  ),
  'annotations.update': mutation(
    'Changes an annotation\'s tag or note; CONFLICT when baseRevision is old.',
    z.object({ id: Id, baseRevision: z.number().int().min(0), tagId: Id.nullable().optional(), note: Note.optional(), reviewer: Reviewer.optional() }).strict(),
    Annotation,
  ),
  'annotations.delete': mutation('Removes an annotation.', z.object({ id: Id }).strict(), z.object({ id: Id })),
  'annotations.list': query(
    'Annotations of one comment, one thread (threadOf), one post, or every post; newest first.',
    z.object({ commentId: Id.optional(), threadOf: Id.optional(), postId: Id.optional(), tagId: Id.optional(), offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(200) }).strict(),
    z.object({ items: z.array(AnnotationListItem), total: z.number().int() }),
  ),
  'replies.get': query('The reply draft under a comment, if any.', z.object({ commentId: Id }).strict(), ReplyDraft.nullable()),
  'replies.save': mutation(
    'Autosaves a reply draft. baseRevision 0 creates it; an old baseRevision is refused with CONFLICT.',
    z.object({ commentId: Id, baseRevision: z.number().int().min(0), body: z.string().max(200_000), text: z.string().max(50_000), status: ReplyStatus }).strict(),
    ReplyDraft,
  ),
  'reports.annotations': query(
    'The annotations of a post, or of every post, as CSV or an HTML report.',
    z.object({ postId: Id.optional(), format: z.enum(['csv', 'html']) }).strict(),
    z.object({ fileName: z.string(), mime: z.string(), text: z.string() }),
  ),
};
