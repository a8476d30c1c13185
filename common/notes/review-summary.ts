/**
 * A draft's review summary (issue 17, item 5): its open notes and the mentions in them that wait
 * for someone. The pre-publish checklist's `open-notes` rule (common/checklist/rules.ts) reads it,
 * so every move to scheduled or published (the draft's fields, the series views, the planning
 * board's drag, the CLI) warns through the one gate the checklist already has. Suggestions, once
 * they exist as body nodes, belong here too.
 */
export interface ReviewSummary {
  /** Open (unresolved) notes, oldest first, with the words they are on. */
  openNotes: Array<{ id: string; quote: string }>;
  /** Each member mentioned in an open note, once per note, by the name the mention shows. */
  unresolvedMentions: Array<{ noteId: string; name: string }>;
}

export const NO_REVIEW: ReviewSummary = { openNotes: [], unresolvedMentions: [] };

const SHOWN_NOTES = 3;
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
const short = (q: string) => `“${q.length > 40 ? `${q.slice(0, 39)}…` : q}”`;

/** The summary in one sentence: how many, the first few notes' words, and who is mentioned. */
export function reviewSummaryWords(s: ReviewSummary): string {
  if (s.openNotes.length === 0) return 'No open notes.';
  const shown = s.openNotes.slice(0, SHOWN_NOTES).map((n) => short(n.quote));
  const more = s.openNotes.length - shown.length;
  let words = `${plural(s.openNotes.length, 'open note')}: ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
  if (s.unresolvedMentions.length > 0) {
    const names = [...new Set(s.unresolvedMentions.map((m) => m.name))];
    words += `; ${plural(s.unresolvedMentions.length, 'unresolved mention')} (${names.join(', ')})`;
  }
  return `${words}.`;
}
