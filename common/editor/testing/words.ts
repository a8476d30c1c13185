/**
 * For tests on headless editors: finding words in the text and selecting them as a person would
 * (inside editor.update or read).
 */
import { $createRangeSelection, $getRoot, $isElementNode, $setSelection, type TextNode } from 'lexical';

/** The text node of paragraph `p` holding `word`, and the word's offset in it. */
export function $find(p: number, word: string): [TextNode, number] {
  const para = $getRoot().getChildAtIndex(p);
  if (!$isElementNode(para)) throw new Error(`no paragraph ${p}`);
  for (const t of para.getAllTextNodes()) {
    const at = t.getTextContent().indexOf(word);
    if (at !== -1) return [t, at];
  }
  throw new Error(`"${word}" is not in paragraph ${p}`);
}

/** Selects from the start of `from` (in paragraph fp) to the end of `to` (in paragraph tp), as a person dragging would. */
export function $select(fp: number, from: string, tp: number, to: string) {
  const [a, ao] = $find(fp, from);
  const [b, bo] = $find(tp, to);
  const sel = $createRangeSelection();
  sel.anchor.set(a.getKey(), ao, 'text');
  sel.focus.set(b.getKey(), bo + to.length, 'text');
  $setSelection(sel);
  return sel;
}
