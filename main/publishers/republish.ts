/**
 * For tests that prove something in a draft never reaches WordPress (notes, pending suggestions):
 * the post is published twice to a real WordPress (so the second is an update, as the later one
 * will be), changed by `change`, and published again; both contents come back from the site.
 */
import { expect } from 'vitest';
import { seedPublishFixtures } from '../exporters/publish-fixtures';
import { connectSite, publisherFor } from './connections';
import { publishPost } from './publish-post';
import type { useWordPress } from './testing';

const fast = { retries: 0, timeoutMs: 15_000 };

type WordPressFixture = ReturnType<typeof useWordPress>;

async function remoteContent(f: WordPressFixture, id: number): Promise<string> {
  const r = await fetch(`${f.wp.url}/?rest_route=/wp/v2/posts/${id}&context=edit`, {
    headers: { authorization: `Basic ${Buffer.from(`admin:${f.wp.admin.appPassword}`).toString('base64')}` },
  });
  expect(r.status).toBe(200);
  return ((await r.json()) as { content: { raw: string } }).content.raw;
}

export interface Republished {
  before: string;
  after: string;
  /** What `change` returned (the ids it added), to look for in `after`. */
  added: string[];
  sameRemotePost: boolean;
  sameWarnings: boolean;
}

export async function republishAfter(f: WordPressFixture, change: (slug: string) => string[]): Promise<Republished> {
  const fx = seedPublishFixtures(f.ctx.db);
  const site = await connectSite(f.ctx.db, f.store, { url: f.wp.url, user: 'admin', password: f.wp.admin.appPassword }, fast);
  const wp = publisherFor(f.ctx.db, f.store, site, fast);
  await publishPost(f.ctx.db, wp, site, { post: { slug: fx.guestSlug } });
  const first = await publishPost(f.ctx.db, wp, site, { post: { slug: fx.guestSlug } });
  const before = await remoteContent(f, first.remoteId);
  const added = change(fx.guestSlug);
  const second = await publishPost(f.ctx.db, wp, site, { post: { slug: fx.guestSlug } });
  const after = await remoteContent(f, second.remoteId);
  // Nor a warning about them (an unknown node would be sent as its text, with a warning).
  return { before, after, added, sameRemotePost: second.remoteId === first.remoteId, sameWarnings: JSON.stringify(second.warnings) === JSON.stringify(first.warnings) };
}
