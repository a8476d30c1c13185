/**
 * The WordPress publish path carries no pending suggestions: a post published to a real WordPress,
 * then given suggestions (an insertion, a deletion across two paragraphs, a bold) and published
 * again, has the same content there as before, with none of the suggested words or ids.
 */
import { describe, expect, it } from 'vitest';
import { seedPublishFixtures } from '../exporters/publish-fixtures';
import { addSuggestionsToPost, SUGGESTED_WORDS } from '../suggestions/testing';
import { connectSite, publisherFor } from './connections';
import { publishPost } from './publish-post';
import { useWordPress } from './testing';

const f = useWordPress('wb-wpsuggest-');
const fast = { retries: 0, timeoutMs: 15_000 };

async function remoteContent(id: number): Promise<string> {
  const r = await fetch(`${f.wp.url}/?rest_route=/wp/v2/posts/${id}&context=edit`, {
    headers: { authorization: `Basic ${Buffer.from(`admin:${f.wp.admin.appPassword}`).toString('base64')}` },
  });
  expect(r.status).toBe(200);
  return ((await r.json()) as { content: { raw: string } }).content.raw;
}

describe('publishing a draft with pending suggestions to WordPress', () => {
  it('sends the text without the suggestions: insertions dropped, deletions kept, formats not applied', async () => {
    const fx = seedPublishFixtures(f.ctx.db);
    const site = await connectSite(f.ctx.db, f.store, { url: f.wp.url, user: 'admin', password: f.wp.admin.appPassword }, fast);
    const wp = publisherFor(f.ctx.db, f.store, site, fast);
    // Published twice without suggestions: an update carries the post's own marker, as the later publish will.
    await publishPost(f.ctx.db, wp, site, { post: { slug: fx.guestSlug } });
    const first = await publishPost(f.ctx.db, wp, site, { post: { slug: fx.guestSlug } });
    const before = await remoteContent(first.remoteId);

    const ids = addSuggestionsToPost(f.ctx.db, fx.guestSlug);
    const second = await publishPost(f.ctx.db, wp, site, { post: { slug: fx.guestSlug } });
    expect(second.remoteId).toBe(first.remoteId);
    const after = await remoteContent(second.remoteId);
    expect(after).toBe(before);
    // Nor a warning about them (an unknown node would be sent as its text, with a warning).
    expect(second.warnings).toEqual(first.warnings);
    for (const leak of [...ids, '<ins', 'suggestion', SUGGESTED_WORDS]) expect(after).not.toContain(leak);
  });
});
