/**
 * What every draft importer produces: a title, standfirst and label beside the body, the reader
 * comments a copied page carried, and warnings about what could not be kept.
 */
import type { SerializedEditorState } from '../../common/editor/serialized';

export const DRAFT_FORMATS = ['docx', 'markdown', 'html', 'text', 'page-text'] as const;
export type DraftFormat = (typeof DRAFT_FORMATS)[number];

/** A reader comment found on a copied page, as the comment importer's page-text parser reads it. */
export type { PageTextComment as PageComment } from '../importers/page-text';
import type { PageTextComment as PageComment } from '../importers/page-text';

export interface DraftDocument {
  format: DraftFormat;
  title: string;
  standfirst: string;
  /** The kicker above the title ("Guest blog"); null keeps the default. */
  label: string | null;
  body: SerializedEditorState;
  comments: PageComment[];
  warnings: string[];
}

/** "guest_post-FINAL v2.docx" -> "guest post FINAL v2": a title to start from when the file has none. */
export function titleFromFileName(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  return base.replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 300) || 'Imported draft';
}

/** Trims a line the way a reader sees it: non-breaking and zero-width spaces count as space. */
export function cleanLine(line: string): string {
  return line.replace(/[\u00a0\u200b\u200c\u200d\ufeff]/g, ' ').replace(/\s+/g, ' ').trim();
}
