/**
 * The pre-publish rules as pure functions: the facts of a post in, a verdict with a reason and
 * the place to fix it out. The draft's side panel runs them live; the handlers run the same
 * functions to refuse a move to scheduled or published.
 */
import type { BodyScan } from './body-scan';
import type { RuleId, RuleSettings } from './config';
import { reviewIsClear, reviewSummaryWords, type ReviewSummary } from '../notes/review-summary';

/** Where a failing rule can be fixed: a field of the side panel, or a block of the body. */
export type ChecklistTarget =
  | { kind: 'field'; field: 'standfirst' | 'tags' | 'authors' | 'plannedDate' | 'featuredImage' | 'series' }
  | { kind: 'block'; index: number };

export interface ChecklistFacts {
  standfirst: string;
  wordCount: number;
  tags: readonly string[];
  authors: readonly { name: string; role: string }[];
  scan: BodyScan;
  featuredImage: { alt: string } | null;
  plannedDate: string | null;
  /** The post's series notice as it would be published; null outside a series. */
  seriesNotice: string | null;
  /** Its open notes and the mentions waiting in them (common/notes/review-summary.ts). */
  review: ReviewSummary;
}

export interface Verdict {
  ok: boolean;
  message: string;
  target: ChecklistTarget | null;
}

export interface RuleDef {
  id: RuleId;
  label: (s: RuleSettings) => string;
  check: (f: ChecklistFacts, s: RuleSettings) => Verdict;
}

const field = (f: Extract<ChecklistTarget, { kind: 'field' }>['field']): ChecklistTarget => ({ kind: 'field', field: f });
const block = (index: number): ChecklistTarget => ({ kind: 'block', index });
const pass = (message: string): Verdict => ({ ok: true, message, target: null });
const failAt = (message: string, target: ChecklistTarget): Verdict => ({ ok: false, message, target });
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function range(s: RuleSettings, unit: string): string {
  if (s.min !== undefined && s.max !== undefined) return `${s.min}–${s.max} ${unit}`;
  if (s.min !== undefined) return `at least ${s.min} ${unit}`;
  if (s.max !== undefined) return `at most ${s.max} ${unit}`;
  return `any number of ${unit}`;
}

function inRange(n: number, s: RuleSettings): boolean {
  return (s.min === undefined || n >= s.min) && (s.max === undefined || n <= s.max);
}

/** In-document anchors and https: links pass; http:, mailto: and anything else does not. */
export function isSecureOrLocalLink(url: string): boolean {
  const u = url.trim();
  return /^#\S+$/.test(u) || /^https:\/\/\S+$/i.test(u);
}

export const RULES: readonly RuleDef[] = [
  {
    id: 'guest-author',
    label: () => 'A guest author with a role',
    check: (f) => {
      if (!f.authors.length) return failAt('No guest author yet.', field('authors'));
      const missing = f.authors.filter((a) => !a.role.trim());
      return missing.length
        ? failAt(`No role for ${missing.map((a) => a.name).join(', ')}.`, field('authors'))
        : pass(`${f.authors.map((a) => `${a.name} (${a.role.trim()})`).join(', ')}.`);
    },
  },
  {
    id: 'standfirst-length',
    label: (s) => `A standfirst of ${range(s, 'characters')}`,
    check: (f, s) => {
      const n = [...f.standfirst.trim()].length;
      return inRange(n, s) ? pass(`${plural(n, 'character')}.`) : failAt(`The standfirst has ${plural(n, 'character')}; ${range(s, 'characters')} wanted.`, field('standfirst'));
    },
  },
  {
    id: 'word-count',
    label: (s) => `A text of ${range(s, 'words')}`,
    check: (f, s) =>
      inRange(f.wordCount, s) ? pass(`${plural(f.wordCount, 'word')}.`) : failAt(`The text has ${plural(f.wordCount, 'word')}; ${range(s, 'words')} wanted.`, block(0)),
  },
  {
    id: 'tags',
    label: (s) => `At least ${plural(s.min ?? 1, 'tag')}`,
    check: (f, s) => {
      const min = s.min ?? 1;
      return f.tags.length >= min ? pass(`${plural(f.tags.length, 'tag')}.`) : failAt(`${plural(f.tags.length, 'tag')}; at least ${min} wanted.`, field('tags'));
    },
  },
  {
    id: 'image-text',
    label: (s) => (s.caption ? 'Alt text and a caption on every picture' : 'Alt text on every picture'),
    check: (f, s) => {
      const noAlt = f.scan.images.find((i) => !i.altText.trim());
      if (noAlt) return failAt(`A picture has no alt text (picture ${f.scan.images.indexOf(noAlt) + 1} of ${f.scan.images.length}).`, block(noAlt.block));
      const noCaption = s.caption ? f.scan.images.find((i) => !i.caption.trim()) : undefined;
      if (noCaption) return failAt(`A picture has no caption (picture ${f.scan.images.indexOf(noCaption) + 1} of ${f.scan.images.length}).`, block(noCaption.block));
      return pass(f.scan.images.length ? `${plural(f.scan.images.length, 'picture')}, all described.` : 'No pictures in the text.');
    },
  },
  {
    id: 'featured-image',
    label: () => 'A featured image with alt text',
    check: (f) => {
      if (!f.featuredImage) return failAt('No featured image.', field('featuredImage'));
      return f.featuredImage.alt.trim() ? pass('Set, with alt text.') : failAt('The featured image has no alt text.', field('featuredImage'));
    },
  },
  {
    id: 'links',
    label: () => 'Every link https: or within the post',
    check: (f) => {
      const bad = f.scan.links.filter((l) => !isSecureOrLocalLink(l.url));
      return bad.length
        ? failAt(`${plural(bad.length, 'link')} not https: or in-document, first ${bad[0].url || '(empty)'}.`, block(bad[0].block))
        : pass(`${plural(f.scan.links.length, 'link')}, all https: or in-document.`);
    },
  },
  {
    id: 'series-notice',
    label: () => 'The series notice',
    check: (f) => {
      if (f.seriesNotice === null) return pass('Not in a series.');
      const notice = f.seriesNotice.trim();
      if (!notice) return failAt('The series has no notice for this post.', field('series'));
      if (/\{[a-z]+\}/.test(notice)) return failAt(`The notice has an unfilled placeholder: “${notice}”.`, field('series'));
      return pass(`“${notice}”`);
    },
  },
  {
    id: 'heading-levels',
    label: () => 'No heading levels skipped',
    check: (f) => {
      // The title is the page's h1, so the text's first heading is an h2.
      let previous = 1;
      for (const h of f.scan.headings) {
        if (h.level > previous + 1) return failAt(`An h${h.level} follows an h${previous}: level ${previous + 1} is skipped.`, block(h.block));
        previous = h.level;
      }
      return pass(f.scan.headings.length ? `${plural(f.scan.headings.length, 'heading')} in order.` : 'No headings.');
    },
  },
  {
    id: 'planned-date',
    label: () => 'A planned date',
    check: (f) => (f.plannedDate ? pass(f.plannedDate) : failAt('No planned date.', field('plannedDate'))),
  },
  {
    id: 'open-notes',
    label: () => 'No open notes, unresolved mentions or pending suggestions',
    // Fixed in the Notes and Suggestions panels (reply, resolve, accept, reject), not in a field or a block: no target.
    check: (f) => ({ ok: reviewIsClear(f.review), message: reviewSummaryWords(f.review), target: null }),
  },
];
