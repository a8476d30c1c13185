/** Revisions of a post: snapshots to look at, compare with the current text, and restore. */
import { z } from 'zod';
import { EditorState, Id, Post, Revision } from '../domain';
import { mutation, query, type MethodSpec } from './method';

export const RevisionContent = Revision.extend({ standfirst: z.string(), body: EditorState, text: z.string() });
export type RevisionContent = z.infer<typeof RevisionContent>;

/** One run of a word-level diff: unchanged, added in the current text, or removed from the revision. */
export const DiffPart = z.object({ value: z.string(), kind: z.enum(['same', 'added', 'removed']) });
export type DiffPart = z.infer<typeof DiffPart>;

export const revisionsApi = {
  'revisions.list': query('The snapshots of a post, newest first, with time, word count and why each was taken.', z.object({ postId: Id }).strict(), z.array(Revision)),
  'revisions.get': query('One snapshot: its title, standfirst, body and plain text.', z.object({ id: Id }).strict(), RevisionContent),
  'revisions.diff': query(
    'A word-level comparison of a snapshot (title, standfirst, body text) with the current post.',
    z.object({ id: Id }).strict(),
    z.object({
      revision: Revision,
      parts: z.array(DiffPart),
      added: z.number().int(),
      removed: z.number().int(),
    }),
  ),
  'revisions.restore': mutation(
    'Makes a snapshot the current text: the current text is snapshotted first, then the old one is saved as a new revision of the post. Refused with CONFLICT when baseRevision is not the stored revision.',
    z.object({ id: Id, baseRevision: z.number().int().min(0).optional() }).strict(),
    Post,
  ),
} satisfies Record<string, MethodSpec>;
