/**
 * The server's rule for a guest author's body updates (body-writes.ts), on real updates: each is
 * made by a headless Lexical editor bound to the body's Yjs document as a window's is, through
 * the same suggestion edits the window runs, and checked against the team's copy.
 */
import { $createParagraphNode, $createTextNode, $getRoot, $getSelection, $isRangeSelection } from 'lexical';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bindHeadlessEditor, type BoundEditor } from '../editor/headless-binding';
import { $createSuggestedInsertionNode } from '../editor/nodes/SuggestionNodes';
import { $allSuggestionNodes, $resolveSuggestions, $suggestDeleteSelection, $suggestFormat, $suggestInsertText, newSuggestion } from '../editor/suggestion-edits';
import { $find, $select } from '../editor/testing/words';
import type { Role } from './documents';
import { mayWriteBody } from './body-writes';

/** Picks the suggestions of these kinds, as the document holds them now (call inside an update). */
function $ofType(...types: string[]) {
  const ids = new Set($allSuggestionNodes().filter((n) => types.includes(n.getType())).map((n) => n.getSuggestionId()));
  return (s: { getSuggestionId(): string }) => ids.has(s.getSuggestionId());
}

const ANN = { id: 'm-ann', name: 'Ann Editor' };
const GUS = { id: 'm-gus', name: 'Gus Guest' };

/** The team's copy of a draft (the server's document) and its members' editors bound to copies of it. */
function team(...paragraphs: string[]) {
  const server = new Y.Doc();
  const open = (): BoundEditor => {
    const b = bindHeadlessEditor();
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(server));
    b.editor.read(() => undefined);
    return b;
  };
  const seed = open();
  seed.editor.update(() => $getRoot().append(...paragraphs.map((t) => $createParagraphNode().append($createTextNode(t)))), { discrete: true });
  Y.applyUpdate(server, Y.encodeStateAsUpdate(seed.doc));
  /** One edit in a member's editor, as the update it sends the server. */
  const edit = (b: BoundEditor, fn: () => void): Uint8Array => {
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(server));
    b.editor.read(() => undefined);
    const known = Y.encodeStateVector(server);
    b.editor.update(fn, { discrete: true });
    return Y.encodeStateAsUpdate(b.doc, known);
  };
  const check = (role: Role, memberId: string, update: Uint8Array) => mayWriteBody({ role, memberId }, update, server);
  /** The server takes an update (an editor's, or a guest's it allowed). */
  const take = (update: Uint8Array) => Y.applyUpdate(server, update);
  const text = (b: BoundEditor) => (Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(server)), b.editor.read(() => $getRoot().getTextContent()));
  return { server, open, edit, check, take, text };
}

const caretAt = (p: number, word: string) => {
  const [t, at] = $find(p, word);
  t.select(at, at);
};

/** An editor's three suggestions on the team's draft: an insertion, a deletion and a format change. */
function withAnnsSuggestions() {
  const t = team('Admissions rose in March.', 'The figures are final.');
  const ann = t.open();
  t.take(t.edit(ann, () => (caretAt(0, 'rose'), $suggestInsertText('sharply ', ANN))));
  t.take(t.edit(ann, () => $suggestDeleteSelection($select(1, 'final', 1, 'final'), ANN, false)));
  t.take(t.edit(ann, () => ($select(0, 'March', 0, 'March'), $suggestFormat('bold', ANN))));
  return { ...t, ann, gus: t.open() };
}

const refusedWith = (pattern: RegExp) => ({ ok: false, reason: expect.stringMatching(pattern) });

describe('a guest author’s body updates', () => {
  it('take their own suggestions: an insertion, a deletion and a format change', () => {
    const t = team('Admissions rose in March.');
    const gus = t.open();
    for (const fn of [
      () => (caretAt(0, 'rose'), $suggestInsertText('sharply ', GUS)),
      () => $suggestDeleteSelection($select(0, 'in', 0, 'in'), GUS, false),
      () => ($select(0, 'March', 0, 'March'), $suggestFormat('italic', GUS)),
    ]) {
      const update = t.edit(gus, fn);
      expect(t.check('guest-author', GUS.id, update)).toEqual({ ok: true });
      t.take(update);
    }
    // Typing on in their own insertion, a keystroke at a time, is still theirs.
    const more = t.edit(gus, () => $suggestInsertText('so ', GUS));
    expect(t.check('guest-author', GUS.id, more)).toEqual({ ok: true });
  });

  it('accept and reject an editor’s suggestions, one at a time and all at once', () => {
    const t = withAnnsSuggestions();
    const acceptInsertion = t.edit(t.gus, () => $resolveSuggestions($ofType('suggestion-insert'), 'accept'));
    expect(t.check('guest-author', GUS.id, acceptInsertion)).toEqual({ ok: true });
    const rejectDeletion = t.edit(t.open(), () => $resolveSuggestions($ofType('suggestion-delete'), 'reject'));
    expect(t.check('guest-author', GUS.id, rejectDeletion)).toEqual({ ok: true });
    for (const how of ['accept', 'reject'] as const) {
      const all = t.edit(t.open(), () => $resolveSuggestions(() => true, how));
      expect(t.check('guest-author', GUS.id, all), how).toEqual({ ok: true });
    }
    // Two accepted and one rejected in one update, as a window sends after a quick series of clicks.
    const mixed = t.edit(t.gus, () => {
      $resolveSuggestions($ofType('suggestion-insert', 'suggestion-delete'), 'accept');
      $resolveSuggestions(() => true, 'reject');
    });
    expect(t.check('guest-author', GUS.id, mixed)).toEqual({ ok: true });
    t.take(mixed);
    // The accepted deletion took the space before it (deleted-word-space.ts), not "are ."
    expect(t.text(t.ann)).toBe('Admissions sharply rose in March.\n\nThe figures are.');
  });

  it('let an accepted deletion take the space it leaves, and no other', () => {
    const t = withAnnsSuggestions();
    const tidy = t.edit(t.gus, () => $resolveSuggestions($ofType('suggestion-delete'), 'accept'));
    expect(t.check('guest-author', GUS.id, tidy)).toEqual({ ok: true });
    const dropSpace = (p: number, word: string) => {
      const [node, at] = $find(p, word);
      node.spliceText(at - 1, 1, '');
    };
    const elsewhere = {
      // The space before "figures", away from the deletion.
      'a space elsewhere': () => ($resolveSuggestions($ofType('suggestion-delete'), 'accept'), dropSpace(1, 'figures')),
      // The deletion rejected, its space taken all the same.
      'the space of a rejected deletion': () => ($resolveSuggestions($ofType('suggestion-delete'), 'reject'), dropSpace(1, 'final')),
    };
    for (const [what, fn] of Object.entries(elsewhere)) {
      expect(t.check('guest-author', GUS.id, t.edit(t.open(), fn)), what).toEqual(refusedWith(/this update changes the text itself/));
    }
  });

  it('accept an insertion that holds a suggested Enter, which splits the paragraph', () => {
    const t = team('One. Two.');
    const ann = t.open();
    t.take(t.edit(ann, () => (caretAt(0, 'Two'), $suggestInsertText('Half.\n', ANN))));
    const accept = t.edit(t.open(), () => $resolveSuggestions(() => true, 'accept'));
    expect(t.check('guest-author', GUS.id, accept)).toEqual({ ok: true });
    t.take(accept);
    expect(t.text(ann)).toBe('One. Half.\n\nTwo.');
  });

  it('refuse plain typing, deleting unmarked words and formatting them directly', () => {
    const t = team('Admissions rose in March.');
    const gus = t.open();
    const edits = {
      typing: () => (caretAt(0, 'rose'), $getSelection()!.insertText('sharply ')),
      deleting: () => $select(0, 'rose', 0, 'rose').removeText(),
      formatting: () => $select(0, 'March', 0, 'March').formatText('bold'),
      // Their own "insertion" wrapped around words already there would drop them on a reject.
      wrapping: () => {
        const [head] = $find(0, 'Admissions')[0].splitText('Admissions'.length);
        const ins = $createSuggestedInsertionNode(newSuggestion(GUS));
        head.insertBefore(ins);
        ins.append(head);
      },
    };
    for (const [what, fn] of Object.entries(edits)) {
      const update = t.edit(t.open(), fn);
      expect(t.check('guest-author', GUS.id, update), what).toEqual(refusedWith(/^A guest author may suggest changes, and accept or reject suggestions, but not edit the text directly: this update changes the text itself/));
      // An editor's same change is theirs to make.
      expect(t.check('editor', ANN.id, update), what).toEqual({ ok: true });
    }
    expect(t.text(gus)).toBe('Admissions rose in March.');
  });

  it('refuse a suggestion in another member’s name and a change to another member’s suggestion', () => {
    const t = withAnnsSuggestions();
    const forged = t.edit(t.gus, () => (caretAt(0, 'in'), $suggestInsertText('only ', ANN)));
    expect(t.check('guest-author', GUS.id, forged)).toEqual(refusedWith(/this update adds a suggestion in the name of Ann Editor; a guest author's suggestions are their own\.$/));
    // Rewording Ann's proposed insertion, inside it.
    const reworded = t.edit(t.open(), () => {
      const [word, at] = $find(0, 'sharply');
      word.select(at, at + 'sharply'.length);
      const sel = $getSelection();
      if ($isRangeSelection(sel)) sel.insertText('slightly');
    });
    expect(t.check('guest-author', GUS.id, reworded)).toEqual(refusedWith(/this update changes a suggestion by Ann Editor/));
  });

  it('are refused outright to a reviewer, and an editor’s are taken as they are', () => {
    const t = team('Admissions rose in March.');
    const suggestion = t.edit(t.open(), () => (caretAt(0, 'rose'), $suggestInsertText('sharply ', { id: 'm-rita', name: 'Rita Reviewer' })));
    expect(t.check('reviewer', 'm-rita', suggestion)).toEqual(refusedWith(/^Reviewers may not change this \(body\)/));
    expect(t.check('editor', ANN.id, suggestion)).toEqual({ ok: true });
  });
});
