/**
 * A draft's review summary (issue 17, item 5): its open notes, the mentions in them that wait for
 * someone, and the suggestions in its body that nobody has accepted or rejected yet. The
 * pre-publish checklist's `open-notes` rule (common/checklist/rules.ts) reads it, so every move to
 * scheduled or published (the draft's fields, the series views, the planning board's drag, the
 * CLI) warns through the one gate the checklist already has.
 */
import { suggestionsInBody } from '../editor/suggestions';

export interface ReviewSummary {
  /** Open (unresolved) notes, oldest first, with the words they are on. */
  openNotes: Array<{ id: string; quote: string }>;
  /** Each member mentioned in an open note, once per note, by the name the mention shows. */
  unresolvedMentions: Array<{ noteId: string; name: string }>;
  /** Pending suggestions in the body, counted per author, in the order their first one appears. */
  pendingSuggestions: Array<{ authorName: string; count: number }>;
}

export const NO_REVIEW: ReviewSummary = { openNotes: [], unresolvedMentions: [], pendingSuggestions: [] };

/** A body's pending suggestions, counted per author (by id, shown by the name they last carried). */
export function pendingSuggestionsIn(body: unknown): ReviewSummary['pendingSuggestions'] {
  const byAuthor = new Map<string, { authorName: string; count: number }>();
  for (const s of suggestionsInBody(body)) {
    const entry = byAuthor.get(s.authorId) ?? { authorName: s.authorName || 'Someone', count: 0 };
    entry.count += 1;
    byAuthor.set(s.authorId, entry);
  }
  return [...byAuthor.values()];
}

/** Whether anything in the summary waits for a decision before the draft goes out. */
export function reviewIsClear(s: ReviewSummary): boolean {
  return s.openNotes.length === 0 && s.pendingSuggestions.length === 0;
}

const SHOWN_NOTES = 3;
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
const short = (q: string) => `“${q.length > 40 ? `${q.slice(0, 39)}…` : q}”`;

/** The summary in one sentence: how many, the first few notes' words, and who is mentioned. */
export function reviewSummaryWords(s: ReviewSummary): string {
  if (reviewIsClear(s)) return 'No open notes or pending suggestions.';
  const parts = [notesWords(s), suggestionWords(s)].filter((w) => w !== '');
  return `${parts.join('; ')}.`;
}

function suggestionWords(s: ReviewSummary): string {
  if (s.pendingSuggestions.length === 0) return '';
  const total = s.pendingSuggestions.reduce((n, a) => n + a.count, 0);
  return `${plural(total, 'pending suggestion')} (${s.pendingSuggestions.map((a) => `${a.authorName} ${a.count}`).join(', ')})`;
}

function notesWords(s: ReviewSummary): string {
  if (s.openNotes.length === 0) return '';
  const shown = s.openNotes.slice(0, SHOWN_NOTES).map((n) => short(n.quote));
  const more = s.openNotes.length - shown.length;
  let words = `${plural(s.openNotes.length, 'open note')}: ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
  if (s.unresolvedMentions.length > 0) {
    const names = [...new Set(s.unresolvedMentions.map((m) => m.name))];
    words += `; ${plural(s.unresolvedMentions.length, 'unresolved mention')} (${names.join(', ')})`;
  }
  return words;
}
