import { describe, expect, it } from 'vitest';
import { canWrite, documentName, parseDocumentName, refusalReason, ROLES, DOCUMENT_KINDS, SINGLETONS } from './documents';

describe('team documents', () => {
  it('parses the names it makes, and nothing else', () => {
    for (const kind of DOCUMENT_KINDS) {
      const ref = SINGLETONS.has(kind) ? { kind } : { kind, id: '0190a0b2-7c1d-7000-8000-000000000001' };
      expect(parseDocumentName(documentName(ref))).toEqual(ref);
    }
    for (const bad of ['', 'post', 'post/', 'post/../x', 'post/A B', 'authors/1', 'posts/1', 'index/x', 'comments/' + 'a'.repeat(65)]) {
      expect(parseDocumentName(bad), bad).toBeNull();
    }
  });

  it('lets each role write its own documents only, and an admin everything', () => {
    const allowed = (role: (typeof ROLES)[number]) => DOCUMENT_KINDS.filter((k) => canWrite(role, k));
    expect(allowed('admin')).toEqual([...DOCUMENT_KINDS]);
    expect(allowed('editor')).toEqual(['post', 'authors', 'index', 'bylines', 'blob', 'body', 'notes']);
    expect(allowed('series-manager')).toEqual(['post-plan', 'series', 'authors', 'index', 'bylines', 'notes']);
    expect(allowed('reviewer')).toEqual(['comments', 'index', 'review', 'notes']);
  });

  it('says who may write what was refused', () => {
    expect(refusalReason('reviewer', 'post')).toBe('Reviewers may not change this (post); only editors and admins may.');
    expect(refusalReason('series-manager', 'body')).toBe('Series managers may not change this (body); only editors and admins may.');
  });
});
