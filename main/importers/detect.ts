/**
 * Format detection from the first few kilobytes of a file (its name only breaks ties), so a
 * renamed or extension-less export is still recognised. The user can always override.
 */
import type { ImportFormat } from '../../common/domain';

export function detectFormat(head: string, fileName = ''): ImportFormat | null {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  // Nothing to recognise: an empty or binary file is no format, whatever its name says.
  if (text === '' || text.includes('\u0000')) return null;
  if (text.startsWith('<')) {
    if (/xmlns:\w+\s*=\s*["']https?:\/\/wordpress\.org\/export\/1\.\d+\/?["']/.test(text) || /<wp:comment[\s>]/.test(text)) return 'wxr';
    if (/<disqus[\s>]/.test(text)) return 'disqus';
    if (/<rss[\s>]/.test(text)) return 'wxr';
    return null;
  }
  if (text.startsWith('[') && /^\[\s*(\{|\])/.test(text)) return 'json';
  if (/(^|\n)#\d+[ \t]+\S/.test(text)) return 'text';
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  if (/\.csv$/i.test(fileName) || (firstLine.includes(',') && /(^|,)\s*"?(comment_content|content|comment|body|text|message)"?\s*(,|$)/i.test(firstLine))) return 'csv';
  if (/\.xml$/i.test(fileName)) return 'wxr';
  if (/\.json$/i.test(fileName)) return 'json';
  if (/\.txt$/i.test(fileName)) return 'text';
  return null;
}

/** Formats whose files say which post each comment belongs to. */
export const FORMATS_WITH_POSTS: readonly ImportFormat[] = ['wxr', 'disqus'];
