/**
 * Two members format the same words apart with suggestion mode off (Lexical's own formatText),
 * each in an editor bound through @lexical/yjs to a document of their own, and then exchange
 * their edits: every word is there once, on both sides alike, and both members' formats are kept.
 */
import { $createParagraphNode, $createTextNode, $getRoot, $getSelection, $isRangeSelection, IS_BOLD, IS_ITALIC, type TextFormatType } from 'lexical';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import type { EditorState } from '../domain';
import { editorStateText } from './state-text';
import { boundEditor, exchange, type BoundEditor } from './testing/bound-editors';
import { $select } from './testing/words';

const SENTENCE = 'Admissions rose by ninety in March.';

/** Ann and Ed with the same body; `annFirst` fixes whose copy Yjs places first where both insert at one place. */
function pair(paragraphs: string[], annFirst?: boolean): [BoundEditor, BoundEditor] {
  const ann = boundEditor(annFirst === undefined ? undefined : annFirst ? 1 : 2);
  const ed = boundEditor(annFirst === undefined ? undefined : annFirst ? 2 : 1);
  ann.edit(() => $getRoot().clear().append(...paragraphs.map((p) => $createParagraphNode().append($createTextNode(p)))));
  Y.applyUpdate(ed.doc, Y.encodeStateAsUpdate(ann.doc));
  ed.json();
  return [ann, ed];
}

/** Selects `from`..`to` in paragraph `p` and toggles `format` as the toolbar does (no suggestion). */
function format(e: BoundEditor, p: number, from: string, to: string, kind: TextFormatType) {
  e.edit(() => {
    $select(p, from, p, to);
    const sel = $getSelection();
    if (!$isRangeSelection(sel)) throw new Error('no range selection');
    // As the window's selection does: it takes the format of the words it starts in.
    sel.setFormat(sel.anchor.getNode().getFormat());
    sel.formatText(kind);
  });
}

const text = (e: BoundEditor) => editorStateText(e.json() as unknown as EditorState);
/** Each text node's words and format, in order. */
const runs = (e: BoundEditor) => (e.json(), e.editor.getEditorState().read(() => $getRoot().getAllTextNodes().map((t) => [t.getTextContent(), t.getFormat()])));
/** The format of every character of the text, one number per character. */
const formatPerChar = (e: BoundEditor) => runs(e).flatMap(([t, f]) => [...(t as string)].map(() => f as number));

/** The format of every character of SENTENCE when each of `words` gets its format (ORed where they overlap). */
function expectedFormats(words: [string, number][]): number[] {
  const out = [...SENTENCE].map(() => 0);
  for (const [w, f] of words) for (let i = SENTENCE.indexOf(w); i < SENTENCE.indexOf(w) + w.length; i++) out[i] |= f;
  return out;
}

function formatApart(ann: [string, string, TextFormatType], ed: [string, string, TextFormatType], annFirst?: boolean): [BoundEditor, BoundEditor] {
  const pairOf = pair([SENTENCE], annFirst);
  format(pairOf[0], 0, ...ann);
  format(pairOf[1], 0, ...ed);
  exchange(...pairOf);
  return pairOf;
}

describe('plain formats on the same words made apart', () => {
  it('bold on one laptop and italic on the other on the same word: the word once, bold italic, on both', () => {
    const [ann, ed] = formatApart(['ninety', 'ninety', 'bold'], ['ninety', 'ninety', 'italic']);
    expect(text(ann)).toBe(SENTENCE);
    expect(text(ed)).toBe(SENTENCE);
    expect(runs(ann).filter(([t]) => t === 'ninety')).toEqual([['ninety', IS_BOLD | IS_ITALIC]]);
    expect(runs(ann).filter(([t]) => t !== 'ninety').every(([, f]) => f === 0)).toBe(true);
    expect(ann.json()).toEqual(ed.json());
  });

  it('both make the same word bold: the word once, bold', () => {
    const [ann, ed] = formatApart(['ninety', 'ninety', 'bold'], ['ninety', 'ninety', 'bold']);
    expect(text(ed)).toBe(SENTENCE);
    expect(runs(ed).filter(([t]) => t === 'ninety')).toEqual([['ninety', IS_BOLD]]);
    expect(ann.json()).toEqual(ed.json());
  });

  it('from the start of the text and to its end ("Admissions" bold, "March." italic): every word once, each format where it was put', () => {
    const [ann, ed] = formatApart(['Admissions', 'Admissions', 'bold'], ['March.', 'March.', 'italic'], true);
    expect(text(ann)).toBe(SENTENCE);
    expect(runs(ann)).toEqual([['Admissions', IS_BOLD], [' rose by ninety in ', 0], ['March.', IS_ITALIC]]);
    expect(ann.json()).toEqual(ed.json());
  });

  // Where the copies' order (Yjs places Ed's first) or overlapping words leave no way to keep the
  // words once without one kept copy, one text node with one format, covering words formatted
  // differently, it takes every format its words were given: a format spreads onto neighbouring
  // words rather than being lost.
  for (const [what, annWords, edWords, annFirst] of [
    ['"Admissions" bold, "March." italic, Ed\'s copy first', ['Admissions', 'Admissions', 'bold'], ['March.', 'March.', 'italic'], false],
    ['overlapping "rose by ninety" bold and "ninety in" italic, Ann\'s copy first', ['rose', 'ninety', 'bold'], ['ninety in', 'ninety in', 'italic'], true],
    ['overlapping "rose by ninety" bold and "ninety in" italic, Ed\'s copy first', ['rose', 'ninety', 'bold'], ['ninety in', 'ninety in', 'italic'], false],
  ] as const) {
    it(`${what}: every word once, and no word loses a format it was given`, () => {
      const [ann, ed] = formatApart([...annWords], [...edWords], annFirst);
      expect(text(ann)).toBe(SENTENCE);
      const given = expectedFormats([
        [annWords[0] === 'rose' ? 'rose by ninety' : annWords[0], IS_BOLD],
        [edWords[0], IS_ITALIC],
      ]);
      formatPerChar(ann).forEach((f, i) => expect(f & given[i]).toBe(given[i]));
      expect(ann.json()).toEqual(ed.json());
    });
  }

  it('one clears bold the other sets italic on bold words: the word once, italic (the clearing kept)', () => {
    const [ann, ed] = pair([SENTENCE]);
    format(ann, 0, 'Admissions', 'March.', 'bold');
    exchange(ann, ed);
    format(ann, 0, 'ninety', 'ninety', 'bold');
    format(ed, 0, 'ninety', 'ninety', 'italic');
    exchange(ann, ed);
    expect(text(ann)).toBe(SENTENCE);
    expect(runs(ann).filter(([t]) => t === 'ninety')).toEqual([['ninety', IS_ITALIC]]);
    expect(ann.json()).toEqual(ed.json());
  });

  it('the same words in two paragraphs, one formatted on each side, are both kept', () => {
    const [ann, ed] = pair(['Yes, we can.', 'Yes, we can.']);
    format(ann, 0, 'we', 'we', 'bold');
    format(ed, 1, 'we', 'we', 'italic');
    exchange(ann, ed);
    expect(text(ann)).toBe('Yes, we can.\nYes, we can.');
    expect(runs(ann).filter(([t]) => t === 'we')).toEqual([['we', IS_BOLD], ['we', IS_ITALIC]]);
    expect(ann.json()).toEqual(ed.json());
  });
});
