/**
 * Reading serialized Lexical state without Lexical: the store needs a draft's plain text for
 * search and word counts, and must not load the editor to get it.
 */
import type { EditorState } from '../domain';

interface SerializedNode {
  type?: string;
  text?: string;
  children?: SerializedNode[];
  altText?: string;
  caption?: string;
  note?: string;
  $?: { caption?: unknown };
}

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'quote', 'pullquote', 'listitem', 'list', 'image', 'horizontalrule', 'footnote', 'table', 'tablerow', 'tablecell']);

/** The text of a draft, one line per block, as a reader would see it. */
export function editorStateText(state: EditorState): string {
  const out: string[] = [];
  let line = '';
  const walk = (node: SerializedNode) => {
    if (typeof node.text === 'string') line += node.text;
    else if (node.type === 'linebreak') line += '\n';
    else if (node.type === 'tab') line += '\t';
    const isBlock = node.type !== undefined && BLOCK_TYPES.has(node.type);
    if (isBlock && line) {
      out.push(line);
      line = '';
    }
    if (node.type === 'image' && node.caption) out.push(node.caption);
    if (node.type === 'table' && typeof node.$?.caption === 'string' && node.$.caption) out.push(node.$.caption);
    for (const child of node.children ?? []) walk(child);
    if (isBlock && line) {
      out.push(line);
      line = '';
    }
  };
  for (const child of (state.root.children ?? []) as SerializedNode[]) walk(child);
  if (line) out.push(line);
  return out.join('\n');
}

export function emptyEditorState(): EditorState {
  return {
    root: {
      type: 'root',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: [paragraphNode([])],
    },
  };
}

export function paragraphNode(children: unknown[]): Record<string, unknown> {
  return { type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children };
}

export function textNode(text: string, format = 0): Record<string, unknown> {
  return { type: 'text', version: 1, text, format, detail: 0, mode: 'normal', style: '' };
}
