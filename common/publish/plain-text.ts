/**
 * The plain-text version of a body, for "Copy as plain text" and the CMS's excerpt fields:
 * paragraphs separated by blank lines, list items marked and indented, footnote markers [n].
 */
import { cleanText } from './escape';
import { inlineText } from './inline';
import { nodeList, num, str, type RenderContext } from './context';
import { tableText } from './table';

export function blocksText(nodes: unknown, ctx: RenderContext): string {
  const parts: string[] = [];
  for (const node of nodeList(nodes)) {
    const text = blockText(node, ctx);
    if (text.trim()) parts.push(text);
  }
  return parts.join('\n\n');
}

function blockText(node: Record<string, unknown>, ctx: RenderContext): string {
  switch (node.type) {
    case 'quote':
    case 'pullquote':
      return inlineText(node.children, ctx, true)
        .split('\n')
        .map((l) => `> ${l}`)
        .join('\n');
    case 'list':
      return listText(node, ctx, 0);
    case 'image': {
      const alt = cleanText(str(node.altText)).trim();
      const caption = cleanText(str(node.caption)).trim();
      return [alt && `[Image: ${alt}]`, caption].filter(Boolean).join('\n');
    }
    case 'horizontalrule':
      return '* * *';
    case 'table':
      return tableText(node, ctx);
    default:
      return Array.isArray(node.children) ? inlineText(node.children, ctx, true) : '';
  }
}

function listText(node: Record<string, unknown>, ctx: RenderContext, depth: number): string {
  const ordered = node.listType === 'number' || node.tag === 'ol';
  let n = num(node.start) ?? 1;
  const lines: string[] = [];
  for (const item of nodeList(node.children)) {
    const children = nodeList(item.children);
    const inline = children.filter((c) => c.type !== 'list');
    if (inline.length) {
      const marker = ordered ? `${n++}.` : '-';
      const indent = '   '.repeat(depth);
      const text = inlineText(inline, ctx, true).split('\n').join(`\n${indent}  `);
      lines.push(`${indent}${marker} ${text}`);
    }
    for (const sub of children.filter((c) => c.type === 'list')) lines.push(listText(sub, ctx, depth + 1));
  }
  return lines.join('\n');
}
