/**
 * Suggesting on a draft's body, per role, through a real team server process and real
 * Hocuspocus clients (issue 17 item 4): a guest author's suggestions and their accept or reject
 * of the editor's are taken, their plain edit is refused with the reason in the server's log, an
 * editor writes as before, and a reviewer's suggestion is refused.
 */
import { $createParagraphNode, $createTextNode, $getRoot, $getSelection } from 'lexical';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bindHeadlessEditor, type BoundEditor } from '../common/editor/headless-binding';
import { $resolveSuggestions, $suggestDeleteSelection, $suggestInsertText } from '../common/editor/suggestion-edits';
import { $find, $select } from '../common/editor/testing/words';
import { inviteMemberNow } from './members';
import { TeamStore } from './store';
import { invite, until, type Client } from './testing/team-process';
import { useTeamFixture } from './testing/team-fixture';

const { tempDir, server, client, cleanup } = useTeamFixture('wb-guest-suggest-');
const POST = '0190a0b2-7c1d-7000-8000-0000000000a1';
const BODY = `body/${POST}`;

/** A local editor bound to a copy of a client's body: each edit is sent through that client. */
function editorOn(c: Client) {
  const b: BoundEditor = bindHeadlessEditor();
  cleanup(() => b.doc.destroy());
  const edit = (fn: () => void) => {
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(c.doc));
    b.editor.read(() => undefined);
    const known = Y.encodeStateVector(c.doc);
    b.editor.update(fn, { discrete: true });
    Y.applyUpdate(c.doc, Y.encodeStateAsUpdate(b.doc, known));
  };
  return { edit };
}

/** A body's text as a fresh reader gets it from the server. */
function textOf(doc: Y.Doc): string {
  const b = bindHeadlessEditor();
  try {
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(doc));
    return b.editor.read(() => $getRoot().getTextContent());
  } finally {
    b.doc.destroy();
  }
}

const caretAt = (word: string) => {
  const [t, at] = $find(0, word);
  t.select(at, at);
};

/** A team with a draft credited to Gus, whose text Ed seeded; the guest is invited once the credit is stored. */
async function team() {
  const data = tempDir();
  const s = await server(data);
  const [adminToken, editorToken, reviewerToken] = [invite(data, 'Ann Admin', 'admin'), invite(data, 'Ed Itor', 'editor'), invite(data, 'Rae Viewer', 'reviewer')];
  const authors = client(s.url, 'authors', adminToken);
  const bylines = client(s.url, 'bylines', adminToken);
  await Promise.all([authors.synced, bylines.synced]);
  authors.doc.getMap('fields').set('author:gus|name', { v: 'Gus Guest', e: '' });
  const f = bylines.doc.getMap('fields');
  for (const [c, v] of Object.entries({ post_id: POST, author_id: 'gus', deleted_at: null })) f.set(`byline:${POST}:gus|${c}`, { v, e: '' });
  let guestToken = '';
  await until('the authors list is stored', () => {
    const store = new TeamStore(data);
    try {
      guestToken = inviteMemberNow(store, { name: 'Gus Guest', role: 'guest-author', author: 'Gus Guest' });
      return true;
    } catch {
      return false;
    } finally {
      store.close();
    }
  }, 30_000);
  const me = (await (await fetch(`http://127.0.0.1:${s.port}/member`, { headers: { authorization: `Bearer ${guestToken}` } })).json()) as { id: string; name: string };
  const gus = { id: me.id, name: me.name };

  const ed = client(s.url, BODY, editorToken);
  await ed.synced;
  const edEditor = editorOn(ed);
  edEditor.edit(() => $getRoot().append($createParagraphNode().append($createTextNode('Admissions rose in March.'))));
  const reader = client(s.url, BODY, adminToken);
  await reader.synced;
  await until('the seeded text', () => textOf(reader.doc) === 'Admissions rose in March.');
  const refusals = () => s.output().split('\n').filter((l) => l.includes('"body.refused"'));
  return { s, editorToken, reviewerToken, guestToken, gus, ed, edEditor, reader, refusals };
}

describe('suggestions on a draft’s body, per role, on the team server', { timeout: 180_000 }, () => {
  it('takes a guest author’s suggestion and their accept of the editor’s, refuses their plain edit with the reason, and leaves editors unaffected', async () => {
    const t = await team();
    // The editor suggests an insertion, then types plainly: both are taken as before.
    t.edEditor.edit(() => (caretAt('rose'), $suggestInsertText('sharply ', { id: 'm-ed', name: 'Ed Itor' })));
    t.edEditor.edit(() => (caretAt('March'), $getSelection()!.insertText('early ')));
    await until('the editor’s changes', () => textOf(t.reader.doc) === 'Admissions sharply rose in early March.');

    const guest = client(t.s.url, BODY, t.guestToken);
    await guest.synced;
    await until('the guest has the editor’s changes', () => textOf(guest.doc) === 'Admissions sharply rose in early March.');
    const gus = editorOn(guest);
    gus.edit(() => $resolveSuggestions(() => true, 'accept'));
    gus.edit(() => $suggestDeleteSelection($select(0, 'early ', 0, 'early '), t.gus, false));
    gus.edit(() => (caretAt('.'), $suggestInsertText(', says the registrar', t.gus)));
    await until('the guest’s accept and suggestions reach the team', () => textOf(t.reader.doc) === 'Admissions sharply rose in early March, says the registrar.', 30_000);
    expect(t.refusals()).toEqual([]);

    // A plain edit, from a second connection of the guest's (a refused change stays in its sender's document).
    const forced = client(t.s.url, BODY, t.guestToken);
    await forced.synced;
    editorOn(forced).edit(() => $select(0, 'Admissions', 0, 'Admissions').removeText());
    await until('the server refuses the plain edit', () => t.refusals().length >= 1, 30_000);
    expect(JSON.parse(t.refusals()[0])).toMatchObject({ event: 'body.refused', member: t.gus.id, document: BODY, reason: expect.stringMatching(/^A guest author may suggest changes, and accept or reject suggestions, but not edit the text directly: this update changes the text itself/) });
    const fresh = client(t.s.url, BODY, t.editorToken);
    await fresh.synced;
    expect(textOf(fresh.doc)).toBe('Admissions sharply rose in early March, says the registrar.');
  });

  it('refuses a reviewer’s suggestion on the body', async () => {
    const t = await team();
    const rae = client(t.s.url, BODY, t.reviewerToken);
    expect(await rae.authenticated).toBe('readonly');
    await rae.synced;
    editorOn(rae).edit(() => (caretAt('rose'), $suggestInsertText('barely ', { id: 'm-rae', name: 'Rae Viewer' })));
    await until('the server refuses the reviewer', () => t.refusals().length >= 1, 30_000);
    expect(t.refusals()[0]).toMatch(/Reviewers may not change this \(body\)/);
    const fresh = client(t.s.url, BODY, t.editorToken);
    await fresh.synced;
    expect(textOf(fresh.doc)).toBe('Admissions rose in March.');
  });
});
