/**
 * The two sizes the bench runs at: `full` is what real users reach (a 36,000-word post, the size
 * the WordPress editor's release benchmark uses; 1,000 drafts; 50 series; 100,000 comments), and
 * `smoke` is small enough for the unit test run to prove every scenario still works end to end.
 */
export interface Sizes {
  name: 'full' | 'smoke';
  seed: number;
  longDraft: { words: number; blocks: number };
  drafts: number;
  draftWords: [number, number];
  series: number;
  authors: number;
  comments: number;
  commentPosts: number;
  /** Comments that get a tagged annotation, for the review pane's tag filter. */
  annotations: number;
  /** Keystrokes per typing run, and repetitions of the timed one-shot scenarios. */
  keystrokes: number;
  /** Open notes and pending suggestions in the long draft the suggestions scenario types into. */
  review: { notes: number; suggestions: number };
  repeats: number;
  queries: number;
}

export const FULL: Sizes = {
  name: 'full',
  seed: 20261126,
  longDraft: { words: 36_000, blocks: 1_000 },
  drafts: 1_000,
  draftWords: [300, 2_500],
  series: 50,
  authors: 300,
  comments: 100_000,
  commentPosts: 200,
  annotations: 3_000,
  keystrokes: 200,
  review: { notes: 200, suggestions: 500 },
  repeats: 7,
  queries: 40,
};

export const SMOKE: Sizes = {
  name: 'smoke',
  seed: 20261126,
  longDraft: { words: 1_200, blocks: 40 },
  drafts: 12,
  draftWords: [100, 400],
  series: 3,
  authors: 8,
  comments: 600,
  commentPosts: 6,
  annotations: 30,
  keystrokes: 8,
  review: { notes: 7, suggestions: 17 },
  repeats: 1,
  queries: 5,
};
