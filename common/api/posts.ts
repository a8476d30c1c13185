import { z } from 'zod';
import { CalendarDate, EditorState, Id, Line, Post, PostDetails, PostStatus, PostSummary, Slug } from '../domain';
import { mutation, query } from './method';

/** 50 MB of file is about 66.7 MB of base64. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
const MAX_IMPORT_BASE64 = Math.ceil(MAX_IMPORT_BYTES / 3) * 4;
export const DRAFT_IMPORT_FORMATS = ['docx', 'markdown', 'html', 'text', 'page-text'] as const;

export const ImportDraftResult = z.object({
  post: Post,
  format: z.enum(DRAFT_IMPORT_FORMATS),
  words: z.number().int(),
  comments: z.number().int(),
  warnings: z.array(z.string()),
});
export type ImportDraftResult = z.infer<typeof ImportDraftResult>;

const PostRef = z.union([z.object({ id: Id }).strict(), z.object({ slug: Slug }).strict()]);

export const postsApi = {
  'posts.list': query(
    'Posts and drafts, newest first; the trash only when asked.',
    z
      .object({
        status: z.array(PostStatus).max(20).optional(),
        seriesId: Id.optional(),
        authorId: Id.optional(),
        search: Line(200).optional(),
        sort: z.enum(['updated', 'planned', 'title']).default('updated'),
        trash: z.boolean().default(false),
        limit: z.number().int().min(1).max(5000).default(1000),
      })
      .strict(),
    z.array(PostSummary),
  ),
  'posts.get': query('One post with its body.', PostRef, Post),
  'posts.details': query('One post without its body (a co-edited draft follows its title, standfirst and details by this; its body has its own stream).', PostRef, PostDetails),
  'posts.create': mutation(
    'A new draft. The slug is made from the title and kept unique.',
    z
      .object({
        title: Line(300).default(''),
        standfirst: z.string().max(5000).default(''),
        body: EditorState.optional(),
        status: PostStatus.default('drafting'),
        seriesId: Id.nullable().optional(),
        tags: z.array(Line(60)).max(50).default([]),
        acceptWarnings: z.boolean().optional(),
      })
      .strict(),
    Post,
  ),
  'posts.update': mutation(
    'Saves a draft. Refused with CONFLICT when baseRevision is not the stored revision, so two windows never overwrite each other.',
    z
      .object({
        id: Id,
        baseRevision: z.number().int().min(0),
        title: Line(300).optional(),
        slug: Slug.optional(),
        standfirst: z.string().max(5000).optional(),
        label: Line(100).optional(),
        body: EditorState.optional(),
        status: PostStatus.optional(),
        plannedDate: CalendarDate.nullable().optional(),
        deadline: CalendarDate.nullable().optional(),
        tags: z.array(Line(60)).max(50).optional(),
        authorIds: z.array(Id).max(20).optional(),
        /** Confirms a move to scheduled or published while recommended checklist rules fail. */
        acceptWarnings: z.boolean().optional(),
      })
      .strict(),
    Post,
  ),
  'posts.discardUntouched': mutation(
    'Removes a new draft that was left exactly as created (no title, text or anything else ever saved), so an abandoned New draft does not linger as "Untitled draft"; any other post is kept.',
    z.object({ id: Id }).strict(),
    z.object({ discarded: z.boolean() }),
  ),
  'posts.delete': mutation('Moves a post to the trash.', z.object({ id: Id }).strict(), z.object({ id: Id, deletedAt: z.string() })),
  'posts.restore': mutation('Brings a post back from the trash.', z.object({ id: Id }).strict(), PostSummary),
  'posts.duplicate': mutation(
    'A copy of a post as a new draft (text, label, tags and authors; not its comments, series place or dates).',
    z.object({ id: Id }).strict(),
    Post,
  ),
  'posts.checkSlug': query(
    'Whether a slug is free (the trash counts), with the nearest free one to offer.',
    z.object({ slug: Slug, id: Id.optional() }).strict(),
    z.object({ available: z.boolean(), suggestion: Slug }),
  ),
  'posts.import': mutation(
    "Imports a guest author's file (.docx, .md, .html, .txt, or text copied from a published page) as a new draft; a page's reader comments are imported onto it. Give the file's bytes as base64, or a path on this machine (CLI and desktop).",
    z.union([
      z
        .object({
          fileName: Line(255).min(1),
          dataBase64: z.string().min(4, 'the file is empty').max(MAX_IMPORT_BASE64, 'the file is over the 50 MB import limit').regex(/^[A-Za-z0-9+/]*={0,2}$/, 'expected base64 data')
            .refine((v) => v.length % 4 === 0, 'base64 data is padded to a multiple of 4 characters'),
        })
        .strict(),
      z.object({ path: z.string().min(1).max(4096) }).strict(),
    ]),
    ImportDraftResult,
  ),
};
