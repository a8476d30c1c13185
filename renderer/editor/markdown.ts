/**
 * Markdown shortcuts limited to our node set: headings map to h2–h4 only (a post's title is its
 * h1), no code blocks, tables or check lists.
 */
import {
  BOLD_ITALIC_STAR,
  BOLD_STAR,
  BOLD_UNDERSCORE,
  INLINE_CODE,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
  ORDERED_LIST,
  QUOTE,
  STRIKETHROUGH,
  UNORDERED_LIST,
  type ElementTransformer,
  type Transformer,
} from '@lexical/markdown';
import { $createHeadingNode, $isHeadingNode, HeadingNode } from '@lexical/rich-text';

const LEVELS: Record<number, 'h2' | 'h3' | 'h4'> = { 2: 'h2', 3: 'h3', 4: 'h4' };

export const HEADING_H2_H4: ElementTransformer = {
  type: 'element',
  dependencies: [HeadingNode],
  regExp: /^(#{2,4})\s/,
  export: (node, children) => {
    if (!$isHeadingNode(node)) return null;
    return `${'#'.repeat(Number(node.getTag().slice(1)))} ${children(node)}`;
  },
  replace: (parent, children, match) => {
    const heading = $createHeadingNode(LEVELS[match[1].length]);
    heading.append(...children);
    parent.replace(heading);
    heading.select(0, 0);
  },
};

export const DRAFT_TRANSFORMERS: Transformer[] = [
  HEADING_H2_H4,
  QUOTE,
  UNORDERED_LIST,
  ORDERED_LIST,
  INLINE_CODE,
  BOLD_ITALIC_STAR,
  BOLD_STAR,
  BOLD_UNDERSCORE,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
  STRIKETHROUGH,
];
