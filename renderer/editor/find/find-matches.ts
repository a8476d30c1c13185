/**
 * Finding text in the draft and replacing it. Matches are found per block over the joined text of
 * its runs, so a word that changes format midway ("**hal**f") is still one match. Replacement edits
 * the text nodes directly (no selection juggling), keeping the first run's format.
 */
import { $findMatchingParent } from '@lexical/utils';
import { $getRoot, $getNodeByKey, $isElementNode, $isTextNode, type LexicalNode, type NodeKey, type TextNode } from 'lexical';

export interface FindOptions {
  matchCase: boolean;
  wholeWord: boolean;
}

export interface TextPoint {
  key: NodeKey;
  offset: number;
}

export interface Match {
  start: TextPoint;
  end: TextPoint;
}

interface Segment {
  nodes: TextNode[];
  starts: number[];
  text: string;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function buildPattern(query: string, o: FindOptions): RegExp | null {
  if (!query) return null;
  const body = escapeRegExp(query);
  const source = o.wholeWord ? `(?<![\\p{L}\\p{N}_])${body}(?![\\p{L}\\p{N}_])` : body;
  return new RegExp(source, o.matchCase ? 'gu' : 'giu');
}

function blockOf(node: LexicalNode): LexicalNode | null {
  return $findMatchingParent(node, (n) => $isElementNode(n) && !n.isInline());
}

/** Runs of text that read continuously: same block, nothing but inline wrappers (links) between. */
function $segments(): Segment[] {
  const out: Segment[] = [];
  let current: Segment | null = null;
  let currentBlock: LexicalNode | null = null;
  let prev: TextNode | null = null;
  for (const node of $getRoot().getAllTextNodes()) {
    if (!$isTextNode(node)) continue;
    const block = blockOf(node);
    const continuous =
      current !== null && block !== null && currentBlock !== null && block.is(currentBlock) && prev !== null &&
      (prev.getNextSibling()?.is(node) || !prev.getParent()?.is(node.getParent()));
    if (!continuous || !current) {
      current = { nodes: [], starts: [], text: '' };
      out.push(current);
      currentBlock = block;
    }
    current.starts.push(current.text.length);
    current.nodes.push(node);
    current.text += node.getTextContent();
    prev = node;
  }
  return out;
}

function pointAt(seg: Segment, pos: number, isEnd: boolean): TextPoint {
  for (let i = seg.nodes.length - 1; i >= 0; i--) {
    const start = seg.starts[i];
    if (isEnd ? pos > start : pos >= start) return { key: seg.nodes[i].getKey(), offset: pos - start };
  }
  return { key: seg.nodes[0].getKey(), offset: 0 };
}

/** Every match in document order. Call inside editor.read/update. */
export function $findMatches(query: string, o: FindOptions, limit = 10000): Match[] {
  const pattern = buildPattern(query, o);
  if (!pattern) return [];
  const matches: Match[] = [];
  for (const seg of $segments()) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(seg.text); m; m = pattern.exec(seg.text)) {
      if (m[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      matches.push({ start: pointAt(seg, m.index, false), end: pointAt(seg, m.index + m[0].length, true) });
      if (matches.length >= limit) return matches;
    }
  }
  return matches;
}

/** Replaces one match's text. Returns false when the match no longer fits the document. */
export function $replaceMatch(match: Match, replacement: string): boolean {
  const first = $getNodeByKey(match.start.key);
  const last = $getNodeByKey(match.end.key);
  if (!$isTextNode(first) || !$isTextNode(last)) return false;
  if (first.is(last)) {
    first.spliceText(match.start.offset, match.end.offset - match.start.offset, replacement, false);
    return true;
  }
  // Across runs: the first keeps the replacement, the runs between go, the last loses its head.
  const between: TextNode[] = [];
  const all = $getRoot().getAllTextNodes();
  const from = all.findIndex((n) => n.is(first));
  const to = all.findIndex((n) => n.is(last));
  if (from < 0 || to < from) return false;
  for (let i = from + 1; i < to; i++) between.push(all[i]);
  first.spliceText(match.start.offset, first.getTextContentSize() - match.start.offset, replacement, false);
  for (const n of between) n.remove();
  last.spliceText(0, match.end.offset, '', false);
  if (last.getTextContentSize() === 0) last.remove();
  return true;
}

/** Replaces all matches, last first so earlier positions stay valid. Call inside one editor.update (one undo step). */
export function $replaceAll(query: string, o: FindOptions, replacement: string): number {
  const matches = $findMatches(query, o, Number.MAX_SAFE_INTEGER);
  for (let i = matches.length - 1; i >= 0; i--) $replaceMatch(matches[i], replacement);
  return matches.length;
}
