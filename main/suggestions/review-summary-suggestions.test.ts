/**
 * The review summary counts a draft's pending suggestions by author, from the stored body, and the
 * move to scheduled warns with them (issue 17, item 5) until they are accepted or rejected.
 */
import { describe, expect, it } from 'vitest';
import type { Post } from '../../common/domain';
import { withoutSuggestions } from '../../common/editor/suggestions';
import { getPost } from '../../db/repos/posts';
import { seedPublishFixtures } from '../exporters/publish-fixtures';
import { useApiHarness } from '../testing/api-harness';
import { addSuggestionsToPost } from './testing';

const api = useApiHarness('wb-suggest-summary-');

describe('pending suggestions in the review summary', () => {
  it('are counted per author, and the move to scheduled warns naming them until none is pending', async () => {
    const fx = seedPublishFixtures(api.ctx.db);
    addSuggestionsToPost(api.ctx.db, fx.guestSlug);
    const post = getPost(api.ctx.db, { slug: fx.guestSlug });
    expect(await api.value('notes.summary', { postId: post.id })).toEqual({ openNotes: [], unresolvedMentions: [], pendingSuggestions: [{ authorName: 'Gus Guest', count: 3 }] });

    const refused = await api.failure('posts.update', { id: post.id, baseRevision: post.revision, status: 'scheduled' });
    expect(refused.code).toBe('NEEDS_CONFIRMATION');
    expect(refused.message).toContain('3 pending suggestions (Gus Guest 3)');

    // Every suggestion rejected (the text without them saved): the summary is clear again.
    await api.value<Post>('posts.update', { id: post.id, baseRevision: post.revision, body: withoutSuggestions(post.body) });
    expect(await api.value('notes.summary', { postId: post.id })).toMatchObject({ pendingSuggestions: [] });
    const check = await api.value<{ report: { results: Array<{ id: string }> } }>('checklist.check', { id: post.id });
    expect(check.report.results.find((r) => r.id === 'open-notes')).toMatchObject({ ok: true, message: 'No open notes or pending suggestions.' });
  });
});
