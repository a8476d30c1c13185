/**
 * Imported comment HTML is hostile. An allow-list sanitizer (DOMPurify on one jsdom window made
 * once, since DOMPurify is only safe in Node with a real DOM) keeps p, br, a, em, strong, b, i,
 * blockquote, code, pre, ul, ol, li; links keep only http, https and mailto hrefs and get
 * rel="nofollow ugc noopener". Bodies without '<' or '&' cannot hold markup, so they skip the DOM
 * entirely (escaped and split into paragraphs); simple markup is rebuilt from tokens
 * (simple-html.ts) and ordinary markup from parse5's tree (parsed-html.ts), each giving exactly
 * what DOMPurify gives; only the unusual rest (scripts, SVG, templates, comments...) reaches
 * DOMPurify, whose per-call jsdom document costs about a millisecond: that keeps large imports fast.
 */
import { createRequire } from 'node:module';
import type { DOMPurify } from 'dompurify';
import type { JSDOM } from 'jsdom';
import { sanitizeParsedHtml } from './parsed-html';
import { sanitizeSimpleHtml } from './simple-html';

export interface CleanBody {
  html: string;
  /** Plain text for search and display: paragraphs separated by a blank line. */
  text: string;
}

const ALLOWED_TAGS = ['p', 'br', 'a', 'em', 'strong', 'b', 'i', 'blockquote', 'code', 'pre', 'ul', 'ol', 'li'];
const SAFE_HREF = /^(?:https?:|mailto:)/i;
const BLOCK = new Set(['P', 'BLOCKQUOTE', 'PRE', 'UL', 'OL', 'LI']);

const PURIFY_CONFIG = {
  ALLOWED_TAGS,
  ALLOWED_ATTR: ['href'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  KEEP_CONTENT: true,
  SANITIZE_DOM: true,
  RETURN_DOM: true as const,
};

let purifier: { purify: DOMPurify; window: JSDOM['window'] } | null = null;

function instance() {
  if (purifier) return purifier;
  // Loaded on the first body that needs them: jsdom alone takes most of a second to load, and
  // the other paths clean almost every real comment (an import of ordinary comments never loads it).
  const require = createRequire(import.meta.url);
  const { JSDOM } = require('jsdom') as typeof import('jsdom');
  const createDOMPurify = require('dompurify') as typeof import('dompurify').default;
  const { window } = new JSDOM('<!doctype html><html><body></body></html>');
  const purify = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName !== 'A') return;
    const el = node as Element;
    const href = (el.getAttribute('href') ?? '').trim();
    if (!SAFE_HREF.test(href)) el.removeAttribute('href');
    el.setAttribute('rel', 'nofollow ugc noopener');
  });
  purifier = { purify, window };
  return purifier;
}

// The same escapes innerHTML uses for text, so escaped plain bodies and sanitized HTML compare equal on re-import.
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\u00a0': '&nbsp;' };
const NEEDS_ESCAPE = /[&<>\u00a0]/;
export function escapeHtml(text: string): string {
  // Most text holds none of them: a test is far cheaper than a replace with a callback.
  return NEEDS_ESCAPE.test(text) ? text.replace(/[&<>\u00a0]/g, (c) => ESCAPES[c]) : text;
}

function normalizeNewlines(s: string): string {
  return s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s;
}

function withoutNul(s: string): string {
  return s.includes('\u0000') ? s.replace(/\u0000/g, '') : s;
}

/** Plain text -> paragraphs on blank lines, <br> for single line breaks. */
export function textToHtml(text: string): CleanBody {
  const clean = withoutNul(normalizeNewlines(text)).trim();
  if (!clean) return { html: '', text: '' };
  const paras = clean.split(/\n[ \t]*\n\s*/);
  return {
    html: paras.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join(''),
    text: paras.join('\n\n'),
  };
}

/** WordPress stores comments with bare line breaks (it adds <p> when it shows them); do the same. */
function autop(html: string): string {
  if (/<(p|blockquote|pre|ul|ol)[\s>]/i.test(html)) return html;
  return html
    .split(/\n[ \t]*\n\s*/)
    .map((p) => `<p>${p.replace(/\n/g, '<br>')}</p>`)
    .join('');
}

/** Sanitizes through DOMPurify always (the reference the fast path is tested against). */
export function sanitizeWithDomPurify(html: string): CleanBody {
  const { purify, window } = instance();
  // A comment is a piece of a page's body, so it is parsed as one: the HTML fragment algorithm with
  // a <body> context, as the page that shows it parses it. Handed a string, DOMPurify would parse a
  // whole document, where a leading <frameset> replaces the body and nothing comes back.
  const context = window.document.createElement('body');
  context.innerHTML = html;
  const fragment = window.document.createDocumentFragment();
  fragment.append(...context.childNodes);
  // Given a node, DOMPurify sanitizes a copy of it inside a fresh <body> of its own.
  const body = purify.sanitize(fragment, PURIFY_CONFIG) as unknown as HTMLElement;
  return { html: body.innerHTML.trim(), text: plainText(body) };
}

export function sanitizeCommentHtml(html: string): CleanBody {
  const source = withoutNul(normalizeNewlines(html)).trim();
  if (!/[<&]/.test(source)) return textToHtml(source);
  const wrapped = autop(source);
  return sanitizeSimpleHtml(wrapped) ?? sanitizeParsedHtml(wrapped) ?? sanitizeWithDomPurify(wrapped);
}

/** Text of sanitized markup: blocks and <br> become line breaks, a blank line between paragraphs. */
function plainText(root: Node): string {
  let out = '';
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) out += child.nodeValue ?? '';
      else if (child.nodeName === 'BR') out += '\n';
      else if (child.nodeType === 1) {
        const block = BLOCK.has(child.nodeName);
        if (block && out && !out.endsWith('\n\n')) out += child.nodeName === 'LI' ? (out.endsWith('\n') ? '' : '\n') : out.endsWith('\n') ? '\n' : '\n\n';
        walk(child);
        if (block && child.nodeName !== 'LI' && !out.endsWith('\n')) out += '\n';
      }
    }
  };
  walk(root);
  return out.replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

/**
 * The body as stored: HTML bodies sanitized, plain ones escaped. It never throws: should cleaning
 * fail on some input no test foresaw, the body is stored empty and onFailure hears why, so that one
 * comment can never stop a whole import.
 */
export function cleanCommentBody(body: string, isHtml: boolean, onFailure?: (why: string) => void): CleanBody {
  try {
    return isHtml ? sanitizeCommentHtml(body) : textToHtml(body);
  } catch (err) {
    onFailure?.(`its body could not be sanitized (${err instanceof Error ? err.message : String(err)}), so it was stored empty`);
    return { html: '', text: '' };
  }
}
