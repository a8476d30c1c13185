/**
 * The WordPress publish path carries no editorial notes: a post published to a real WordPress, then
 * noted (a mark inside a paragraph and one across two) and published again, has the same content
 * there as an update without notes has, with none of the notes' ids, marks or messages.
 */
import { describe, expect, it } from 'vitest';
import { seedPublishFixtures } from '../exporters/publish-fixtures';
import { addNotesToPost } from '../notes/testing';
import { connectSite, publisherFor } from './connections';
import { publishPost } from './publish-post';
import { useWordPress } from './testing';

const f = useWordPress('wb-wpnotes-');
const fast = { retries: 0, timeoutMs: 15_000 };

async function remoteContent(id: number): Promise<string> {
  const r = await fetch(`${f.wp.url}/?rest_route=/wp/v2/posts/${id}&context=edit`, {
    headers: { authorization: `Basic ${Buffer.from(`admin:${f.wp.admin.appPassword}`).toString('base64')}` },
  });
  expect(r.status).toBe(200);
  return ((await r.json()) as { content: { raw: string } }).content.raw;
}

describe('publishing a noted draft to WordPress', () => {
  it('sends the text without the notes', async () => {
    const fx = seedPublishFixtures(f.ctx.db);
    const site = await connectSite(f.ctx.db, f.store, { url: f.wp.url, user: 'admin', password: f.wp.admin.appPassword }, fast);
    const wp = publisherFor(f.ctx.db, f.store, site, fast);
    // Published twice without notes: an update carries the post's own marker, as the noted publish will.
    await publishPost(f.ctx.db, wp, site, { post: { slug: fx.guestSlug } });
    const first = await publishPost(f.ctx.db, wp, site, { post: { slug: fx.guestSlug } });
    const before = await remoteContent(first.remoteId);

    const ids = addNotesToPost(f.ctx.db, fx.guestSlug);
    const second = await publishPost(f.ctx.db, wp, site, { post: { slug: fx.guestSlug } });
    expect(second.remoteId).toBe(first.remoteId);
    const after = await remoteContent(second.remoteId);
    expect(after).toBe(before);
    // Nor a warning about them (an unknown node would be sent as its text, with a warning).
    expect(second.warnings).toEqual(first.warnings);
    for (const leak of [...ids, '<mark', 'Private remark']) expect(after).not.toContain(leak);
  });
});
