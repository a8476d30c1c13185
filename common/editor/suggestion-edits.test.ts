/**
 * Suggestion mode's transforms on a headless editor with the draft node set: what each edit
 * leaves in the body, read back through the same pure functions the exporters use.
 */
import { createHeadlessEditor } from '@lexical/headless';
import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { $createParagraphNode, $createTextNode, $getRoot, HISTORY_PUSH_TAG, UNDO_COMMAND, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import type { EditorState } from '../domain';
import { DRAFT_NODES } from './nodes';
import { editorStateText } from './state-text';
import { suggestionsInBody, withoutSuggestions, withSuggestions } from './suggestions';
import { $find, $select } from './testing/words';
import { $joinsOwnInsertion, $pendingSuggestions, $resolveSuggestions, $suggestDelete, $suggestDeleteSelection, $suggestFormat, $suggestInsertText, $suggestionTexts } from './suggestion-edits';

const ANN = { id: 'm-ann', name: 'Ann Editor' };
const GUS = { id: 'm-gus', name: 'Gus Guest' };

function editorWith(...paragraphs: string[]): LexicalEditor {
  const editor = createHeadlessEditor({ namespace: 't', nodes: DRAFT_NODES, onError: (e) => { throw e; } });
  editor.update(() => $getRoot().append(...paragraphs.map((t) => $createParagraphNode().append($createTextNode(t)))), { discrete: true });
  return editor;
}

const body = (e: LexicalEditor) => e.getEditorState().toJSON() as unknown as EditorState;
const without = (e: LexicalEditor) => editorStateText(withoutSuggestions(body(e)));
const withAll = (e: LexicalEditor) => editorStateText(withSuggestions(body(e)));
const edit = (e: LexicalEditor, fn: () => void, tag?: string) => e.update(fn, { discrete: true, ...(tag ? { tag } : {}) });

/** A caret just before `word` (or after it with `after`). */
function $caret(p: number, word: string, after = false) {
  const [t, at] = $find(p, word);
  t.select(at + (after ? word.length : 0), at + (after ? word.length : 0));
}

const pending = (e: LexicalEditor) => e.getEditorState().read(() => $pendingSuggestions());

describe('suggestion mode: which keys the browser may type itself', () => {
  it('only words joining one\'s own insertion, past its first character', () => {
    const e = editorWith('Admissions rose in March.');
    const joins = (who: typeof ANN) => e.getEditorState().read(() => $joinsOwnInsertion(who));
    edit(e, () => $caret(0, 'rose'));
    expect(joins(ANN)).toBe(false); // plain text: the first key makes the insertion
    edit(e, () => $suggestInsertText('sharply ', ANN));
    expect(joins(ANN)).toBe(true); // the caret is at the end of Ann's words
    expect(joins(GUS)).toBe(false); // someone else's words are not Gus's to join
    edit(e, () => $caret(0, 'sharply'));
    expect(joins(ANN)).toBe(false); // before the first character the browser may type outside the element
    edit(e, () => $caret(0, 'March'));
    expect(joins(ANN)).toBe(false);
  });
});

describe('suggestion mode: insertions', () => {
  it('typed words inside a sentence become one insertion, not applied to the text readers get', () => {
    const e = editorWith('Admissions rose in March.');
    edit(e, () => $caret(0, 'rose'));
    for (const chunk of ['sh', 'arp', 'ly ']) edit(e, () => $suggestInsertText(chunk, ANN));
    expect(without(e)).toBe('Admissions rose in March.');
    expect(withAll(e)).toBe('Admissions sharply rose in March.');
    expect(pending(e)).toMatchObject([{ kind: 'insertion', authorId: ANN.id, authorName: 'Ann Editor', quote: 'sharply ' }]);
    expect(suggestionsInBody(body(e))).toHaveLength(1);
  });

  it('at the start and the end of a paragraph, and after someone else\'s insertion, each is its own suggestion', () => {
    const e = editorWith('middle');
    edit(e, () => $caret(0, 'middle'));
    edit(e, () => $suggestInsertText('start ', ANN));
    edit(e, () => $caret(0, 'middle', true));
    edit(e, () => $suggestInsertText(' end', GUS));
    edit(e, () => $suggestInsertText('!', ANN));
    expect(without(e)).toBe('middle');
    expect(withAll(e)).toBe('start middle end!');
    // Ann's "!" typed at the end of Gus's insertion is hers, beside his.
    expect(pending(e).map((s) => [s.authorName, s.quote])).toEqual([['Ann Editor', 'start '], ['Gus Guest', ' end'], ['Ann Editor', '!']]);
  });

  it('typing over a selection proposes deleting it and inserting the new words', () => {
    const e = editorWith('Admissions rose in March.');
    edit(e, () => $select(0, 'rose', 0, 'rose'));
    edit(e, () => $suggestInsertText('fell', ANN));
    expect(without(e)).toBe('Admissions rose in March.');
    expect(withAll(e)).toBe('Admissions fell in March.');
    expect(pending(e).map((s) => s.kind)).toEqual(['deletion', 'insertion']);
  });
});

describe('suggestion mode: deletions', () => {
  it('Backspace runs are one deletion, kept in the text readers get, and skip words already proposed for deletion', () => {
    const e = editorWith('Admissions rose in March.');
    edit(e, () => $caret(0, ' in', true));
    for (let i = 0; i < 3; i++) edit(e, () => $suggestDelete(true, ANN));
    expect(without(e)).toBe('Admissions rose in March.');
    expect(withAll(e)).toBe('Admissions rose March.');
    expect(pending(e)).toMatchObject([{ kind: 'deletion', quote: ' in' }]);
    // Forward Delete from before the deletion's start stays before it; past the deletion it takes the next words.
    edit(e, () => $caret(0, ' March', true));
    edit(e, () => $suggestDelete(false, ANN));
    expect(withAll(e)).toBe('Admissions rose March');
  });

  it('a selection across paragraphs becomes one deletion suggestion with a part in each paragraph', () => {
    const e = editorWith('First paragraph here.', 'Second paragraph there.');
    edit(e, () => $suggestDeleteSelection($select(0, 'here.', 1, 'Second '), ANN, false));
    expect(without(e)).toBe('First paragraph here.\nSecond paragraph there.');
    expect(withAll(e)).toBe('First paragraph\nparagraph there.');
    const list = pending(e);
    expect(list).toHaveLength(1);
    expect(list[0].quote).toBe('here. Second ');
    expect(e.getEditorState().read(() => $getRoot().getChildrenSize())).toBe(2);
  });

  it('deleting inside one\'s own pending insertion removes those characters; in someone else\'s it proposes a deletion', () => {
    const e = editorWith('Admissions rose.');
    edit(e, () => $caret(0, 'rose'));
    edit(e, () => $suggestInsertText('sharply ', ANN));
    edit(e, () => $suggestDelete(true, ANN));
    edit(e, () => $suggestDelete(true, ANN));
    expect(withAll(e)).toBe('Admissions sharplrose.');
    expect(pending(e).map((s) => s.kind)).toEqual(['insertion']);
    edit(e, () => $suggestDelete(true, GUS));
    expect(withAll(e)).toBe('Admissions sharprose.');
    expect(without(e)).toBe('Admissions rose.');
    expect(pending(e).map((s) => [s.kind, s.authorId])).toEqual([['insertion', ANN.id], ['deletion', GUS.id]]);
  });
});

describe('suggestion mode: formats', () => {
  it('bold becomes a format suggestion that keeps the original format; the exporters\' text is not bold', () => {
    const e = editorWith('Admissions rose in March.');
    edit(e, () => $select(0, 'rose', 0, 'rose'));
    edit(e, () => $suggestFormat('bold', ANN));
    const fmt = (b: EditorState) => JSON.stringify(b).match(/"format":1,[^}]*"text":"rose"|"text":"rose"[^}]*"format":1/) !== null;
    expect(fmt(body(e))).toBe(true);
    expect(fmt(withoutSuggestions(body(e)))).toBe(false);
    expect(fmt(withSuggestions(body(e)))).toBe(true);
    expect(pending(e)).toMatchObject([{ kind: 'format', quote: 'rose' }]);
    // Un-bolding one's own proposal withdraws it.
    edit(e, () => $select(0, 'rose', 0, 'rose'));
    edit(e, () => $suggestFormat('bold', ANN));
    expect(pending(e)).toEqual([]);
    expect(fmt(body(e))).toBe(false);
  });
});

describe('accepting and rejecting', () => {
  function suggested() {
    const e = editorWith('Admissions rose in March.', 'Beds were short.');
    const history = createEmptyHistoryState();
    registerHistory(e, history, 0);
    edit(e, () => $caret(0, 'rose'));
    edit(e, () => $suggestInsertText('sharply ', ANN));
    edit(e, () => $suggestDeleteSelection($select(0, ' in March', 0, ' in March'), GUS, false));
    edit(e, () => $select(1, 'short', 1, 'short'));
    edit(e, () => $suggestFormat('italic', ANN));
    return e;
  }

  it('accept one, reject one: the text holds exactly the accepted change; each is one undo step', () => {
    const e = suggested();
    const [ins, del] = pending(e);
    edit(e, () => void $resolveSuggestions((n) => n.getSuggestionId() === ins.id, 'accept'), HISTORY_PUSH_TAG);
    expect(without(e)).toBe('Admissions sharply rose in March.\nBeds were short.');
    edit(e, () => void $resolveSuggestions((n) => n.getSuggestionId() === del.id, 'reject'), HISTORY_PUSH_TAG);
    expect(withAll(e)).toBe('Admissions sharply rose in March.\nBeds were short.');
    expect(pending(e).map((s) => s.kind)).toEqual(['format']);
    e.dispatchCommand(UNDO_COMMAND, undefined);
    e.read(() => undefined);
    expect(pending(e).map((s) => s.kind)).toEqual(['deletion', 'format']);
    e.dispatchCommand(UNDO_COMMAND, undefined);
    e.read(() => undefined);
    expect(pending(e).map((s) => s.kind)).toEqual(['insertion', 'deletion', 'format']);
    expect(without(e)).toBe('Admissions rose in March.\nBeds were short.');
  });

  it('all of one author\'s, then all; a rejected format change restores the original format', () => {
    const e = suggested();
    edit(e, () => void $resolveSuggestions((n) => n.getAuthorId() === ANN.id, 'reject'));
    expect(pending(e).map((s) => s.authorId)).toEqual([GUS.id]);
    expect(JSON.stringify(body(e))).not.toContain('"format":2');
    edit(e, () => void $resolveSuggestions(() => true, 'accept'));
    expect(pending(e)).toEqual([]);
    expect(without(e)).toBe('Admissions rose.\nBeds were short.');
  });

  it('an accepted deletion takes the space it would leave behind, and only that one', () => {
    const e = editorWith('Roses bloom. Beds were short.', 'The red rose', 'Red roses bloom', 'A rose  bloomed');
    edit(e, () => $suggestDeleteSelection($select(0, 'bloom', 0, 'bloom'), ANN, false));
    edit(e, () => $suggestDeleteSelection($select(1, 'red', 1, 'red'), ANN, false));
    edit(e, () => $suggestDeleteSelection($select(2, 'Red', 2, 'Red'), ANN, false));
    edit(e, () => $suggestDeleteSelection($select(3, 'rose', 3, 'rose'), ANN, false));
    const texts = () => e.getEditorState().read(() => $getRoot().getChildren().map((p) => p.getTextContent()));
    edit(e, () => void $resolveSuggestions(() => true, 'reject'));
    expect(texts()).toEqual(['Roses bloom. Beds were short.', 'The red rose', 'Red roses bloom', 'A rose  bloomed']);
    for (const [p, word] of [[0, 'bloom'], [1, 'red'], [2, 'Red'], [3, 'rose']] as const) edit(e, () => $suggestDeleteSelection($select(p, word, p, word), ANN, false));
    edit(e, () => void $resolveSuggestions(() => true, 'accept'));
    // Not "Roses . Beds", "The  rose" or " roses"; a double space that was there stays one space less.
    expect(texts()).toEqual(['Roses. Beds were short.', 'The rose', 'roses bloom', 'A  bloomed']);
  });

  it('an accepted suggested Enter splits the paragraph; the counts read both texts', () => {
    const e = editorWith('One two');
    edit(e, () => $caret(0, ' two'));
    edit(e, () => $suggestInsertText('\n', ANN));
    expect(e.getEditorState().read(() => $suggestionTexts())).toEqual({ without: 'One two\n\n', with: 'One\n two\n\n' });
    edit(e, () => void $resolveSuggestions(() => true, 'accept'));
    expect(e.getEditorState().read(() => $getRoot().getChildren().map((p) => p.getTextContent()))).toEqual(['One', ' two']);
  });
});
