/**
 * Two members suggest on the same words apart, each in an editor bound through @lexical/yjs to a
 * document of their own, and then exchange their edits: the words are there once, on both sides
 * alike, every suggestion is listed, and accepting or rejecting each still does what it says.
 */
import { $createParagraphNode, $createTextNode, $getRoot, IS_BOLD, IS_ITALIC } from 'lexical';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import type { EditorState } from '../domain';
import { editorStateText } from './state-text';
import { suggestionsInBody, withoutSuggestions, withSuggestions } from './suggestions';
import { $pendingSuggestions, $resolveSuggestions, $suggestDeleteSelection, $suggestFormat } from './suggestion-edits';
import { boundEditor, exchange, type BoundEditor } from './testing/bound-editors';
import { $select } from './testing/words';

const ANN = { id: 'm-ann', name: 'Ann Editor' };
const ED = { id: 'm-ed', name: 'Ed Itor' };
const SENTENCE = 'Admissions rose by ninety in March.';

/** Ann and Ed with the same body, synced once (then each works apart). */
function pair(...paragraphs: string[]): [BoundEditor, BoundEditor] {
  const ann = boundEditor();
  const ed = boundEditor();
  ann.edit(() => $getRoot().clear().append(...paragraphs.map((p) => $createParagraphNode().append($createTextNode(p)))));
  Y.applyUpdate(ed.doc, Y.encodeStateAsUpdate(ann.doc));
  ed.json();
  return [ann, ed];
}

/** Ann suggests bold on her words and Ed italic on his, apart; then their laptops exchange edits. */
function formatApart(annWords: string, edWords: string): [BoundEditor, BoundEditor] {
  const [ann, ed] = pair(SENTENCE);
  ann.edit(() => {
    $select(0, annWords, 0, annWords);
    $suggestFormat('bold', ANN);
  });
  ed.edit(() => {
    $select(0, edWords, 0, edWords);
    $suggestFormat('italic', ED);
  });
  exchange(ann, ed);
  return [ann, ed];
}

const body = (e: BoundEditor) => e.json() as unknown as EditorState;
const readers = (e: BoundEditor) => editorStateText(withoutSuggestions(body(e)));
const accepted = (e: BoundEditor) => editorStateText(withSuggestions(body(e)));
const pending = (e: BoundEditor) => (e.json(), e.editor.getEditorState().read(() => $pendingSuggestions().map((s) => [s.authorName, s.kind, s.quote])));
const formatOf = (e: BoundEditor, word: string) => e.editor.getEditorState().read(() => $getRoot().getAllTextNodes().filter((t) => t.getTextContent().includes(word)).map((t) => t.getFormat()));

describe('suggestions on the same words made apart', () => {
  it('a bold and an italic suggestion on the same word: the word once, both listed, on both laptops', () => {
    const [ann, ed] = formatApart('ninety', 'ninety');
    expect(readers(ann)).toBe(SENTENCE);
    expect(accepted(ann)).toBe(SENTENCE);
    expect(pending(ann).sort()).toEqual([['Ann Editor', 'format', 'ninety'], ['Ed Itor', 'format', 'ninety']]);
    expect(suggestionsInBody(body(ann)).map((s) => s.authorName).sort()).toEqual(['Ann Editor', 'Ed Itor']);
    // Shown as both would have it; readers still get it plain.
    expect(formatOf(ann, 'ninety')).toEqual([IS_BOLD | IS_ITALIC]);
    expect(JSON.stringify(withoutSuggestions(body(ann)))).not.toContain('"format":3');
    expect(ann.json()).toEqual(ed.json());
  });

  it('a deletion and a format change on the same word: the word once; accepting the deletion removes it, rejecting both leaves it plain', () => {
    const [ann, ed] = pair(SENTENCE);
    ann.edit(() => $suggestDeleteSelection($select(0, 'ninety', 0, 'ninety'), ANN, false));
    ed.edit(() => {
      $select(0, 'ninety', 0, 'ninety');
      $suggestFormat('bold', ED);
    });
    exchange(ann, ed);
    expect(readers(ed)).toBe(SENTENCE);
    expect(accepted(ed)).toBe('Admissions rose by in March.');
    expect(pending(ed).sort()).toEqual([['Ann Editor', 'deletion', 'ninety'], ['Ed Itor', 'format', 'ninety']]);
    expect(ann.json()).toEqual(ed.json());

    ed.edit(() => void $resolveSuggestions((s) => s.getAuthorId() === ED.id, 'reject'));
    exchange(ann, ed);
    expect(pending(ann)).toEqual([['Ann Editor', 'deletion', 'ninety']]);
    expect(formatOf(ann, 'ninety')).toEqual([0]);
    ann.edit(() => void $resolveSuggestions(() => true, 'accept'));
    exchange(ann, ed);
    expect(readers(ed)).toBe('Admissions rose by in March.');
    expect(pending(ed)).toEqual([]);
  });

  it('settling one of two format changes keeps the other: reject Ann\'s bold, then accept Ed\'s italic', () => {
    const [ann, ed] = formatApart('ninety', 'ninety');
    ann.edit(() => void $resolveSuggestions((s) => s.getAuthorId() === ANN.id, 'reject'));
    exchange(ann, ed);
    expect(pending(ed)).toEqual([['Ed Itor', 'format', 'ninety']]);
    expect(formatOf(ed, 'ninety')).toEqual([IS_ITALIC]);
    expect(JSON.stringify(withoutSuggestions(body(ed)))).not.toContain(`"format":${IS_ITALIC}`);
    ed.edit(() => void $resolveSuggestions(() => true, 'accept'));
    exchange(ann, ed);
    expect(pending(ann)).toEqual([]);
    expect(readers(ann)).toBe(SENTENCE);
    expect(formatOf(ann, 'ninety')).toEqual([IS_ITALIC]);
    expect(ann.json()).toEqual(ed.json());
  });

  it('overlapping words ("rose by ninety" and "ninety in"): every word once, both listed', () => {
    const [ann, ed] = formatApart('rose by ninety', 'ninety in');
    expect(readers(ann)).toBe(SENTENCE);
    expect(readers(ed)).toBe(SENTENCE);
    expect(pending(ann).map(([name]) => name).sort()).toEqual(['Ann Editor', 'Ed Itor']);
    expect(ann.json()).toEqual(ed.json());
  });

  it('one word inside the other\'s ("ninety" and "in" within it): every letter once, both listed', () => {
    const [ann, ed] = formatApart('ninety', 'nety');
    expect(readers(ann)).toBe(SENTENCE);
    expect(pending(ed).map(([name]) => name).sort()).toEqual(['Ann Editor', 'Ed Itor']);
    expect(ann.json()).toEqual(ed.json());
  });

  it('the same words in two paragraphs, one suggested on each side, are both kept', () => {
    const [ann, ed] = pair('Yes, we can.', 'Yes, we can.');
    ann.edit(() => {
      $select(0, 'we', 0, 'we');
      $suggestFormat('bold', ANN);
    });
    ed.edit(() => {
      $select(1, 'we', 1, 'we');
      $suggestFormat('italic', ED);
    });
    exchange(ann, ed);
    expect(readers(ann)).toBe('Yes, we can.\nYes, we can.');
    expect(pending(ann)).toEqual([['Ann Editor', 'format', 'we'], ['Ed Itor', 'format', 'we']]);
  });
});
