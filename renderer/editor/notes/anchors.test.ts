import { createHeadlessEditor } from '@lexical/headless';
import { $wrapSelectionInMarkNode } from '@lexical/mark';
import { $createParagraphNode, $createRangeSelection, $createTextNode, $getRoot, $getSelection, $isRangeSelection, $setSelection, type TextNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import { DRAFT_NODES } from '../../../common/editor/nodes';
import { $noteAnchors, $selectNote, noteIdsAt } from './anchors';

function editorWith(...paragraphs: string[]) {
  const editor = createHeadlessEditor({ namespace: 't', nodes: DRAFT_NODES, onError: (e) => { throw e; } });
  editor.update(() => $getRoot().append(...paragraphs.map((t) => $createParagraphNode().append($createTextNode(t)))), { discrete: true });
  return editor;
}

function mark(editor: ReturnType<typeof editorWith>, p: number, word: string, id: string) {
  editor.update(() => {
    const block = $getRoot().getChildAtIndex(p);
    const t = $getRoot().getAllTextNodes().find((n) => n.getTopLevelElement() === block && n.getTextContent().includes(word)) as TextNode;
    const at = t.getTextContent().indexOf(word);
    const sel = $createRangeSelection();
    sel.anchor.set(t.getKey(), at, 'text');
    sel.focus.set(t.getKey(), at + word.length, 'text');
    $setSelection(sel);
    $wrapSelectionInMarkNode(sel, false, id);
  }, { discrete: true });
}

describe("the editor's note anchors", () => {
  it('list notes in text order, not in the order they were made', () => {
    const editor = editorWith('First words here.', 'Second words there.');
    mark(editor, 1, 'there', 'later-in-text');
    mark(editor, 0, 'First', 'earlier-in-text');
    const anchors = editor.getEditorState().read($noteAnchors);
    expect(anchors.order).toEqual(['earlier-in-text', 'later-in-text']);
    expect(anchors.marks.map((m) => m.ids)).toEqual([['earlier-in-text'], ['later-in-text']]);
  });

  it('select a note by its id (its words, for the caret to show), and name the note around the caret', () => {
    const editor = editorWith('Alpha beta gamma.');
    mark(editor, 0, 'beta', 'n1');
    editor.update(() => expect($selectNote('n1')).toBe(true), { discrete: true });
    editor.getEditorState().read(() => {
      const sel = $getSelection();
      expect($isRangeSelection(sel) && sel.getTextContent()).toBe('beta');
      expect($isRangeSelection(sel) && noteIdsAt(sel.anchor.getNode())).toEqual(['n1']);
    });
    editor.update(() => expect($selectNote('no-such-note')).toBe(false), { discrete: true });
    editor.getEditorState().read(() => expect(noteIdsAt($getRoot().getAllTextNodes()[0])).toEqual([]));
  });
});
