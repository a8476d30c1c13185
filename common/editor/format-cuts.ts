/**
 * Stamps the pieces a plain format change cuts a text into, as suggestions stamp theirs.
 *
 * Making some words of a text bold (or italic, or any format or style) with Lexical's own
 * formatText splits the text node, and @lexical/yjs writes that split as "delete the words, insert
 * a new node holding a copy" (copy-stamps.ts). Two members who format the same text apart both
 * insert a copy, and the merge holds the words twice. Stamping the pieces lets the same mend
 * (merged-copies.ts) keep the words once. The stamp also records the format the words had before
 * (`was`), so the mend can keep what each member changed: bold from one and italic from the other
 * is bold italic.
 *
 * A node transform sees every split however it was made (toolbar, keyboard shortcut, command),
 * inside the same update, so the stamps travel with the split in one change (and one undo step).
 */
import { $getEditor, $getNodeByKey, $getState, $hasUpdateTag, $isTextNode, COLLABORATION_TAG, TextNode, type LexicalEditor } from 'lexical';
import { uuidv7 } from '../ids';
import { $stampPieces, COPY_STAMP } from './copy-stamps';

const sameStamp = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * If `node` is the first piece of a text this update split into differently formatted pieces
 * (it kept its key and the start of the words; the rest went into new nodes right after it),
 * stamps the pieces.
 */
function $stampFormatCut(node: TextNode): void {
  // A colleague's split arrives stamped by their laptop; stamping it again here would disagree.
  if ($hasUpdateTag(COLLABORATION_TAG)) return;
  const before = $getEditor().getEditorState();
  const prev = $getNodeByKey<TextNode>(node.getKey(), before);
  if (!$isTextNode(prev)) return;
  const uncut = prev.__text;
  const now = node.getTextContent();
  if (now === uncut || !uncut.startsWith(now)) return;
  // A suggestion's cut stamps its own pieces (copy-stamps.ts); a changed stamp means it did.
  const had = $getState(prev, COPY_STAMP, 'direct');
  if (!sameStamp($getState(node, COPY_STAMP), had)) return;
  const pieces = [node];
  let text = now;
  for (let s = node.getNextSibling(); $isTextNode(s) && $getNodeByKey(s.getKey(), before) === null && text.length < uncut.length; s = s.getNextSibling()) {
    pieces.push(s);
    text += s.getTextContent();
  }
  if (pieces.length < 2 || text !== uncut) return;
  // Pieces all alike are a split nothing else changed: Lexical merges them back as it normalizes.
  if (pieces.every((p) => p.getFormat() === node.getFormat() && p.getStyle() === node.getStyle())) return;
  $stampPieces(pieces, uncut, had, uuidv7(), prev.__format);
}

/** Stamps plain format changes' cuts in this editor; returns the unregister function. */
export function registerFormatCutStamps(editor: LexicalEditor): () => void {
  return editor.registerNodeTransform(TextNode, $stampFormatCut);
}
