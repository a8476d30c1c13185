/** Turning the selected blocks into another block type, and reading which type they are. */
import { $createHeadingNode, $createQuoteNode, $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import { $isListNode, ListNode } from '@lexical/list';
import { $setBlocksType } from '@lexical/selection';
import { $findMatchingParent, $getNearestNodeOfType } from '@lexical/utils';
import { $createParagraphNode, $getSelection, $isRangeSelection, $isRootOrShadowRoot, type LexicalNode } from 'lexical';
import { $createPullQuoteNode, $isPullQuoteNode } from '../../common/editor/nodes';

export type BlockType = 'paragraph' | 'h2' | 'h3' | 'h4' | 'quote' | 'pullquote' | 'bullet' | 'number';

export const BLOCK_LABELS: Record<BlockType, string> = {
  paragraph: 'Paragraph',
  h2: 'Heading 2',
  h3: 'Heading 3',
  h4: 'Heading 4',
  quote: 'Block quote',
  pullquote: 'Pull quote',
  bullet: 'Bulleted list',
  number: 'Numbered list',
};

/** Sets a non-list block type on every selected block (lists go through the list commands). */
export function $setBlockType(type: Exclude<BlockType, 'bullet' | 'number'>): void {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return;
  switch (type) {
    case 'paragraph':
      return $setBlocksType(selection, () => $createParagraphNode());
    case 'h2':
    case 'h3':
    case 'h4':
      return $setBlocksType(selection, () => $createHeadingNode(type));
    case 'quote':
      return $setBlocksType(selection, () => $createQuoteNode());
    case 'pullquote':
      return $setBlocksType(selection, () => $createPullQuoteNode());
  }
}

/** The block type at the selection's anchor, for the toolbar's pressed states. */
export function $blockTypeAtSelection(): BlockType | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  const anchor = selection.anchor.getNode();
  const top: LexicalNode | null =
    anchor.getKey() === 'root' ? anchor : $findMatchingParent(anchor, (n) => {
      const parent = n.getParent();
      return parent !== null && $isRootOrShadowRoot(parent);
    });
  if (!top) return null;
  if ($isListNode(top)) {
    const list = $getNearestNodeOfType(anchor, ListNode) ?? top;
    return list.getListType() === 'number' ? 'number' : 'bullet';
  }
  if ($isHeadingNode(top)) {
    const tag = top.getTag();
    return tag === 'h2' || tag === 'h3' || tag === 'h4' ? tag : 'h2';
  }
  if ($isQuoteNode(top)) return 'quote';
  if ($isPullQuoteNode(top)) return 'pullquote';
  return 'paragraph';
}
