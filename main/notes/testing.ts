/**
 * For tests: adds editorial notes to a stored post the way the window does (a MarkNode with the
 * note's id around the words, made by Lexical on the draft node set, then the note's thread).
 */
import { createHeadlessEditor } from '@lexical/headless';
import { $wrapSelectionInMarkNode } from '@lexical/mark';
import { $createRangeSelection, $getRoot, $isElementNode, $setSelection, type TextNode } from 'lexical';
import type { DB } from '../../db/connection';
import type { EditorState } from '../../common/domain';
import { DRAFT_NODES } from '../../common/editor/nodes';
import { uuidv7 } from '../../common/ids';
import { getPost, updatePost } from '../../db/repos/posts';
import { createNote } from '../../db/repos/notes';

function $firstText(block: number): TextNode {
  const el = $getRoot().getChildAtIndex(block);
  const t = $isElementNode(el) ? el.getAllTextNodes()[0] : undefined;
  if (!t) throw new Error(`block ${block} has no text`);
  return t;
}

/**
 * One note over the last word of block `from` through the first word of block `to`, and one inside
 * block `to`: spans within a block and across blocks. Returns the notes' ids.
 */
export function addNotesToPost(db: DB, slug: string, from = 0, to = 1): string[] {
  const post = getPost(db, { slug });
  const editor = createHeadlessEditor({ namespace: 'notes', nodes: DRAFT_NODES, onError: (e) => { throw e; } });
  editor.setEditorState(editor.parseEditorState(JSON.stringify(post.body)));
  const ids = [uuidv7(), uuidv7()];
  const quotes: string[] = [];
  editor.update(() => {
    const a = $firstText(from);
    const b = $firstText(to);
    const across = $createRangeSelection();
    across.anchor.set(a.getKey(), Math.max(0, a.getTextContentSize() - 6), 'text');
    across.focus.set(b.getKey(), Math.min(4, b.getTextContentSize()), 'text');
    $setSelection(across);
    quotes.push(across.getTextContent());
    $wrapSelectionInMarkNode(across, false, ids[0]);
    const c = $firstText(to).getNextSibling() ?? $firstText(to);
    const inside = $createRangeSelection();
    inside.anchor.set(c.getKey(), 0, 'text');
    inside.focus.set(c.getKey(), Math.min(3, c.getTextContentSize()), 'text');
    quotes.push(inside.getTextContent());
    $wrapSelectionInMarkNode(inside, false, ids[1]);
  }, { discrete: true });
  const body = editor.getEditorState().toJSON() as unknown as EditorState;
  if (!JSON.stringify(body).includes(ids[0]) || !JSON.stringify(body).includes(ids[1])) throw new Error('the notes were not anchored');
  updatePost(db, { id: post.id, baseRevision: post.revision, body });
  const me = { id: null, name: 'Ann Editor' };
  ids.forEach((id, n) => createNote(db, { postId: post.id, id, quote: quotes[n], body: `Private remark ${n + 1}: check the source` }, me));
  return ids;
}
