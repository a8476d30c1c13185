/** The document shell every exported page shares: doctype, head with CSP and meta tags, the stylesheet. */
import { escapeAttr, escapeText } from './escape';
import { STYLESHEET, STYLESHEET_HASH } from './styles';
import type { PublishOptions } from './types';

export interface DocumentParts {
  title: string;
  description: string;
  /** Extra <meta>/<link>/JSON-LD lines for the head, already escaped. */
  head: string[];
  body: string;
  options: PublishOptions;
}

export function pageCsp(stylesheet: boolean): string {
  return [
    "default-src 'none'",
    "img-src 'self' data:",
    `style-src ${stylesheet ? STYLESHEET_HASH : "'none'"}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function meta(name: string, content: string, attr: 'name' | 'property' = 'name'): string {
  return `<meta ${attr}="${name}" content="${escapeAttr(content)}">`;
}

export function renderDocument(p: DocumentParts): string {
  const scheme = p.options.colorScheme === 'auto' ? '' : ` class="theme-${p.options.colorScheme}"`;
  const head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeAttr(pageCsp(p.options.stylesheet))}">`,
    `<title>${escapeText(p.title.trim() || 'Untitled')}</title>`,
    p.description.trim() ? meta('description', p.description.trim()) : '',
    p.options.stylesheet ? '<meta name="color-scheme" content="light dark">' : '',
    ...p.head,
    p.options.stylesheet ? `<style>${STYLESHEET}</style>` : '',
  ].filter(Boolean);
  return `<!doctype html>\n<html lang="${escapeAttr(p.options.lang || 'en')}"${scheme}>\n<head>\n${head.join('\n')}\n</head>\n<body>\n${p.body}\n</body>\n</html>\n`;
}
