/**
 * The typing floor: a plain contenteditable holding the long draft's text, one element per block
 * (headings, paragraphs, list items, quotes), no script at all.
 */
import type { SerializedEditorState } from '../../common/editor/serialized';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

type Node = { type?: string; text?: string; tag?: string; caption?: string; children?: Node[] };

function inlineText(n: Node): string {
  if (typeof n.text === 'string') return n.text;
  return (n.children ?? []).map(inlineText).join('');
}

function block(n: Node): string {
  switch (n.type) {
    case 'heading':
      return `<${n.tag}>${esc(inlineText(n))}</${n.tag}>`;
    case 'quote':
    case 'pullquote':
      return `<blockquote>${esc(inlineText(n))}</blockquote>`;
    case 'list':
      return `<ul>${(n.children ?? []).map((li) => `<li>${esc(inlineText(li))}</li>`).join('')}</ul>`;
    case 'image':
      return `<p>${esc(n.caption ?? '')}</p>`;
    case 'horizontalrule':
      return '<hr>';
    default:
      return `<p>${esc(inlineText(n))}</p>`;
  }
}

export function plainPageHtml(state: SerializedEditorState): string {
  const body = (state.root.children as Node[]).map(block).join('\n');
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Plain contenteditable (bench baseline)</title>
<link rel="stylesheet" href="page.css"></head>
<body><div class="plain"><div contenteditable="true" aria-label="Draft body">
${body}
</div></div></body></html>
`;
}
