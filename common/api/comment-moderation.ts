/** What the rules said about a comment and its spam score, as the review list carries it. */
import { z } from 'zod';
import { RuleKindSchema } from '../moderation/rule-schema';

export const CommentHit = z.object({ kind: RuleKindSchema, action: z.enum(['spam', 'hold', 'flag', 'approve']), reason: z.string(), decisive: z.boolean() });
export type CommentHit = z.infer<typeof CommentHit>;

export const CommentModeration = z.object({
  hits: z.array(CommentHit),
  decidedBy: z.enum(['person', 'rule']).nullable(),
  score: z.number().nullable(),
  scoreWords: z.array(z.object({ word: z.string(), weight: z.number() })),
});
export type CommentModeration = z.infer<typeof CommentModeration>;
