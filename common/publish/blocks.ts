/**
 * Block content as semantic HTML: paragraphs, headings with unique slug ids, quotes, pull quotes,
 * nested lists, figures, rules and tables (table.ts). Editor concerns (indent, alignment, theme classes, list item
 * values) are left behind: the published page carries structure, the stylesheet the looks.
 */
import { slugify } from '../text';
import { cleanText, escapeAttr, escapeText, isSafeImageDataUrl } from './escape';
import { inlineText, renderInlines } from './inline';
import { nodeList, num, str, type RenderContext } from './context';
import { renderTable } from './table';

export function renderBlocks(nodes: unknown, ctx: RenderContext): string {
  const parts: string[] = [];
  for (const node of nodeList(nodes)) {
    const html = renderBlock(node, ctx);
    if (html) parts.push(html);
  }
  return parts.join('\n');
}

function hasText(html: string): boolean {
  return html.replace(/<br>\n?/g, '').trim() !== '';
}

function renderBlock(node: Record<string, unknown>, ctx: RenderContext): string {
  switch (node.type) {
    case 'paragraph': {
      const inner = renderInlines(node.children, ctx);
      // Empty paragraphs are the editor's spacing, not content.
      return hasText(inner) ? `<p>${inner}</p>` : '';
    }
    case 'heading':
      return renderHeading(node, ctx);
    case 'quote': {
      const inner = renderInlines(node.children, ctx);
      return hasText(inner) ? `<blockquote>\n<p>${inner}</p>\n</blockquote>` : '';
    }
    case 'pullquote': {
      const inner = renderInlines(node.children, ctx);
      return hasText(inner) ? `<aside class="pull-quote">\n<blockquote>\n<p>${inner}</p>\n</blockquote>\n</aside>` : '';
    }
    case 'list':
      return renderList(node, ctx);
    case 'image':
      return renderImage(node, ctx);
    case 'horizontalrule':
      return '<hr>';
    case 'table':
      return renderTable(node, ctx, renderBlocks);
    default: {
      const kind = cleanText(str(node.type)).slice(0, 40) || 'untyped';
      if (Array.isArray(node.children)) {
        ctx.warn('node-unknown', `a "${kind}" block was published as a paragraph of its text`);
        const inner = renderInlines(node.children, ctx);
        return hasText(inner) ? `<p>${inner}</p>` : '';
      }
      ctx.warn('node-unknown', `a "${kind}" block has no content the exporter understands and was left out`);
      return '';
    }
  }
}

function renderHeading(node: Record<string, unknown>, ctx: RenderContext): string {
  const inner = renderInlines(node.children, ctx);
  if (!hasText(inner)) return '';
  const wanted = /^h[2-6]$/.test(str(node.tag)) ? Number(str(node.tag)[1]) : 2;
  // Levels never skip (h2 then h4 confuses screen-reader navigation); the title is the page's h1.
  const level = Math.min(wanted, ctx.lastHeadingLevel + 1, 6);
  const text = inlineText(node.children, null);
  if (level !== wanted) {
    ctx.warn('heading-level-adjusted', `the heading "${text.slice(0, 60)}" was published as h${level}, not h${wanted}, so levels do not skip`);
  }
  ctx.lastHeadingLevel = level;
  const slug = slugify(text, 60);
  const id = ctx.claimId(slug === 'untitled' && !/untitled/i.test(text) ? 'section' : slug);
  return `<h${level} id="${id}">${inner}</h${level}>`;
}

/** Lexical nests a list as a list item holding only that list; HTML nests it inside the previous <li>. */
function renderList(node: Record<string, unknown>, ctx: RenderContext): string {
  const tag = node.listType === 'number' || node.tag === 'ol' ? 'ol' : 'ul';
  const items: string[] = [];
  for (const item of nodeList(node.children)) {
    const children = nodeList(item.children);
    const nested = children.length > 0 && children.every((c) => c.type === 'list');
    if (nested) {
      const lists = children.map((c) => renderList(c, ctx)).filter(Boolean).join('\n');
      if (!lists) continue;
      if (items.length) items[items.length - 1] += `\n${lists}`;
      else items.push(lists);
      continue;
    }
    const inline = children.filter((c) => c.type !== 'list');
    const sublists = children.filter((c) => c.type === 'list').map((c) => renderList(c, ctx)).filter(Boolean);
    items.push([renderInlines(inline, ctx), ...sublists].join('\n'));
  }
  if (!items.length) return '';
  const start = num(node.start);
  const startAttr = tag === 'ol' && start !== null && start !== 1 && Number.isInteger(start) ? ` start="${start}"` : '';
  return `<${tag}${startAttr}>\n${items.map((i) => `<li>${i}</li>`).join('\n')}\n</${tag}>`;
}

function renderImage(node: Record<string, unknown>, ctx: RenderContext): string {
  const n = ++ctx.imageCount;
  const src = str(node.src);
  const caption = cleanText(str(node.caption)).trim();
  const alt = cleanText(str(node.altText)).trim();
  const where = `image ${n}${caption ? ` ("${caption.slice(0, 50)}")` : ''}`;
  let url: string | null = null;
  if (src.startsWith('asset:')) {
    url = ctx.assetUrls[src.slice('asset:'.length)] ?? null;
    if (url === null) {
      ctx.warn('image-missing-source', `${where}: its picture (${src.slice(0, 60)}) is not in the store and was left out`);
      return '';
    }
  } else if (isSafeImageDataUrl(src)) {
    url = src;
  } else {
    ctx.warn('image-unsupported-source', `${where}: "${cleanText(src).slice(0, 60)}" is not a stored picture or an image data URL and was left out`);
    return '';
  }
  if (!alt) ctx.warn('image-missing-alt', `${where}: no alt text; describe the picture for readers who cannot see it`);
  const width = num(node.width);
  const height = num(node.height);
  const size =
    width !== null && height !== null && width > 0 && height > 0 ? ` width="${Math.round(width)}" height="${Math.round(height)}"` : '';
  const img = `<img src="${escapeAttr(url)}" alt="${escapeAttr(alt)}"${size}>`;
  return caption ? `<figure>\n${img}\n<figcaption>${escapeText(caption)}</figcaption>\n</figure>` : `<figure>\n${img}\n</figure>`;
}
