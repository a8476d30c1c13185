/**
 * A co-edited body carries note marks like any other node: two members bound through @lexical/yjs
 * to the real team server (the window's binding, the draft node set with MarkNode) see the same
 * marks; one's typing moves the other's note, and deleting the noted words detaches it for both.
 */
import { $isMarkNode, $wrapSelectionInMarkNode } from '@lexical/mark';
import { $createParagraphNode, $createRangeSelection, $createTextNode, $getRoot, $isElementNode, $setSelection, type LexicalNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import { noteIdsInBody } from '../../common/editor/note-marks';
import { uuidv7 } from '../../common/ids';
import { useCoEditingPair } from '../sync/testing/co-editing-pair';
import { converged, until, type CoEditor } from '../sync/testing/co-editors';

const team = useCoEditingPair('wb-notes-coedit-');

/** The text of each mark carrying `id`, as this member's editor has it. */
function marked(e: CoEditor, id: string): string[] {
  e.json();
  return e.editor.getEditorState().read(() => {
    const out: string[] = [];
    const visit = (n: LexicalNode) => {
      if ($isMarkNode(n) && n.hasID(id)) out.push(n.getTextContent());
      if ($isElementNode(n)) n.getChildren().forEach(visit);
    };
    visit($getRoot());
    return out;
  });
}

const text = (e: CoEditor) => (e.json(), e.editor.getEditorState().read(() => $getRoot().getTextContent()));

describe('note marks in a co-edited body', { timeout: 120_000 }, () => {
  it('travel to the other member, move with the words either types, and vanish for both when the words are deleted', async () => {
    const doc = `body/0190a0b2-7c1d-7000-8000-${'9'.repeat(12)}`;
    const [ann, ed] = await team.pair(doc);
    ann.edit(() => $getRoot().clear().append($createParagraphNode().append($createTextNode('Admissions rose by ninety in March.'))));
    await converged([ann, ed]);

    const id = uuidv7();
    ann.edit(() => {
      const t = $getRoot().getAllTextNodes()[0];
      const at = t.getTextContent().indexOf('ninety');
      const sel = $createRangeSelection();
      sel.anchor.set(t.getKey(), at, 'text');
      sel.focus.set(t.getKey(), at + 'ninety'.length, 'text');
      $setSelection(sel);
      $wrapSelectionInMarkNode(sel, false, id);
    });
    await converged([ann, ed]);
    await until('Ed to see the note', () => marked(ed, id).join() === 'ninety');
    expect(noteIdsInBody(ed.json())).toEqual([id]);

    // Ed types at the start of the paragraph: Ann's note stays on "ninety".
    ed.edit(() => $getRoot().getAllTextNodes()[0].select(0, 0).insertText('Overall: '));
    await converged([ann, ed]);
    await until('Ann to see Ed\'s words', () => text(ann).startsWith('Overall: '));
    expect(marked(ann, id)).toEqual(['ninety']);
    expect(text(ann)).toBe('Overall: Admissions rose by ninety in March.');

    // Ed deletes the noted words: the mark is gone for both, so the note is detached on both laptops.
    ed.edit(() => {
      const mark = $getRoot().getAllTextNodes().find((t) => t.getTextContent() === 'ninety')!;
      mark.remove();
    });
    await converged([ann, ed]);
    await until('Ann to lose the noted words', () => !text(ann).includes('ninety'));
    expect(marked(ann, id)).toEqual([]);
    expect(noteIdsInBody(ann.json())).toEqual([]);
    expect(ann.json()).toEqual(ed.json());
  });
});
