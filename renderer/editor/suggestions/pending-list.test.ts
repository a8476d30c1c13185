// @vitest-environment jsdom
/**
 * The suggestions panel's list, kept from mutations: after every kind of edit it reads exactly
 * what a whole walk of the draft reads ($pendingSuggestions), and typing inside one suggestion
 * leaves every other entry the same object (so the panel re-renders one item, not 500). The
 * panel used to re-read on suggestion mutations only, and Lexical reports none for words typed
 * inside an insertion: its quote stayed at the first keystroke's words (the 'type on' step).
 */
import { $createParagraphNode, $createTextNode, $getRoot, createEditor, type LexicalEditor, type NodeKey, type NodeMutation } from 'lexical';
import { afterEach, describe, expect, it } from 'vitest';
import { DRAFT_NODES } from '../../../common/editor/nodes';
import { SuggestedDeletionNode, SuggestedFormatNode, SuggestedInsertionNode } from '../../../common/editor/nodes/SuggestionNodes';
import { $allSuggestionNodes, $pendingSuggestions, $resolveSuggestions, $suggestDelete, $suggestFormat, $suggestInsertText, type PendingSuggestion } from '../../../common/editor/suggestion-edits';
import { $find, $select } from '../../../common/editor/testing/words';
import { PendingList } from './pending-list';

const ANN = { id: 'm-ann', name: 'Ann Editor' };
const GUS = { id: 'm-gus', name: 'Gus Guest' };

const roots: HTMLElement[] = [];
afterEach(() => roots.splice(0).forEach((r) => r.remove()));

/** An editor with a DOM root (mutation listeners report only what is reconciled into a DOM), its list kept as the panel keeps it. */
function editorWith(...paragraphs: string[]): { editor: LexicalEditor; read: () => PendingSuggestion[] } {
  const editor = createEditor({ namespace: 't', nodes: DRAFT_NODES, onError: (e) => { throw e; } });
  const root = document.createElement('div');
  root.contentEditable = 'true';
  document.body.append(root);
  roots.push(root);
  editor.setRootElement(root);
  editor.update(() => $getRoot().append(...paragraphs.map((t) => $createParagraphNode().append($createTextNode(t)))), { discrete: true });
  const pending = new PendingList();
  const changed = (mutations: Map<NodeKey, NodeMutation>) => editor.getEditorState().read(() => pending.$note(mutations));
  for (const k of [SuggestedInsertionNode, SuggestedDeletionNode, SuggestedFormatNode]) editor.registerMutationListener(k, changed, { skipInitialization: false });
  editor.registerUpdateListener(({ dirtyElements }) => pending.noteDirty(dirtyElements));
  return { editor, read: () => editor.getEditorState().read(() => pending.$read()) };
}

const edit = (e: LexicalEditor, fn: () => void) => e.update(fn, { discrete: true });
const walked = (e: LexicalEditor) => e.getEditorState().read($pendingSuggestions);

function $caret(p: number, word: string, after = false) {
  const [t, at] = $find(p, word);
  t.select(at + (after ? word.length : 0), at + (after ? word.length : 0));
}

describe("the suggestions panel's list, kept from mutations", () => {
  it('reads what a walk of the whole draft reads, through typing, deleting, formatting, merging, accepting and rejecting', () => {
    const { editor, read } = editorWith('Admissions rose in March.', 'Staffing fell in April.', 'Waiting times held steady.');
    const steps: [string, () => void][] = [
      ['insert', () => ($caret(0, 'rose'), $suggestInsertText('sharply ', ANN))],
      ['type on', () => $suggestInsertText('and ', ANN)],
      ['delete', () => ($caret(1, ' in', true), $suggestDelete(true, GUS), $suggestDelete(true, GUS))],
      ['format', () => ($select(2, 'Waiting', 2, 'times'), $suggestFormat('bold', ANN))],
      ['another author inside', () => ($caret(0, 'and', true), $suggestInsertText('!', GUS))],
      ['across paragraphs', () => ($select(0, 'March', 1, 'Staffing'), $suggestInsertText('x', GUS))],
      ['accept one', () => {
        const formats = new Set($allSuggestionNodes().filter((n) => n.getType() === 'suggestion-format').map((n) => n.getSuggestionId()));
        void $resolveSuggestions((n) => n.getAuthorId() === ANN.id && formats.has(n.getSuggestionId()), 'accept');
      }],
      ['reject all by one author', () => void $resolveSuggestions((n) => n.getAuthorId() === GUS.id, 'reject')],
      ['type in what is left', () => ($caret(0, 'and', true), $suggestInsertText('then ', ANN))],
      ['accept all', () => void $resolveSuggestions(() => true, 'accept')],
    ];
    let seen = 0;
    for (const [what, step] of steps) {
      edit(editor, step);
      const list = read();
      expect(list, what).toEqual(walked(editor));
      seen = Math.max(seen, list.length);
    }
    expect(seen).toBeGreaterThanOrEqual(3);
    expect(read()).toEqual([]);
  });

  it('typing inside one suggestion re-reads only its entry: the others stay the same objects', () => {
    const { editor, read } = editorWith('One two three.', 'Four five six.', 'Seven eight nine.');
    edit(editor, () => ($caret(0, 'two'), $suggestInsertText('new ', ANN)));
    edit(editor, () => ($caret(1, 'five'), $suggestDelete(true, GUS)));
    edit(editor, () => ($caret(2, 'eight'), $suggestInsertText('more ', GUS)));
    const before = read();
    expect(before.map((s) => s.quote)).toEqual(['new ', ' ', 'more ']);
    edit(editor, () => $suggestInsertText('r', GUS));
    const after = read();
    expect(after).toEqual(walked(editor));
    expect(after.map((s) => s.quote)).toEqual(['new ', ' ', 'more r']);
    expect(after[0]).toBe(before[0]);
    expect(after[1]).toBe(before[1]);
    expect(after[2]).not.toBe(before[2]);
    // Nothing changed since: the same list.
    expect(read()).toBe(after);
  });
});
