/**
 * The preview shows the page as published (pending suggestions not applied) or, on request, as if
 * every suggestion were accepted; the copyable fragment is always what would be published.
 */
import { describe, expect, it } from 'vitest';
import { getPost } from '../../db/repos/posts';
import { seedPublishFixtures } from '../exporters/publish-fixtures';
import { useApiHarness } from '../testing/api-harness';
import { addSuggestionsToPost, SUGGESTED_WORDS } from './testing';

const api = useApiHarness('wb-suggest-preview-');

describe('the preview of a draft with pending suggestions', () => {
  it('is the published page by default, and has the suggested words with suggestions; the copyable fragment stays as published', async () => {
    const fx = seedPublishFixtures(api.ctx.db);
    addSuggestionsToPost(api.ctx.db, fx.guestSlug);
    const postId = getPost(api.ctx.db, { slug: fx.guestSlug }).id;
    const published = await api.value<{ html: string; fragmentText: string }>('publish.page', { post: { slug: fx.guestSlug }, force: true });
    const plain = await api.value<{ html: string; fragmentText: string }>('publish.preview', { postId });
    const suggested = await api.value<{ html: string; fragmentText: string }>('publish.preview', { postId, suggestions: 'with' });
    expect(plain.html).not.toContain(SUGGESTED_WORDS);
    expect(suggested.html).toContain(SUGGESTED_WORDS);
    expect(suggested.fragmentText).toBe(plain.fragmentText);
    expect(published.html.includes(SUGGESTED_WORDS)).toBe(false);
  });

  it('refuses a value it does not know, saying which field', async () => {
    const fx = seedPublishFixtures(api.ctx.db);
    const postId = getPost(api.ctx.db, { slug: fx.guestSlug }).id;
    await expect(api.value('publish.preview', { postId, suggestions: 'some' })).rejects.toThrow(/suggestions/);
  });
});
