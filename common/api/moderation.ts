/**
 * Moderation with context: the team's rules (with dry runs), applying them, each commenter's
 * history, and the spam score learned from this store's decisions.
 */
import { z } from 'zod';
import { CommentStatus, Id, IsoTime } from '../domain';
import { RuleSpec, RuleKindSchema, Rule } from '../moderation/rule-schema';
import { MAX_BULK } from './comments';
import { mutation, query } from './method';

export const RuleView = z.intersection(Rule, z.object({ description: z.string() }));
export type RuleView = z.infer<typeof RuleView>;

const StatusChange = z.object({ id: Id, previousStatus: CommentStatus, status: CommentStatus, revision: z.number().int() });

export const RuleRunExample = z.object({
  id: Id,
  author: z.string(),
  postTitle: z.string(),
  excerpt: z.string(),
  from: CommentStatus,
  to: CommentStatus,
  reasons: z.array(z.string()),
});
export type RuleRunExample = z.infer<typeof RuleRunExample>;

export const RuleRunReport = z.object({
  /** Undecided comments the rules looked at. */
  evaluated: z.number().int(),
  /** Comments whose status changes (or would), by the status they get. */
  toStatus: z.object({ approved: z.number().int(), pending: z.number().int(), spam: z.number().int(), trash: z.number().int() }),
  /** Comments each kind of rule fired on. */
  fired: z.record(z.string(), z.number().int()),
  /** The first changed comments, to show. */
  examples: z.array(RuleRunExample),
  /** What was changed (empty for a dry run), for undo. */
  changed: z.array(StatusChange),
  dryRun: z.boolean(),
});
export type RuleRunReport = z.infer<typeof RuleRunReport>;

export const CommenterHistory = z.object({
  key: z.string(),
  basis: z.enum(['email', 'name-url', 'name']),
  name: z.string(),
  earlier: z.object({ approved: z.number().int(), pending: z.number().int(), spam: z.number().int(), trash: z.number().int(), total: z.number().int() }),
  since: z.string().nullable(),
  all: z.number().int(),
});
export type CommenterHistory = z.infer<typeof CommenterHistory>;

export const SpamModelInfo = z.object({
  id: Id,
  createdAt: IsoTime,
  decisions: z.number().int(),
  threshold: z.number(),
  metrics: z.object({ precision: z.number(), recall: z.number(), folds: z.number().int(), suggested: z.boolean() }).partial(),
});
export const SpamStatus = z.object({
  model: SpamModelInfo.nullable(),
  /** Decisions (approved, spam, trash) in the store now. */
  decisions: z.number().int(),
  training: z.boolean(),
  /** What the running training is doing now ("learning from 86,092 decisions"), or null. */
  progress: z.string().nullable(),
  scored: z.number().int(),
  lastError: z.string().nullable(),
});
export type SpamStatus = z.infer<typeof SpamStatus>;

const Scope = z.object({ ids: z.array(Id).min(1).max(MAX_BULK).optional(), postId: Id.optional() }).strict();

export const moderationApi = {
  'rules.list': query('The moderation rules, in the order they decide.', z.object({}).strict(), z.object({ rules: z.array(RuleView) })),
  'rules.add': mutation('Saves a new rule (rules.test shows first what it would change).', z.object({ spec: RuleSpec, enabled: z.boolean().default(true) }).strict(), RuleView),
  'rules.setEnabled': mutation('Turns a rule on or off.', z.object({ id: Id, enabled: z.boolean() }).strict(), RuleView),
  'rules.remove': mutation('Removes a rule; what it decided stays until rules are applied again.', z.object({ id: Id }).strict(), z.object({ id: Id })),
  'rules.test': query(
    'Dry run: what the stored rules plus `spec` (or without rule `without`) would change over the store or a scope. Changes nothing.',
    z.object({ spec: RuleSpec.optional(), without: Id.optional(), scope: Scope.default({}) }).strict(),
    RuleRunReport,
  ),
  'rules.apply': mutation(
    'Applies the rules to the undecided comments of a scope (selected ids, a post, or all). A status a person set is never changed.',
    z.object({ scope: Scope.default({}), dryRun: z.boolean().default(false) }).strict(),
    RuleRunReport,
  ),
  'spam.status': query('The spam model in use and whether a training runs; starts one in the background when decisions have grown.', z.object({}).strict(), SpamStatus),
  'spam.train': mutation('Retrains the spam score in the background (a worker thread) from the decisions stored now.', z.object({}).strict(), SpamStatus),
  'commenters.history': query('The writer of a comment: how they were matched and their earlier comments by status.', z.object({ commentId: Id }).strict(), CommenterHistory.nullable()),
};
