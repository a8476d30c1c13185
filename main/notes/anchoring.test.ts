/**
 * Notes anchored to the text through edits, moves and deletes: a headless Lexical editor with the
 * draft node set edits the body, each body is saved through the real API into a SQLite file, and
 * the stored notes say whether their words are still there. Nothing here fakes the anchor.
 */
import { createHeadlessEditor } from '@lexical/headless';
import { registerHistory, createEmptyHistoryState } from '@lexical/history';
import { $isMarkNode, $wrapSelectionInMarkNode, type MarkNode } from '@lexical/mark';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isElementNode,
  REDO_COMMAND,
  UNDO_COMMAND,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import { describe, expect, it } from 'vitest';
import type { Note } from '../../common/api/notes';
import type { EditorState, Post } from '../../common/domain';
import { DRAFT_NODES } from '../../common/editor/nodes';
import { noteIdsInBody } from '../../common/editor/note-marks';
import { uuidv7 } from '../../common/ids';
import { useApiHarness } from '../testing/api-harness';
import { $find, $select } from '../../common/editor/testing/words';

const api = useApiHarness('wb-notes-anchor-');
const ok = api.value;

function editorWith(...paragraphs: string[]): LexicalEditor {
  const editor = createHeadlessEditor({ namespace: 't', nodes: DRAFT_NODES, onError: (e) => { throw e; } });
  editor.update(() => $getRoot().append(...paragraphs.map((t) => $createParagraphNode().append($createTextNode(t)))), { discrete: true });
  return editor;
}

const body = (editor: LexicalEditor) => editor.getEditorState().toJSON() as unknown as EditorState;


/** Adds a note to the selection the way the window does: a mark with the note's id around it. */
function addNote(editor: LexicalEditor, select: () => ReturnType<typeof $select>): string {
  const id = uuidv7();
  editor.update(() => {
    const sel = select();
    $wrapSelectionInMarkNode(sel, sel.isBackward(), id);
  }, { discrete: true });
  return id;
}

/** The text each mark carrying `id` holds, in document order. */
function markedText(editor: LexicalEditor, id: string): string[] {
  return editor.getEditorState().read(() => {
    const out: string[] = [];
    const visit = (n: LexicalNode) => {
      if ($isMarkNode(n) && (n as MarkNode).hasID(id)) out.push(n.getTextContent());
      if ($isElementNode(n)) n.getChildren().forEach(visit);
    };
    visit($getRoot());
    return out;
  });
}

function edit(editor: LexicalEditor, fn: () => void) {
  editor.update(fn, { discrete: true });
}

/** A post stored with the editor's body and a note made on the marked words. */
async function storeWithNote(editor: LexicalEditor, id: string, quote: string): Promise<Post> {
  const post = await ok<Post>('posts.create', { title: 'Notes', body: body(editor) });
  await ok<Note>('notes.create', { postId: post.id, id, quote, body: 'Source for this figure?' });
  return post;
}

async function save(post: Post, editor: LexicalEditor): Promise<Post> {
  return ok<Post>('posts.update', { id: post.id, baseRevision: post.revision, body: body(editor) });
}

const detached = async (post: Post, id: string) => (await ok<Note[]>('notes.list', { postId: post.id })).find((n) => n.id === id)!.detached;

describe('a note anchored in the text', () => {
  it('keeps its words while text is typed before, inside and after them', async () => {
    const editor = editorWith('Mortality fell by 40% in a year.');
    const id = addNote(editor, () => $select(0, '40%', 0, '40%'));
    const post = await storeWithNote(editor, id, '40%');
    expect(markedText(editor, id)).toEqual(['40%']);

    edit(editor, () => {
      const [t] = $find(0, 'Mortality');
      t.select(0, 0).insertText('Reported: ');
    });
    edit(editor, () => {
      const [t, at] = $find(0, ' in a year');
      t.select(at, at).insertText(' overall');
    });
    expect(markedText(editor, id)).toEqual(['40%']);
    edit(editor, () => {
      // Typing between "40" and "%" is typing inside the note's words: the span grows.
      const [t, at] = $find(0, '%');
      t.select(at, at).insertText('.5');
    });
    expect(markedText(editor, id)).toEqual(['40.5%']);
    const saved = await save(post, editor);
    expect(editor.getEditorState().read(() => $getRoot().getTextContent())).toBe('Reported: Mortality fell by 40.5% overall in a year.');
    expect(await detached(saved, id)).toBe(false);
  });

  it('spans several blocks as one note, and stays one note when a block is split inside it', async () => {
    const editor = editorWith('First claim here.', 'A middle paragraph.', 'Last words there.');
    const id = addNote(editor, () => $select(0, 'claim', 2, 'Last'));
    expect(markedText(editor, id)).toEqual(['claim here.', 'A middle paragraph.', 'Last']);
    expect(noteIdsInBody(body(editor))).toEqual([id]);

    edit(editor, () => {
      const [t, at] = $find(1, 'paragraph');
      t.select(at, at).insertParagraph();
    });
    expect(markedText(editor, id)).toEqual(['claim here.', 'A middle ', 'paragraph.', 'Last']);
    const post = await storeWithNote(editor, id, 'claim here. A middle paragraph. Last');
    expect(await detached(post, id)).toBe(false);
  });

  it('moves with its paragraph when the paragraph is moved', async () => {
    const editor = editorWith('Alpha one.', 'Beta two.', 'Gamma three.');
    const id = addNote(editor, () => $select(0, 'one', 0, 'one'));
    const post = await storeWithNote(editor, id, 'one');
    edit(editor, () => {
      const root = $getRoot();
      root.getLastChildOrThrow().insertAfter(root.getFirstChildOrThrow());
    });
    expect(editor.getEditorState().read(() => $getRoot().getChildren().map((p) => p.getTextContent()))).toEqual(['Beta two.', 'Gamma three.', 'Alpha one.']);
    expect(markedText(editor, id)).toEqual(['one']);
    expect(await detached(await save(post, editor), id)).toBe(false);
  });

  it('survives deleting part of its words, and is kept as detached (thread intact) when all are deleted; undo brings it back', async () => {
    const editor = editorWith('Keep this sentence about the trial results today.');
    registerHistory(editor, createEmptyHistoryState(), 0);
    const id = addNote(editor, () => $select(0, 'trial', 0, 'results'));
    let post = await storeWithNote(editor, id, 'trial results');
    await ok('notes.reply', { noteId: id, body: 'Cited in the appendix.' });

    edit(editor, () => {
      const [t, at] = $find(0, 'trial');
      t.select(at, at + 'trial '.length).removeText();
    });
    expect(markedText(editor, id)).toEqual(['results']);
    post = await save(post, editor);
    expect(await detached(post, id)).toBe(false);

    edit(editor, () => $select(0, 'about', 0, 'today').removeText());
    expect(markedText(editor, id)).toEqual([]);
    expect(editor.getEditorState().read(() => $getRoot().getTextContent())).toBe('Keep this sentence .');
    post = await save(post, editor);
    const [note] = await ok<Note[]>('notes.list', { postId: post.id });
    expect(note).toMatchObject({ id, detached: true, quote: 'trial results', resolvedAt: null });
    expect(note.messages.map((m) => m.body)).toEqual(['Source for this figure?', 'Cited in the appendix.']);

    // History sets the earlier state, which Lexical commits in a microtask: wait for that commit.
    editor.dispatchCommand(UNDO_COMMAND, undefined);
    await Promise.resolve();
    expect(markedText(editor, id)).toEqual(['results']);
    post = await save(post, editor);
    expect(await detached(post, id)).toBe(false);
    editor.dispatchCommand(REDO_COMMAND, undefined);
    await Promise.resolve();
    expect(markedText(editor, id)).toEqual([]);
  });

  it('keeps two notes on overlapping words apart, and deleting one\'s words leaves the other', async () => {
    const editor = editorWith('The ward saw ninety admissions in March.');
    const a = addNote(editor, () => $select(0, 'ninety', 0, 'admissions'));
    const b = addNote(editor, () => $select(0, 'admissions', 0, 'March'));
    expect(markedText(editor, a).join('')).toBe('ninety admissions');
    expect(markedText(editor, b).join('')).toBe('admissions in March');
    expect(noteIdsInBody(body(editor))).toEqual([a, b]);
    edit(editor, () => $select(0, 'ninety', 0, 'ninety').removeText());
    expect(markedText(editor, a).join('')).toBe(' admissions');
    edit(editor, () => $select(0, ' in', 0, 'March').removeText());
    expect(markedText(editor, b).join('')).toBe('admissions');
    expect(noteIdsInBody(body(editor))).toEqual([a, b]);
  });
});
