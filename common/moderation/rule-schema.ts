/**
 * The moderation rules a team keeps, as data: what each kind of rule takes. Stored in the
 * database (moderation_rules), checked with these schemas at every door (API, CLI, import).
 */
import { z } from 'zod';

const Word = z.string().trim().min(1).max(200);
const WordList = z.array(Word).min(1).max(5000);

export const LinksParams = z.object({ max: z.number().int().min(0).max(1000) }).strict();
export const BannedParams = z.object({ phrases: WordList }).strict();
export const SuspectParams = z.object({ words: WordList }).strict();
export const BlockedParams = z
  .object({ emails: z.array(Word).max(5000).default([]), names: z.array(Word).max(5000).default([]), domains: z.array(Word).max(5000).default([]) })
  .strict()
  .refine((p) => p.emails.length + p.names.length + p.domains.length > 0, 'name at least one e-mail, name or domain to block');
export const TrustedParams = z
  .object({ emails: z.array(Word).max(5000).default([]), names: z.array(Word).max(5000).default([]), minApproved: z.number().int().min(0).max(100_000).default(0) })
  .strict()
  .refine((p) => p.emails.length + p.names.length > 0 || p.minApproved > 0, 'name trusted commenters, or a number of earlier approved comments (above 0)');
export const FirstParams = z.object({}).strict();
export const ScoreParams = z.object({ above: z.number().min(0.5).max(1) }).strict();

const PARAMS = { links: LinksParams, banned: BannedParams, suspect: SuspectParams, blocked: BlockedParams, trusted: TrustedParams, first: FirstParams, score: ScoreParams };
type Variant<K extends keyof typeof PARAMS> = z.ZodObject<{ kind: z.ZodLiteral<K>; params: (typeof PARAMS)[K] }>;
/** One object per kind; strict where a rule comes in, so an unknown field is refused, not dropped. */
function variants(strict: boolean) {
  const make = <K extends keyof typeof PARAMS>(kind: K): Variant<K> => {
    const o = z.object({ kind: z.literal(kind), params: PARAMS[kind] });
    return (strict ? o.strict() : o) as Variant<K>;
  };
  return [make('links'), make('banned'), make('suspect'), make('blocked'), make('trusted'), make('first'), make('score')] as const;
}
export const RuleSpec = z.discriminatedUnion('kind', variants(true));
export type RuleSpec = z.infer<typeof RuleSpec>;
export type RuleKind = RuleSpec['kind'];

export const RULE_KINDS = ['blocked', 'banned', 'score', 'links', 'suspect', 'trusted', 'first'] as const satisfies readonly RuleKind[];
export const RuleKindSchema = z.enum(RULE_KINDS);

export const Rule = z.intersection(
  // Not strict: a stored rule carries its id and dates beside the spec.
  z.discriminatedUnion('kind', variants(false)),
  z.object({ id: z.string(), enabled: z.boolean(), revision: z.number().int(), createdAt: z.string(), updatedAt: z.string() }),
);
export type Rule = z.infer<typeof Rule>;

export const RULE_KIND_LABEL: Record<RuleKind, string> = {
  blocked: 'Blocked commenters: spam',
  banned: 'Banned words or phrases: spam',
  score: 'Spam score above a threshold: spam',
  links: 'Too many links: hold',
  suspect: 'Suspect words: hold and flag',
  trusted: 'Trusted commenters: approve',
  first: 'First comment from someone new: hold',
};

/** One line saying what a rule does, for lists and the CLI. */
export function describeRule(r: RuleSpec): string {
  const list = (xs: string[]) => xs.map((x) => `'${x}'`).join(', ');
  switch (r.kind) {
    case 'links':
      return `hold a comment with more than ${r.params.max} link${r.params.max === 1 ? '' : 's'}`;
    case 'banned':
      return `spam: a comment containing ${list(r.params.phrases)}`;
    case 'suspect':
      return `hold and flag a comment containing ${list(r.params.words)}`;
    case 'blocked':
      return `spam: comments from ${[...r.params.emails, ...r.params.names, ...r.params.domains.map((d) => `site ${d}`)].map((x) => `'${x}'`).join(', ')}`;
    case 'trusted': {
      const named = [...r.params.emails, ...r.params.names];
      const parts = [named.length ? `comments from ${list(named)}` : '', r.params.minApproved > 0 ? `from anyone with ${r.params.minApproved} earlier approved comments and no spam` : ''];
      return `approve ${parts.filter(Boolean).join(', and ')}`;
    }
    case 'first':
      return 'hold the first comment of someone new';
    case 'score':
      return `spam: a spam score above ${r.params.above}`;
  }
}
