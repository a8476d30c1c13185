/**
 * The body alone (with its footnotes), for pasting into WordPress, Ghost or any CMS: semantic
 * tags only, no classes from the editor, no styles. The plain-text version travels with it.
 */
import { renderBlocks } from './blocks';
import { createContext, type RenderContext } from './context';
import { footnotesText, renderFootnotes } from './footnotes';
import { blocksText } from './plain-text';
import type { PublishResult } from './types';
import { withoutNoteMarks } from '../editor/note-marks';
import { withoutSuggestions } from '../editor/suggestions';

/**
 * The body's blocks as readers get them: editorial notes' marks are unwrapped, their text kept,
 * and pending suggestions are not applied (insertions dropped, deletions kept, formats undone).
 */
function rootChildren(body: unknown): unknown {
  const clean = withoutNoteMarks(withoutSuggestions(body));
  const root = typeof clean === 'object' && clean !== null ? (clean as { root?: { children?: unknown } }).root : undefined;
  return root?.children;
}

export interface RenderedBody {
  html: string;
  text: string;
  ctx: RenderContext;
}

/** The body's HTML and text; the heading ids and footnote numbers are shared by both. */
export function renderBody(body: unknown, assetUrls: Record<string, string>): RenderedBody {
  const ctx = createContext(assetUrls);
  const blocks = renderBlocks(rootChildren(body), ctx);
  const html = [blocks, renderFootnotes(ctx.footnotes)].filter(Boolean).join('\n');
  const textCtx = createContext(assetUrls);
  const text = [blocksText(rootChildren(body), textCtx), footnotesText(textCtx.footnotes)].filter(Boolean).join('\n\n');
  return { html, text, ctx };
}

export function renderFragment(body: unknown, assetUrls: Record<string, string> = {}): PublishResult {
  const { html, text, ctx } = renderBody(body, assetUrls);
  return { html: html ? `${html}\n` : '', text: text ? `${text}\n` : '', warnings: ctx.warnings };
}
