/**
 * A title save from a co-editing window races the projection of the body's typing into the row,
 * which bumps the revision the window's save names. Real store, real body document.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import type { Post } from '../../common/domain';
import { useApiHarness } from '../testing/api-harness';
import { stateAt, latestBase } from './body-bases';
import { editFrom } from './body-binding';
import { bodyDocName } from './body-docs';
import { projectBody, pushBody } from './body-projection';
import { LocalDocs } from './local-docs';
import { bodyOf, rowText } from './testing/bodies';
import { joinedAs } from './testing/offline-members';

const api = useApiHarness('wb-title-race-');

describe('a title save against the body projection', () => {
  it('is taken when only the body projection moved the revision on, and still refused when another save did', async () => {
    joinedAs(api.ctx.db, 'editor');
    const post = await api.value<Post>('posts.create', { title: 'First title', body: bodyOf(['One two.']) });
    const docs = new LocalDocs(api.ctx.db);
    try {
      pushBody(api.ctx.db, docs, 'editor', post.id, '2026-01-01');
      const opened = await api.value<Post>('posts.get', { id: post.id });
      // Typing in the window: an edit of the body document, projected into the row (revision + 1).
      const doc = docs.get(bodyDocName(post.id));
      Y.applyUpdate(doc, editFrom(stateAt(doc, latestBase(api.ctx.db, post.id)!.snapshot), bodyOf(['One two three.']) as never), 'window');
      expect(projectBody(api.ctx.db, docs, post.id)).toBe('written');
      expect((await api.value<Post>('posts.get', { id: post.id })).revision).toBe(opened.revision + 1);
      // The session projects again after later updates that leave the row as it is (an echo, a
      // caret): recording that agreement must not take back what made the revision.
      expect(projectBody(api.ctx.db, docs, post.id)).toBe('same');

      // The window's title save names the revision it had: taken, the typed text kept.
      const saved = await api.value<Post>('posts.update', { id: post.id, baseRevision: opened.revision, title: 'Second title' });
      expect(saved.title).toBe('Second title');
      expect(rowText(api.ctx.db, post.id)).toBe('One two three.');

      // Another save in between (not the projection) still makes a stale save a conflict.
      const err = await api.failure('posts.update', { id: post.id, baseRevision: opened.revision, standfirst: 'Late' });
      expect(err.code).toBe('CONFLICT');
    } finally {
      docs.destroy();
    }
  });
});
