/**
 * The state one render threads through the walk: ids handed out so far, footnotes collected in
 * reading order, warnings. Created fresh per render, so nothing leaks between calls.
 */
import type { PublishWarning, WarningCode } from './types';

// Ids the page itself uses; a heading slug never takes one of these.
const RESERVED = /^(?:main|comments|comments-title|footnotes|series-nav|(?:fn|fnref|comment)-\d+)$/;

export interface RenderContext {
  claimId(base: string): string;
  /** Adds a footnote and returns its 1-based number. */
  addFootnote(note: string): number;
  footnotes: string[];
  warn(code: WarningCode, message: string): void;
  warnings: PublishWarning[];
  assetUrls: Record<string, string>;
  imageCount: number;
  tableCount: number;
  lastHeadingLevel: number;
}

export function createContext(assetUrls: Record<string, string>): RenderContext {
  const used = new Set<string>();
  const ctx: RenderContext = {
    footnotes: [],
    warnings: [],
    assetUrls,
    imageCount: 0,
    tableCount: 0,
    lastHeadingLevel: 1,
    claimId(base) {
      let id = base;
      for (let n = 2; used.has(id) || RESERVED.test(id); n++) id = `${base}-${n}`;
      used.add(id);
      return id;
    },
    addFootnote(note) {
      return ctx.footnotes.push(note);
    },
    warn(code, message) {
      ctx.warnings.push({ code, message });
    },
  };
  return ctx;
}

/** Reading helpers: the body comes from storage, so every field is checked before use. */
export function nodeList(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter((n): n is Record<string, unknown> => typeof n === 'object' && n !== null) : [];
}

export function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
