import { describe, expect, it } from 'vitest';
import { AppError } from '../../common/errors';
import { getPost, updatePost } from '../../db/repos/posts';
import { readLog } from '../../db/repos/cms';
import { seedPublishFixtures } from '../exporters/publish-fixtures';
import { connectSite, publisherFor } from './connections';
import { publishPost, publishSeries } from './publish-post';
import { RemoteError } from './remote-http';
import { useWordPress } from './testing';

const f = useWordPress('wb-wppublish-');
const fast = { retries: 0, timeoutMs: 15_000 };

/** Reads WordPress directly, as a person checking the site would. */
async function rest(path: string): Promise<any> {
  const r = await fetch(`${f.wp.url}/?rest_route=${path.replace('?', '&')}`, { headers: { authorization: `Basic ${Buffer.from(`admin:${f.wp.admin.appPassword}`).toString('base64')}` } });
  expect(r.status, path).toBe(200);
  return r.json();
}

async function setup(o = fast) {
  const fx = seedPublishFixtures(f.ctx.db);
  const site = await connectSite(f.ctx.db, f.store, { url: f.wp.url, user: 'admin', password: f.wp.admin.appPassword }, o);
  return { fx, site, wp: publisherFor(f.ctx.db, f.store, site, o) };
}

describe('publishing to a real WordPress', () => {
  it('sends a draft with its picture, byline and excerpt, then updates the same post and publishes it', async () => {
    const { fx, site, wp } = await setup();
    const first = await publishPost(f.ctx.db, wp, site, { post: { slug: fx.everySlug } });
    expect(first).toMatchObject({ created: true, status: 'draft', picturesUploaded: 1, picturesReused: 0 });
    const remote = await rest(`/wp/v2/posts/${first.remoteId}?context=edit`);
    expect(remote.status).toBe('draft');
    expect(remote.title.raw).toBe('Every node type <and> “quotes” & </script>');
    expect(remote.excerpt.raw).toBe('A draft that uses every kind of block and inline the editor makes.');
    expect(remote.content.raw).toContain('<p class="byline">By <span class="author"><span class="author-name">Binita Kane</span>, Consultant physician, NHS Health Education North West</span></p>');
    expect(remote.content.raw).not.toContain('asset:');
    const media = await rest('/wp/v2/media?context=edit');
    expect(media).toHaveLength(1);
    expect(media[0].alt_text).toBe('A ward at night');
    expect(media[0].caption.raw).toBe('The acute medical unit at 3am');
    expect(remote.content.raw).toContain(`<img src="${media[0].source_url}" alt="A ward at night"`);
    const picture = await fetch(media[0].source_url);
    expect(picture.headers.get('content-type')).toBe('image/png');

    // The editor fixes the title and publishes: the same remote post changes, no picture is uploaded again.
    const post = getPost(f.ctx.db, { slug: fx.everySlug });
    updatePost(f.ctx.db, { id: post.id, baseRevision: post.revision, title: 'Every node type, corrected' });
    const second = await publishPost(f.ctx.db, wp, site, { post: { id: post.id }, status: 'publish' });
    expect(second).toMatchObject({ remoteId: first.remoteId, created: false, status: 'publish', picturesUploaded: 0, picturesReused: 1 });
    expect(await rest('/wp/v2/posts?status=any&context=edit')).toHaveLength(1);
    expect(await rest('/wp/v2/media?context=edit')).toHaveLength(1);
    // The page a reader gets.
    const page = await (await fetch(second.link)).text();
    expect(page).toContain('Every node type, corrected');
    expect(page).toContain('Binita Kane');
    expect(page).toContain(media[0].source_url);
  });

  it('creates missing tags and categories, and carries the series notice', async () => {
    const { fx, site, wp } = await setup();
    const r = await publishPost(f.ctx.db, wp, site, { post: { slug: fx.guestSlug }, status: 'draft' });
    const remote = await rest(`/wp/v2/posts/${r.remoteId}?context=edit`);
    const tags = await rest('/wp/v2/tags?per_page=100');
    expect(tags.filter((t: any) => remote.tags.includes(t.id)).map((t: any) => t.name).sort()).toEqual(['NHS workforce', 'leadership']);
    const cats = await rest('/wp/v2/categories?per_page=100');
    expect(cats.filter((c: any) => remote.categories.includes(c.id)).map((c: any) => c.name).sort()).toEqual(['Clinical leadership', 'Guest blog']);
    expect(remote.content.raw).toMatch(/<p class="series-notice">This is the third in a series/);
    // Publishing again finds the terms that now exist rather than making new ones.
    await publishPost(f.ctx.db, wp, site, { post: { slug: fx.guestSlug }, status: 'draft' });
    expect((await rest('/wp/v2/tags?per_page=100')).length).toBe(tags.length);
  });

  it('stops when the post was edited in WordPress since our push, and overwrites only when told to', async () => {
    const { fx, site, wp } = await setup();
    const first = await publishPost(f.ctx.db, wp, site, { post: { slug: fx.guestSlug }, status: 'draft' });
    // modified_gmt has whole seconds: the edit there comes a second later.
    await new Promise((r) => setTimeout(r, 1100));
    const edited = await fetch(`${f.wp.url}/?rest_route=/wp/v2/posts/${first.remoteId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`editor:${f.wp.editor.appPassword}`).toString('base64')}` },
      body: JSON.stringify({ title: 'Edited in WordPress' }),
    });
    expect(edited.status).toBe(200);
    let caught: unknown;
    try { await publishPost(f.ctx.db, wp, site, { post: { slug: fx.guestSlug }, status: 'draft' }); } catch (e) { caught = e; }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('CONFLICT');
    expect((caught as AppError).message).toMatch(/was edited in WordPress .* Nothing was sent/);
    expect((await rest(`/wp/v2/posts/${first.remoteId}?context=edit`)).title.raw).toBe('Edited in WordPress');
    const over = await publishPost(f.ctx.db, wp, site, { post: { slug: fx.guestSlug }, status: 'draft', overwrite: true });
    expect(over.remoteId).toBe(first.remoteId);
    expect((await rest(`/wp/v2/posts/${first.remoteId}?context=edit`)).title.raw).not.toBe('Edited in WordPress');
  });

  it('sees an edit made in WordPress within the same second as our push, which modified_gmt cannot show', async () => {
    const { fx, site, wp } = await setup();
    const first = await publishPost(f.ctx.db, wp, site, { post: { slug: fx.guestSlug }, status: 'draft' });
    const before = await rest(`/wp/v2/posts/${first.remoteId}?context=edit`);
    // An editor changes the text there; the edit lands in the second of our push (its modified_gmt put back to ours).
    f.wp.php(`
      wp_update_post(['ID' => ${first.remoteId}, 'post_content' => get_post(${first.remoteId})->post_content . '<p>Added in WordPress.</p>']);
      global $wpdb;
      $wpdb->update($wpdb->posts, ['post_modified_gmt' => ${JSON.stringify(before.modified_gmt.replace('T', ' '))}, 'post_modified' => ${JSON.stringify(before.modified.replace('T', ' '))}], ['ID' => ${first.remoteId}]);
      clean_post_cache(${first.remoteId});
    `);
    const after = await rest(`/wp/v2/posts/${first.remoteId}?context=edit`);
    expect(after.modified_gmt).toBe(before.modified_gmt);
    expect(after.content.raw).toContain('Added in WordPress.');
    let caught: unknown;
    try { await publishPost(f.ctx.db, wp, site, { post: { slug: fx.guestSlug }, status: 'draft' }); } catch (e) { caught = e; }
    expect((caught as AppError).code).toBe('CONFLICT');
    expect((caught as AppError).message).toMatch(/edited in WordPress .* within the same second as our last push .* Nothing was sent/);
    expect((await rest(`/wp/v2/posts/${first.remoteId}?context=edit`)).content.raw).toContain('Added in WordPress.');
    // Unchanged there: publishing again goes through, as it always did.
    await publishPost(f.ctx.db, wp, site, { post: { slug: fx.guestSlug }, status: 'draft', overwrite: true });
    const again = await publishPost(f.ctx.db, wp, site, { post: { slug: fx.guestSlug }, status: 'draft' });
    expect(again).toMatchObject({ remoteId: first.remoteId, created: false });
    expect((await rest(`/wp/v2/posts/${first.remoteId}?context=edit`)).content.raw).not.toContain('Added in WordPress.');
  });

  it('publishes a series in running order with previous and next links to the remote posts', async () => {
    const { fx, site, wp } = await setup();
    // The fifth voice is planned for next year, so WordPress schedules it.
    f.ctx.db.prepare("UPDATE posts SET planned_date = '2099-05-15' WHERE slug = ?").run(fx.seriesPostSlugs[4]);
    const out = await publishSeries(f.ctx.db, wp, site, { slug: fx.seriesSlug });
    expect(out.map((o) => o.status)).toEqual(['publish', 'publish', 'publish', 'publish', 'future', 'draft']);
    const second = await rest(`/wp/v2/posts/${out[1]!.remoteId}?context=edit`);
    expect(second.content.raw).toContain(`<a href="${out[0]!.link}" rel="prev">`);
    expect(second.content.raw).toContain(`<a href="${out[2]!.link}" rel="next">`);
    expect(await rest('/wp/v2/posts?status=any&per_page=100')).toHaveLength(6);
    // Again: nothing new.
    await publishSeries(f.ctx.db, wp, site, { slug: fx.seriesSlug });
    expect(await rest('/wp/v2/posts?status=any&per_page=100')).toHaveLength(6);
  });

  it('retries 503 and 429 answers with backoff, and logs each attempt', async () => {
    const { fx, site } = await setup();
    const wp = publisherFor(f.ctx.db, f.store, site, { retries: 3, backoffMs: 50, timeoutMs: 15_000 });
    f.wp.setSwitch('fail', '1 503 POST /wp/v2/posts');
    try {
      const r = await publishPost(f.ctx.db, wp, site, { post: { slug: fx.guestSlug }, status: 'draft' });
      f.wp.setSwitch('fail', '1 429 POST /wp/v2/posts');
      await publishPost(f.ctx.db, wp, site, { post: { slug: fx.guestSlug }, status: 'draft' });
      expect(r.created).toBe(true);
    } finally {
      f.wp.setSwitch('fail', null);
    }
    const statuses = readLog(f.ctx.db, site.id, 500).map((l) => l.status);
    expect(statuses).toContain(503);
    expect(statuses).toContain(429);
    expect(await rest('/wp/v2/posts?status=any')).toHaveLength(1);
  });

  it('after a create that timed out here but happened there, a re-run finds that post instead of making a second', async () => {
    const { fx, site } = await setup();
    const impatient = publisherFor(f.ctx.db, f.store, site, { retries: 0, timeoutMs: 1000 });
    f.wp.setSwitch('slow', '2 - POST /wp/v2/posts');
    let caught: unknown;
    try {
      await publishPost(f.ctx.db, impatient, site, { post: { slug: fx.everySlug } });
    } catch (e) {
      caught = e;
    } finally {
      f.wp.setSwitch('slow', null);
    }
    expect((caught as RemoteError).kind).toBe('timeout');
    // WordPress finished the create after we stopped waiting.
    await new Promise((r) => setTimeout(r, 2000));
    expect(await rest('/wp/v2/posts?status=any')).toHaveLength(1);
    const again = await publishPost(f.ctx.db, publisherFor(f.ctx.db, f.store, site, fast), site, { post: { slug: fx.everySlug } });
    expect(again.created).toBe(false);
    expect(await rest('/wp/v2/posts?status=any')).toHaveLength(1);
    expect(await rest('/wp/v2/media')).toHaveLength(1);
  });
});
