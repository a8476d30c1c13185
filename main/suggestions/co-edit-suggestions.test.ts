/**
 * Suggestions in a co-edited body: two members bound through @lexical/yjs to the real team server
 * (the window's binding, the draft node set) suggest on the same words, online and offline; both
 * suggestions survive and are listed on both laptops, and a decision on one shows on the other.
 * Plain formatting (suggestion mode off) on the same words apart keeps the words once too.
 */
import { $createParagraphNode, $createRangeSelection, $createTextNode, $getRoot, $setSelection, IS_BOLD, IS_ITALIC, type TextNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import { editorStateText } from '../../common/editor/state-text';
import { withoutSuggestions, withSuggestions } from '../../common/editor/suggestions';
import { $pendingSuggestions, $resolveSuggestions, $suggestDeleteSelection, $suggestFormat, $suggestInsertText } from '../../common/editor/suggestion-edits';
import type { EditorState } from '../../common/domain';
import { uuidv7 } from '../../common/ids';
import { useCoEditingPair } from '../sync/testing/co-editing-pair';
import { converged, until, type CoEditor } from '../sync/testing/co-editors';

const team = useCoEditingPair('wb-suggest-coedit-');
const ANN = { id: 'member-ann', name: 'Ann Editor' };
const ED = { id: 'member-ed', name: 'Ed Itor' };
const SENTENCE = 'Admissions rose by ninety in March.';

function $selectWord(word: string) {
  const t = $getRoot().getAllTextNodes().find((n) => n.getTextContent().includes(word)) as TextNode;
  const at = t.getTextContent().indexOf(word);
  const sel = $createRangeSelection();
  sel.anchor.set(t.getKey(), at, 'text');
  sel.focus.set(t.getKey(), at + word.length, 'text');
  $setSelection(sel);
  return sel;
}

const pending = (e: CoEditor) => (e.json(), e.editor.getEditorState().read(() => $pendingSuggestions()));
const readers = (e: CoEditor) => editorStateText(withoutSuggestions(e.json() as unknown as EditorState));
const accepted = (e: CoEditor) => editorStateText(withSuggestions(e.json() as unknown as EditorState));

async function start(): Promise<[CoEditor, CoEditor]> {
  const [ann, ed] = await team.pair(`body/0190a0b2-7c1d-7000-8000-${uuidv7().slice(-12)}`);
  ann.edit(() => $getRoot().clear().append($createParagraphNode().append($createTextNode(SENTENCE))));
  await converged([ann, ed]);
  await until('Ed to have the sentence', () => readers(ed) === SENTENCE);
  return [ann, ed];
}

/** Both go offline, each makes their edits with `edits`, and both reconnect. */
async function apart(ann: CoEditor, ed: CoEditor, edits: () => unknown): Promise<void> {
  ann.socket.disconnect();
  ed.socket.disconnect();
  // connect() is a no-op until the socket has really closed.
  await until('both to be offline', () => ann.socket.status === 'disconnected' && ed.socket.status === 'disconnected');
  await edits();
  ann.socket.connect();
  ed.socket.connect();
}

describe('suggestions in a co-edited body', { timeout: 120_000 }, () => {
  it('online: two members suggest on the same words; both are listed on both laptops; accepting on Ann shows on Ed', async () => {
    const [ann, ed] = await start();
    ann.edit(() => $suggestDeleteSelection($selectWord('ninety'), ANN, false));
    await converged([ann, ed]);
    await until('Ed to see Ann\'s deletion', () => pending(ed).length === 1);
    // Ed proposes a different figure right where Ann's deletion is.
    ed.edit(() => {
      const sel = $selectWord(' in March');
      sel.focus.set(sel.anchor.key, sel.anchor.offset, 'text');
      $suggestInsertText('ninety-one ', ED);
    });
    await converged([ann, ed]);
    await until('both to list both', () => pending(ann).length === 2 && pending(ed).length === 2);
    expect(pending(ann).map((s) => [s.kind, s.authorName, s.quote])).toEqual([['deletion', 'Ann Editor', 'ninety'], ['insertion', 'Ed Itor', 'ninety-one ']]);
    expect(pending(ed)).toEqual(pending(ann));
    expect(readers(ed)).toBe(SENTENCE);

    const eds = pending(ann)[1].id;
    ann.edit(() => void $resolveSuggestions((n) => n.getSuggestionId() === eds, 'accept'));
    await converged([ann, ed]);
    await until('Ed to see the acceptance', () => pending(ed).length === 1);
    expect(pending(ed).map((s) => s.kind)).toEqual(['deletion']);
    expect(readers(ed)).toBe('Admissions rose by ninetyninety-one  in March.');
    expect(accepted(ed)).toBe('Admissions rose by ninety-one  in March.');
    expect(ann.json()).toEqual(ed.json());
  });

  it('offline: each suggests on the same word apart; after reconnecting both suggestions survive and are listed on both', async () => {
    const [ann, ed] = await start();
    await apart(ann, ed, () => {
      ann.edit(() => $suggestDeleteSelection($selectWord('ninety'), ANN, false));
      ed.edit(() => {
        $selectWord('ninety');
        $suggestFormat('bold', ED);
      });
    });
    await converged([ann, ed]);
    await until('both to list both', () => pending(ann).length === 2 && pending(ed).length === 2);
    expect(pending(ann).map((s) => s.authorName).sort()).toEqual(['Ann Editor', 'Ed Itor']);
    expect(pending(ed)).toEqual(pending(ann));
    expect(ann.json()).toEqual(ed.json());
    // Every word once (both cut "ninety" out of the same text, which @lexical/yjs merged twice).
    expect(readers(ann)).toBe(SENTENCE);
    expect(readers(ed)).toBe(SENTENCE);
  });

  async function formatTheSameWord(ann: CoEditor, ed: CoEditor) {
    ann.edit(() => {
      $selectWord('ninety');
      $suggestFormat('bold', ANN);
    });
    ed.edit(() => {
      $selectWord('ninety');
      $suggestFormat('italic', ED);
    });
  }

  async function bothListBothOnce(ann: CoEditor, ed: CoEditor) {
    await converged([ann, ed]);
    await until('both to list both', () => pending(ann).length === 2 && pending(ed).length === 2);
    await converged([ann, ed]);
    expect(pending(ann).map((s) => [s.authorName, s.kind, s.quote]).sort()).toEqual([['Ann Editor', 'format', 'ninety'], ['Ed Itor', 'format', 'ninety']]);
    expect(pending(ed)).toEqual(pending(ann));
    expect(readers(ann)).toBe(SENTENCE);
    expect(accepted(ed)).toBe(SENTENCE);
    expect(ann.json()).toEqual(ed.json());
  }

  it('offline: each suggests a different format on the same word apart; after reconnecting the word is there once and both are listed', async () => {
    const [ann, ed] = await start();
    await apart(ann, ed, () => formatTheSameWord(ann, ed));
    await bothListBothOnce(ann, ed);
  });

  it('online: both suggest a format on the same word at the same moment; the word is there once and both are listed; rejecting one on Ed keeps the other on Ann', async () => {
    const [ann, ed] = await start();
    // Both edits are made before either laptop hears of the other's.
    await formatTheSameWord(ann, ed);
    await bothListBothOnce(ann, ed);
    ed.edit(() => void $resolveSuggestions((s) => s.getAuthorId() === ED.id, 'reject'));
    await converged([ann, ed]);
    await until('Ann to see the rejection', () => pending(ann).length === 1);
    expect(pending(ann).map((s) => s.authorName)).toEqual(['Ann Editor']);
    expect(readers(ann)).toBe(SENTENCE);
  });

  /** Bold on Ann and italic on Ed on the same word with suggestion mode off (Lexical's own formatText). */
  function formatPlainly(ann: CoEditor, ed: CoEditor) {
    for (const [e, kind] of [[ann, 'bold'], [ed, 'italic']] as const) {
      e.edit(() => {
        const sel = $selectWord('ninety');
        // As the window's selection does: it takes the format of the words it starts in.
        sel.setFormat(sel.anchor.getNode().getFormat());
        sel.formatText(kind);
      });
    }
  }

  async function onceBoldItalic(ann: CoEditor, ed: CoEditor) {
    await converged([ann, ed]);
    await until('both to hold the sentence once', () => readers(ann) === SENTENCE && readers(ed) === SENTENCE);
    await converged([ann, ed]);
    for (const e of [ann, ed]) {
      const runs = e.editor.getEditorState().read(() => $getRoot().getAllTextNodes().map((t) => [t.getTextContent(), t.getFormat()]));
      expect(runs.filter(([t]) => t === 'ninety')).toEqual([['ninety', IS_BOLD | IS_ITALIC]]);
      expect(runs.filter(([t]) => t !== 'ninety').every(([, f]) => f === 0)).toBe(true);
    }
    expect(pending(ann)).toEqual([]);
    expect(ann.json()).toEqual(ed.json());
  }

  it('offline: two members format the same word with suggestion mode off (bold and italic); after reconnecting it is there once, bold italic', async () => {
    const [ann, ed] = await start();
    await apart(ann, ed, () => formatPlainly(ann, ed));
    await onceBoldItalic(ann, ed);
  });

  it('online: both format the same word with suggestion mode off at the same moment; it is there once, bold italic', async () => {
    const [ann, ed] = await start();
    // Both edits are made before either laptop hears of the other's.
    formatPlainly(ann, ed);
    await onceBoldItalic(ann, ed);
  });
});
