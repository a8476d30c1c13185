/**
 * The product's nouns as zod schemas: the API validates against them and both sides take their
 * TypeScript types from them. Timestamps are ISO 8601 strings in UTC; calendar dates are
 * YYYY-MM-DD. Every stored row has a UUIDv7 id, createdAt/updatedAt, and a soft-delete mark.
 */
import { z } from 'zod';
import { COMMENT_STATUSES, DEFAULT_WORKFLOW, IMPORT_FORMATS } from './domain-values';

export { COMMENT_STATUSES, DEFAULT_WORKFLOW, IMPORT_FORMATS };
import { SLUG_PATTERN } from './text';

export const Id = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'expected a UUID');
export const IsoTime = z.string().max(40);
export const CalendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
export const Slug = z
  .string()
  .min(1)
  .max(120)
  .regex(SLUG_PATTERN, 'a slug is lower-case letters (of any script), digits and single hyphens');

/** Short single-line text a person types: bounded so a pasted novel cannot land in a title. */
export const Line = (max = 500) => z.string().max(max);

export const PostStatus = z.string().min(1).max(40).regex(/^[a-z0-9-]+$/, 'a status is lower-case words joined by hyphens');
export type PostStatus = z.infer<typeof PostStatus>;

/**
 * Serialized Lexical editor state. The shape is checked lightly here (a root with children);
 * the node set in common/editor/ is the authority on what the children may be.
 */
export const EditorState = z
  .object({
    root: z
      .object({ type: z.literal('root'), children: z.array(z.unknown()) })
      .passthrough(),
  })
  .passthrough();
export type EditorState = z.infer<typeof EditorState>;

export const Author = z.object({
  id: Id,
  name: Line(200).min(1),
  role: Line(200),
  organisation: Line(200),
  bio: z.string().max(2000),
  email: Line(320),
  url: Line(2000),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type Author = z.infer<typeof Author>;

export const PostSummary = z.object({
  id: Id,
  slug: Slug,
  title: z.string(),
  standfirst: z.string(),
  status: PostStatus,
  seriesId: Id.nullable(),
  position: z.number().int().nullable(),
  plannedDate: CalendarDate.nullable(),
  deadline: CalendarDate.nullable(),
  tags: z.array(z.string()),
  authors: z.array(Author),
  wordCount: z.number().int(),
  revision: z.number().int(),
  commentCount: z.number().int(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
  deletedAt: IsoTime.nullable(),
});
export type PostSummary = z.infer<typeof PostSummary>;

export const Post = PostSummary.extend({
  label: z.string(),
  body: EditorState,
  sourceUrl: z.string().nullable(),
  publishedAt: IsoTime.nullable(),
});
export type Post = z.infer<typeof Post>;

/** A post without its body: a co-edited draft's fields and panels (the body has its own stream). */
export const PostDetails = Post.omit({ body: true });
export type PostDetails = z.infer<typeof PostDetails>;

export const Series = z.object({
  id: Id,
  slug: Slug,
  title: z.string(),
  description: z.string(),
  topic: z.string(),
  cadence: z.string(),
  noticeTemplate: z.string(),
  workflow: z.array(PostStatus).min(1),
  createdAt: IsoTime,
  updatedAt: IsoTime,
  deletedAt: IsoTime.nullable(),
});
export type Series = z.infer<typeof Series>;

export const CommentStatus = z.enum(COMMENT_STATUSES);
export type CommentStatus = z.infer<typeof CommentStatus>;
export const CommentType = z.enum(['comment', 'pingback', 'trackback']);
export type CommentType = z.infer<typeof CommentType>;
export const ImportFormat = z.enum(IMPORT_FORMATS);
export type ImportFormat = z.infer<typeof ImportFormat>;

export const CommentAuthor = z.object({
  name: z.string(),
  role: z.string(),
  organisation: z.string(),
  email: z.string(),
  url: z.string(),
});

export const Comment = z.object({
  id: Id,
  postId: Id,
  source: z.string(),
  sourceId: z.string(),
  parentId: Id.nullable(),
  author: CommentAuthor,
  postedAt: IsoTime.nullable(),
  status: CommentStatus,
  type: CommentType,
  text: z.string(),
  html: z.string(),
  /** e.g. 'orphan' (parent missing), 'thread-missing', 'unknown-status' */
  flags: z.array(z.string()),
  revision: z.number().int(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type Comment = z.infer<typeof Comment>;

export const Revision = z.object({
  id: Id,
  postId: Id,
  revision: z.number().int(),
  title: z.string(),
  wordCount: z.number().int(),
  reason: z.string(),
  createdAt: IsoTime,
});
export type Revision = z.infer<typeof Revision>;
