/** The pieces a guest author's access is decided by: which documents are a post's, body writes, credits. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DOCUMENT_KINDS, type Role, parseDocumentName, POST_DOCUMENT_KINDS, postOf, SINGLETONS } from './documents';
import { mayWriteBody } from './body-writes';
import { authorsMatching, creditsIn } from './credits';

const POST = '0190a0b2-7c1d-7000-8000-000000000001';

describe('guest access', () => {
  it('counts every kind with an id as a post’s unless it names a series or a picture’s bytes', () => {
    const perPost = DOCUMENT_KINDS.filter((k) => !SINGLETONS.has(k) && postOf(parseDocumentName(`${k}/${POST}`)!) === POST);
    expect(perPost.sort()).toEqual(['body', 'comments', 'notes', 'post', 'post-plan']);
    // The session opens a post's documents from this list: a guest is refused exactly those.
    expect([...POST_DOCUMENT_KINDS].sort()).toEqual(perPost);
    expect(postOf({ kind: 'series', id: POST })).toBeUndefined();
    expect(postOf({ kind: 'bylines' })).toBeUndefined();
  });

  it('refuses body updates of the roles that do not write the body with the reason, and lets editors and admins write', () => {
    const doc = new Y.Doc();
    doc.get('root', Y.XmlText).insert(0, 'x');
    const update = Y.encodeStateAsUpdate(doc);
    const as = (role: Role) => mayWriteBody({ role, memberId: 'm-1' }, update, new Y.Doc());
    expect(as('editor')).toEqual({ ok: true });
    expect(as('admin')).toEqual({ ok: true });
    expect(as('reviewer')).toEqual({ ok: false, reason: expect.stringMatching(/^Reviewers may not change this \(body\); only editors and admins may/) });
    expect(as('series-manager').ok).toBe(false);
    // A guest author's changes are checked one by one (body-writes.test.ts).
  });

  it('reads live credits and authors from the shared registers, leaving out removed ones', () => {
    const bylines = new Y.Doc();
    const f = bylines.getMap('fields');
    const byline = (post: string, author: string, deleted: string | null) => {
      for (const [c, v] of Object.entries({ post_id: post, author_id: author, deleted_at: deleted })) f.set(`byline:${post}:${author}|${c}`, { v, e: '' });
    };
    byline('p1', 'gus', null);
    byline('p2', 'gus', '2026-12-07T00:00:00Z');
    byline('p2', 'olive', null);
    expect(creditsIn(bylines)).toEqual(new Map([['gus', new Set(['p1'])], ['olive', new Set(['p2'])]]));
    const authors = new Y.Doc();
    const a = authors.getMap('fields');
    a.set('author:gus|name', { v: 'Gus Guest', e: '' });
    a.set('author:old|name', { v: 'Gus Guest', e: '' });
    a.set('author:old|deleted_at', { v: '2026-01-01', e: '' });
    expect(authorsMatching(authors, 'Gus Guest')).toEqual([{ id: 'gus', name: 'Gus Guest' }]);
    expect(authorsMatching(authors, 'gus')).toEqual([{ id: 'gus', name: 'Gus Guest' }]);
  });
});
