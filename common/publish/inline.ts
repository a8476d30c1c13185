/**
 * Inline content (text with format bits, line breaks, links, footnote references) as HTML and as
 * plain text. Adjacent text runs with the same format are merged so the markup stays minimal.
 */
import { TEXT_FORMAT } from '../editor/serialized';
import { escapeAttr, escapeText, safeHref, cleanText } from './escape';
import { nodeList, num, str, type RenderContext } from './context';

// Outermost first: <strong><em>…</em></strong>, with <code> innermost.
const FORMAT_TAGS: [number, string][] = [
  [TEXT_FORMAT.bold, 'strong'],
  [TEXT_FORMAT.italic, 'em'],
  [TEXT_FORMAT.underline, 'u'],
  [TEXT_FORMAT.strikethrough, 's'],
  [TEXT_FORMAT.subscript, 'sub'],
  [TEXT_FORMAT.superscript, 'sup'],
  [TEXT_FORMAT.code, 'code'],
];

function formatted(text: string, format: number): string {
  let html = escapeText(text).replace(/\n/g, '<br>\n');
  for (let i = FORMAT_TAGS.length - 1; i >= 0; i--) {
    const [bit, tag] = FORMAT_TAGS[i];
    // Subscript and superscript exclude each other; superscript wins as Lexical's toolbar does.
    if (bit === TEXT_FORMAT.subscript && format & TEXT_FORMAT.superscript) continue;
    if (format & bit) html = `<${tag}>${html}</${tag}>`;
  }
  return html;
}

export function renderInlines(nodes: unknown, ctx: RenderContext, inLink = false): string {
  let out = '';
  let run = '';
  let runFormat = -1;
  const flush = () => {
    if (run) out += formatted(run, runFormat);
    run = '';
    runFormat = -1;
  };
  for (const node of nodeList(nodes)) {
    if (node.type === 'text') {
      const format = num(node.format) ?? 0;
      if (format !== runFormat) flush();
      runFormat = format;
      run += str(node.text);
      continue;
    }
    flush();
    if (node.type === 'linebreak') out += '<br>\n';
    // A link never holds a link: a nested one keeps its text only.
    else if (node.type === 'link' || node.type === 'autolink') out += inLink ? renderInlines(node.children, ctx, true) : renderLink(node, ctx);
    else if (node.type === 'footnote') {
      const n = ctx.addFootnote(str(node.note));
      out += `<sup class="footnote-ref"><a href="#fn-${n}" id="fnref-${n}" role="doc-noteref">${n}</a></sup>`;
    } else if (Array.isArray(node.children)) {
      ctx.warn('node-unknown', `an inline "${cleanText(str(node.type)).slice(0, 40)}" was published as its text`);
      out += renderInlines(node.children, ctx, inLink);
    } else if (typeof node.text === 'string') {
      ctx.warn('node-unknown', `an inline "${cleanText(str(node.type)).slice(0, 40)}" was published as its text`);
      out += escapeText(node.text);
    }
  }
  flush();
  return out;
}

function renderLink(node: Record<string, unknown>, ctx: RenderContext): string {
  const inner = renderInlines(node.children, ctx, true);
  const url = str(node.url);
  const href = safeHref(url);
  if (href === null) {
    ctx.warn('link-unsafe', `the link to "${cleanText(url).slice(0, 80)}" was dropped (only http, https, mailto, tel and relative links are published); its text was kept`);
    return inner;
  }
  const title = str(node.title);
  return `<a href="${escapeAttr(href)}"${title ? ` title="${escapeAttr(title)}"` : ''}>${inner}</a>`;
}

/** Plain text of inline content; footnote references become [n] (numbered by the same context). */
export function inlineText(nodes: unknown, ctx: RenderContext | null, withUrls = false): string {
  let out = '';
  for (const node of nodeList(nodes)) {
    if (node.type === 'text') out += cleanText(str(node.text));
    else if (node.type === 'linebreak') out += '\n';
    else if (node.type === 'footnote') out += ctx ? `[${ctx.addFootnote(str(node.note))}]` : '';
    else if (node.type === 'link' || node.type === 'autolink') {
      const text = inlineText(node.children, ctx, false);
      const href = safeHref(str(node.url));
      out += withUrls && href && href !== text && !href.startsWith('#') ? `${text} (${href})` : text;
    } else if (Array.isArray(node.children)) out += inlineText(node.children, ctx, withUrls);
    else if (typeof node.text === 'string') out += cleanText(node.text);
  }
  return out;
}
