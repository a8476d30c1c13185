/**
 * Which importer reads a file: by content first (a zip is Word, markup is HTML, a copied page has
 * its comment section), then by extension for Markdown and plain text.
 */
import type { DraftFormat } from './document';
import { looksLikePageText } from './page-text-draft';

export const DRAFT_EXTENSIONS = ['docx', 'md', 'markdown', 'html', 'htm', 'txt', 'text'] as const;

function extensionOf(fileName: string): string {
  const m = /\.([a-z0-9]+)$/i.exec(fileName);
  return m ? m[1].toLowerCase() : '';
}

export function isZip(data: Uint8Array): boolean {
  return data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04;
}

/** Decides the format of bytes that are not a zip from their text and name. */
export function detectTextFormat(fileName: string, text: string): Exclude<DraftFormat, 'docx'> {
  const ext = extensionOf(fileName);
  const head = text.slice(0, 2000).trimStart().toLowerCase();
  if (ext === 'html' || ext === 'htm' || head.startsWith('<!doctype html') || head.startsWith('<html')) return 'html';
  if (ext === 'md' || ext === 'markdown') return 'markdown';
  if (looksLikePageText(text)) return 'page-text';
  return 'text';
}

export function detectDraftFormat(fileName: string, data: Uint8Array, text: () => string): DraftFormat {
  if (isZip(data) || extensionOf(fileName) === 'docx') return 'docx';
  return detectTextFormat(fileName, text());
}
