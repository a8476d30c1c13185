/**
 * Moderation rules as pure functions: a comment, its writer's earlier history and the team's
 * rules in; a verdict with the reasons of every rule that fired out. The window shows these
 * verdicts (dry runs) and the main process applies them (import, "apply rules"): one code.
 *
 * Order. Every enabled rule is tried and every one that fires is recorded; the status comes from
 * the first that decides, by kind: blocked, banned, score (spam) before links, suspect, first
 * (hold) before trusted (approve). So, as in WordPress, a regular's comment with too many links
 * is still held, and spam from an allowed address is still spam.
 *
 * Only undecided comments are moderated: pending ones no person has moderated (here, or on the
 * site they came from), and ones a rule decided before. A status a person set is never changed.
 */
import type { CommentStatus } from '../domain';
import { normalizeEmail, normalizeName, urlDomain } from './commenter';
import { RULE_KINDS, type RuleKind, type RuleSpec } from './rule-schema';
import { countLinks, PhraseMatcher, words } from './text-features';

export type RuleAction = 'spam' | 'hold' | 'flag' | 'approve';

export interface RuleHit {
  ruleId: string;
  kind: RuleKind;
  action: RuleAction;
  /** What the window shows: "held: 4 links", "spam: banned phrase 'cheap meds'". */
  reason: string;
  /** This hit set the status (the first deciding hit in rule order). */
  decisive: boolean;
}

/** A commenter's comments before this one, by status. */
export interface History {
  approved: number;
  pending: number;
  spam: number;
  trash: number;
}

export const EMPTY_HISTORY: History = { approved: 0, pending: 0, spam: 0, trash: 0 };

export function historyTotal(h: History): number {
  return h.approved + h.pending + h.spam + h.trash;
}

export interface RuleInput {
  status: CommentStatus;
  /** Who set the current status: a person, a rule, or nobody yet (as imported, pending). */
  decidedBy: 'person' | 'rule' | null;
  author: { name: string; email: string; url: string };
  text: string;
  html: string;
  history: History;
  /** The spam score, when one has been computed. */
  score: number | null;
}

export interface Verdict {
  /** The status the rules give, or null when they leave it as it is. */
  status: CommentStatus | null;
  /** Flags to show (a suspect word). */
  flags: string[];
  hits: RuleHit[];
}

export interface StoredRule {
  id: string;
  enabled: boolean;
  spec: RuleSpec;
}

const KIND_ORDER = new Map<RuleKind, number>(RULE_KINDS.map((k, i) => [k, i]));
const ACTION_STATUS: Record<RuleAction, CommentStatus | null> = { spam: 'spam', hold: 'pending', flag: 'pending', approve: 'approved' };

/** Whether rules may set this comment's status. */
export function undecided(c: Pick<RuleInput, 'status' | 'decidedBy'>): boolean {
  if (c.decidedBy === 'person') return false;
  return c.decidedBy === 'rule' || c.status === 'pending';
}

/**
 * Rules prepared once for many comments: word lists become matchers, address lists sets, and
 * rules sorted into the order they decide in.
 */
export interface CompiledRule {
  id: string;
  kind: RuleKind;
  test: (c: RuleInput, textWords: () => string[]) => { action: RuleAction; reason: string } | null;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

export function compileRule(id: string, spec: RuleSpec): CompiledRule {
  switch (spec.kind) {
    case 'links': {
      const max = spec.params.max;
      return {
        id,
        kind: spec.kind,
        test: (c) => {
          const n = countLinks(c.html, c.text);
          return n > max ? { action: 'hold', reason: `held: ${plural(n, 'link')}` } : null;
        },
      };
    }
    case 'banned': {
      const m = new PhraseMatcher(spec.params.phrases);
      return { id, kind: spec.kind, test: (_c, w) => withPhrase(m.find(w()), 'spam', (p) => `spam: banned ${p.includes(' ') ? 'phrase' : 'word'} '${p}'`) };
    }
    case 'suspect': {
      const m = new PhraseMatcher(spec.params.words);
      return { id, kind: spec.kind, test: (_c, w) => withPhrase(m.find(w()), 'flag', (p) => `held: suspect ${p.includes(' ') ? 'phrase' : 'word'} '${p}'`) };
    }
    case 'blocked': {
      const emails = new Set(spec.params.emails.map(normalizeEmail));
      const names = new Set(spec.params.names.map(normalizeName));
      const domains = spec.params.domains.map((d) => urlDomain(d.includes('://') ? d : `http://${d}`));
      return {
        id,
        kind: spec.kind,
        test: (c) => {
          const email = normalizeEmail(c.author.email);
          if (email && emails.has(email)) return { action: 'spam', reason: `spam: blocked e-mail ${email}` };
          const name = normalizeName(c.author.name);
          if (name && names.has(name)) return { action: 'spam', reason: `spam: blocked name '${c.author.name.trim()}'` };
          const host = urlDomain(c.author.url);
          const emailHost = email.split('@')[1] ?? '';
          const d = domains.find((x) => inDomain(host, x) || inDomain(emailHost, x));
          return d ? { action: 'spam', reason: `spam: blocked domain ${d}` } : null;
        },
      };
    }
    case 'trusted': {
      const emails = new Set(spec.params.emails.map(normalizeEmail));
      const names = new Set(spec.params.names.map(normalizeName));
      const min = spec.params.minApproved;
      return {
        id,
        kind: spec.kind,
        test: (c) => {
          const email = normalizeEmail(c.author.email);
          if (email && emails.has(email)) return { action: 'approve', reason: `approved: trusted e-mail ${email}` };
          const name = normalizeName(c.author.name);
          if (name && names.has(name)) return { action: 'approve', reason: `approved: trusted commenter '${c.author.name.trim()}'` };
          const h = c.history;
          if (min > 0 && h.approved >= min && h.spam === 0) return { action: 'approve', reason: `approved: ${plural(h.approved, 'earlier approved comment')}, no spam` };
          return null;
        },
      };
    }
    case 'first':
      return { id, kind: spec.kind, test: (c) => (historyTotal(c.history) === 0 ? { action: 'hold', reason: 'held: first comment from this commenter' } : null) };
    case 'score': {
      const above = spec.params.above;
      return {
        id,
        kind: spec.kind,
        test: (c) => (c.score !== null && c.score > above ? { action: 'spam', reason: `spam: spam score ${c.score.toFixed(3)} above ${above}` } : null),
      };
    }
  }
}

function withPhrase(p: string | null, action: RuleAction, reason: (p: string) => string): { action: RuleAction; reason: string } | null {
  return p === null ? null : { action, reason: reason(p) };
}

function inDomain(host: string, domain: string): boolean {
  return !!host && !!domain && (host === domain || host.endsWith(`.${domain}`));
}

export function compileRules(rules: readonly StoredRule[]): CompiledRule[] {
  return rules
    .filter((r) => r.enabled)
    .map((r) => compileRule(r.id, r.spec))
    .sort((a, b) => KIND_ORDER.get(a.kind)! - KIND_ORDER.get(b.kind)!);
}

/**
 * The verdict for one comment. A comment a person decided gets no verdict at all (status null,
 * no hits): the rules do not second-guess a reviewer, not even in what they record.
 */
export function evaluate(c: RuleInput, rules: readonly CompiledRule[]): Verdict {
  if (!undecided(c)) return { status: null, flags: [], hits: [] };
  let cached: string[] | null = null;
  const textWords = () => (cached ??= words(c.text));
  const hits: RuleHit[] = [];
  let status: CommentStatus | null = null;
  const flags: string[] = [];
  for (const rule of rules) {
    const r = rule.test(c, textWords);
    if (!r) continue;
    const decisive = status === null;
    if (decisive) status = ACTION_STATUS[r.action];
    if (r.action === 'flag' && !flags.includes('suspect')) flags.push('suspect');
    hits.push({ ruleId: rule.id, kind: rule.kind, action: r.action, reason: r.reason, decisive });
  }
  // A comment a rule decided earlier that no rule now fires on goes back to waiting for a person.
  if (status === null && c.decidedBy === 'rule') status = 'pending';
  return { status, flags, hits };
}
