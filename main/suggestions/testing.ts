/**
 * For tests: pending suggestions in a stored post, as suggestion mode leaves them (Lexical on the
 * draft node set): an insertion inside block `from`, a deletion from the end of block `from`
 * across to the start of block `to` (one id, a part in each), and a bold format change in `to`.
 */
import { createHeadlessEditor } from '@lexical/headless';
import { $createTextNode, $getRoot, $isElementNode, type TextNode } from 'lexical';
import type { DB } from '../../db/connection';
import type { EditorState } from '../../common/domain';
import { DRAFT_NODES } from '../../common/editor/nodes';
import { $createSuggestedDeletionNode, $createSuggestedFormatNode, $createSuggestedInsertionNode } from '../../common/editor/nodes/SuggestionNodes';
import { uuidv7 } from '../../common/ids';
import { getPost, updatePost } from '../../db/repos/posts';

export const SUGGESTED_WORDS = 'Pending words from Gus';
const GUS = { id: 'member-gus', name: 'Gus Guest' };

function $firstText(block: number): TextNode {
  const el = $getRoot().getChildAtIndex(block);
  const t = $isElementNode(el) ? el.getAllTextNodes()[0] : undefined;
  if (!t || t.getTextContentSize() < 8) throw new Error(`block ${block} has no text to suggest on`);
  return t;
}

/** Returns the suggestions' ids. */
export function addSuggestionsToPost(db: DB, slug: string, from = 0, to = 1): string[] {
  const post = getPost(db, { slug });
  const editor = createHeadlessEditor({ namespace: 'suggestions', nodes: DRAFT_NODES, onError: (e) => { throw e; } });
  editor.setEditorState(editor.parseEditorState(JSON.stringify(post.body)));
  const ids = [uuidv7(), uuidv7(), uuidv7()];
  const meta = (n: number) => ({ suggestionId: ids[n], author: GUS, at: '2026-05-01T08:00:00.000Z' });
  editor.update(() => {
    // Deletion across blocks: the last 6 characters of `from` and the first 4 of `to`.
    const a = $firstText(from);
    const [, tail] = a.splitText(a.getTextContentSize() - 6);
    tail.insertBefore($createSuggestedDeletionNode(meta(1)));
    (tail.getPreviousSibling() as ReturnType<typeof $createSuggestedDeletionNode>).append(tail);
    const b = $firstText(to);
    const [head, rest] = b.splitText(4);
    head.insertBefore($createSuggestedDeletionNode(meta(1)));
    (head.getPreviousSibling() as ReturnType<typeof $createSuggestedDeletionNode>).append(head);
    // Insertion inside `from`, after its first 3 characters.
    const [, afterFirst] = $firstText(from).splitText(3);
    afterFirst.insertBefore($createSuggestedInsertionNode(meta(0)).append($createTextNode(` ${SUGGESTED_WORDS} `)));
    // Bold proposed on the next 3 characters of `to`.
    const [word] = rest.splitText(3);
    word.toggleFormat('bold');
    word.insertBefore($createSuggestedFormatNode(meta(2), 1));
    (word.getPreviousSibling() as ReturnType<typeof $createSuggestedFormatNode>).append(word);
  }, { discrete: true });
  const body = editor.getEditorState().toJSON() as unknown as EditorState;
  for (const id of ids) if (!JSON.stringify(body).includes(id)) throw new Error('the suggestions were not made');
  updatePost(db, { id: post.id, baseRevision: post.revision, body });
  return ids;
}
