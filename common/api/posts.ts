import { z } from 'zod';
import { CalendarDate, EditorState, Id, Line, Post, PostStatus, PostSummary, Slug } from '../domain';
import { mutation, query } from './method';

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
      })
      .strict(),
    Post,
  ),
  'posts.delete': mutation('Moves a post to the trash.', z.object({ id: Id }).strict(), z.object({ id: Id, deletedAt: z.string() })),
  'posts.restore': mutation('Brings a post back from the trash.', z.object({ id: Id }).strict(), PostSummary),
};
