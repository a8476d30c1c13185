/** The draft node set: the editor, the headless exporter and the importers all register this list. */
import type { Klass, LexicalNode } from 'lexical';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { ListItemNode, ListNode } from '@lexical/list';
import { AutoLinkNode, LinkNode } from '@lexical/link';
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import { MarkNode } from '@lexical/mark';
import { PullQuoteNode } from './PullQuoteNode';
import { ImageNode } from './ImageNode';
import { FootnoteNode } from './FootnoteNode';
import { HorizontalRuleNode } from './HorizontalRuleNode';
import { SuggestedDeletionNode, SuggestedFormatNode, SuggestedInsertionNode } from './SuggestionNodes';

export const DRAFT_NODES: Klass<LexicalNode>[] = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  AutoLinkNode,
  PullQuoteNode,
  ImageNode,
  FootnoteNode,
  HorizontalRuleNode,
  TableNode,
  TableRowNode,
  TableCellNode,
  // Anchors editorial notes (common/editor/note-marks.ts); unwrapped by every exporter.
  MarkNode,
  // Pending suggested changes (common/editor/suggestions.ts); not applied by any exporter.
  SuggestedInsertionNode,
  SuggestedDeletionNode,
  SuggestedFormatNode,
];

export { PullQuoteNode, $createPullQuoteNode, $isPullQuoteNode } from './PullQuoteNode';
export { ImageNode, $createImageNode, $isImageNode, assetIdOf, ASSET_PREFIX, type ImagePayload } from './ImageNode';
export { FootnoteNode, $createFootnoteNode, $isFootnoteNode, MAX_FOOTNOTE_LENGTH } from './FootnoteNode';
export { HorizontalRuleNode, $createHorizontalRuleNode, $isHorizontalRuleNode } from './HorizontalRuleNode';
export { setDecoratorRenderer, type DecoratorRenderer } from './decorator-renderer';
export { isAllowedUrl, LINK_URL_RULE } from './link-rules';
export { TABLE_CAPTION, $getTableCaption, $setTableCaption } from './table-caption';
