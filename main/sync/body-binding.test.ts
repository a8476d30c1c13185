/**
 * Main's reading of a body document when no window has it open: two members' edits made apart
 * arrive in main's copy of the document and merge there, with no editor to mend what the merge
 * doubled. What main projects into the posts row (and so every export) has the words once.
 */
import { $createParagraphNode, $createTextNode, $getRoot, $getSelection, $isRangeSelection, type TextFormatType } from 'lexical';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import type { EditorState } from '../../common/domain';
import { editorStateText } from '../../common/editor/state-text';
import { boundEditor, type BoundEditor } from '../../common/editor/testing/bound-editors';
import { $select } from '../../common/editor/testing/words';
import { bindEditor, readDocBody } from './body-binding';

const SENTENCE = 'Admissions rose by ninety in March.';

function format(e: BoundEditor, word: string, kind: TextFormatType) {
  e.edit(() => {
    $select(0, word, 0, word);
    const sel = $getSelection();
    if (!$isRangeSelection(sel)) throw new Error('no range selection');
    sel.formatText(kind);
  });
}

/** Main's copy of the body, and Ann's and Ed's windows, each of which formats "ninety" apart. */
function formattedApart(): { main: Y.Doc; ann: BoundEditor; ed: BoundEditor } {
  const main = new Y.Doc();
  const ann = boundEditor();
  const ed = boundEditor();
  ann.edit(() => $getRoot().clear().append($createParagraphNode().append($createTextNode(SENTENCE))));
  Y.applyUpdate(main, Y.encodeStateAsUpdate(ann.doc));
  Y.applyUpdate(ed.doc, Y.encodeStateAsUpdate(main));
  ed.json();
  format(ann, 'ninety', 'bold');
  format(ed, 'ninety', 'italic');
  // Only main hears both: the windows are closed before either hears the other.
  Y.applyUpdate(main, Y.encodeStateAsUpdate(ann.doc));
  Y.applyUpdate(main, Y.encodeStateAsUpdate(ed.doc));
  return { main, ann, ed };
}

const text = (body: unknown) => editorStateText(body as EditorState);

describe('main reads a merge that doubled words', () => {
  it('the body main projects holds the words once, bold italic, though the document itself still holds both copies', () => {
    const { main } = formattedApart();
    // The document holds both copies until an editor mends it: read as the raw tree would be.
    expect(main.get('root', Y.XmlText).toString().split('ninety').length - 1).toBe(2);
    const body = readDocBody(main);
    expect(text(body)).toBe(SENTENCE);
    expect(JSON.stringify(body).match(/"text":"ninety"/g)).toHaveLength(1);
    expect(JSON.stringify(body)).toContain('"format":3,"mode":"normal","style":"","text":"ninety"');
  });

  it("main's bound editor mends the document itself, so the mend syncs to everyone", async () => {
    const { main } = formattedApart();
    const bound = bindEditor(main);
    try {
      await until(() => main.get('root', Y.XmlText).toString().split('ninety').length - 1 === 1);
      expect(text(readDocBody(main))).toBe(SENTENCE);
    } finally {
      bound.close();
    }
  });
});

async function until(ok: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !ok(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(ok()).toBe(true);
}
