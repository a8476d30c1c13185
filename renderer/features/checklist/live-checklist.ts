/**
 * The open draft's checklist, recomputed from the live editor once typing pauses (as the word
 * counts are): the side panel shows it, and the status field asks it before a move to
 * scheduled or published. The rules are common/checklist's, the same the handlers enforce.
 */
import { $getRoot, type LexicalEditor } from 'lexical';
import type { Post } from '../../../common/domain';
import type { ChecklistConfig } from '../../../common/checklist/config';
import { scanBody } from '../../../common/checklist/body-scan';
import { runChecklist, type ChecklistReport } from '../../../common/checklist/evaluate';
import { countWords } from '../../../common/text';
import { pendingSuggestionsIn, type ReviewSummary } from '../../../common/notes/review-summary';

export const RECHECK_DELAY_MS = 500;

export interface ChecklistContext {
  config: ChecklistConfig;
  seriesNotice: string | null;
  featuredImage: { assetId: string; alt: string } | null;
  /** Open notes and mentions, from the store (re-read when notes change). */
  review: ReviewSummary;
}

export class LiveChecklist {
  report: ChecklistReport | null = null;
  private context: ChecklistContext | null = null;
  private post: Post;
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    post: Post,
    private readonly editor: () => LexicalEditor | null,
  ) {
    this.post = post;
  }

  subscribe = (l: () => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };
  getReport = () => this.report;

  setContext(c: ChecklistContext): void {
    this.context = c;
    this.recompute();
  }
  setPost(p: Post): void {
    this.post = p;
    this.later();
  }

  /** A collapsed panel shows nothing, so typing runs no checks (the status gate still computes on demand). */
  paused = false;

  setPaused(paused: boolean): void {
    this.paused = paused;
    if (!paused) this.later();
  }

  /** Called on every editor update: O(1); the work runs once typing pauses. */
  later = (): void => {
    if (this.paused) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.recompute(), RECHECK_DELAY_MS);
  };

  recompute = (): void => {
    this.timer = null;
    if (!this.context) return;
    const editor = this.editor();
    let body: unknown = this.post.body;
    let wordCount = this.post.wordCount;
    if (editor) {
      const state = editor.getEditorState();
      body = state.toJSON();
      wordCount = state.read(() => countWords($getRoot().getTextContent()));
    }
    const p = this.post;
    this.report = runChecklist(
      {
        standfirst: p.standfirst,
        wordCount,
        tags: p.tags,
        authors: p.authors,
        scan: scanBody(body),
        featuredImage: this.context.featuredImage ? { alt: this.context.featuredImage.alt } : null,
        plannedDate: p.plannedDate,
        seriesNotice: this.context.seriesNotice,
        // Notes come from the store; suggestions from the text as it is now, saved or not.
        review: { ...this.context.review, pendingSuggestions: pendingSuggestionsIn(body) },
      },
      this.context.config,
    );
    for (const l of this.listeners) l();
  };

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}
