import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection';
import { setStatus } from '../../db/repos/comment-review';
import { seedPublishFixtures } from '../exporters/publish-fixtures';
import { runImport } from '../importers/pipeline';
import { connectSite, publisherFor } from './connections';
import { publishPost } from './publish-post';
import { pullComments } from './pull-comments';
import { moderationChanges, pushModeration } from './push-moderation';
import { postReply } from './post-reply';
import { saveReply } from '../../db/repos/replies';
import { build } from '../../common/editor/serialized';
import { RemoteError } from './remote-http';
import { useWordPress } from './testing';
import { addRule } from '../../db/repos/moderation-rules';
import { cancelPull, pullProgress, runPullJob } from './pull-jobs';

const f = useWordPress('wb-wpcomments-');
const fast = { retries: 0, timeoutMs: 15_000 };

async function rest(route: string, init: RequestInit = {}): Promise<any> {
  const r = await fetch(`${f.wp.url}/?rest_route=${route.replace('?', '&')}`, {
    ...init,
    headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`admin:${f.wp.admin.appPassword}`).toString('base64')}` },
  });
  expect(r.ok, `${route}: ${r.status}`).toBe(true);
  return r.json();
}

/** Reader comments written in WordPress itself: a thread, every status, hostile markup. */
function addComments(remotePostId: number, n = 0): number[] {
  const out = f.wp.php(`
    $p = ${remotePostId};
    $c = function ($author, $content, $approved, $parent = 0, $date = '2026-01-02 03:04:05') use ($p) {
      return wp_insert_comment(['comment_post_ID' => $p, 'comment_author' => $author, 'comment_author_email' => strtolower($author) . '@example.test',
        'comment_author_url' => 'https://' . strtolower($author) . '.example', 'comment_content' => $content, 'comment_approved' => $approved,
        'comment_parent' => $parent, 'comment_date_gmt' => $date, 'comment_date' => $date]);
    };
    if (${n} > 0) { $ids = []; for ($i = 0; $i < ${n}; $i++) $ids[] = $c("Reader$i", "Comment number $i", 1); echo json_encode($ids); return; }
    $a = $c('Ann', '<p>First <script>alert(1)</script><b>bold</b></p>', 1);
    $b = $c('Bob', 'A reply to Ann', 0, $a, '2026-01-03 10:00:00');
    $s = $c('Spammer', 'Buy pills', 'spam');
    $t = $c('Tim', 'Binned', 'trash');
    echo json_encode([$a, $b, $s, $t]);
  `);
  return JSON.parse(out.slice(out.indexOf('[')));
}

async function publishedWithComments() {
  const fx = seedPublishFixtures(f.ctx.db);
  const site = await connectSite(f.ctx.db, f.store, { url: f.wp.url, user: 'admin', password: f.wp.admin.appPassword }, fast);
  const wp = publisherFor(f.ctx.db, f.store, site, fast);
  // WordPress refuses comments on drafts: the post is published there.
  const pub = await publishPost(f.ctx.db, wp, site, { post: { slug: fx.everySlug }, status: 'publish' });
  const ids = addComments(pub.remoteId);
  return { fx, site, wp, pub, ids };
}

const local = (sourceId: number) =>
  f.ctx.db.prepare("SELECT c.*, p.source_id AS parent_remote FROM comments c LEFT JOIN comments p ON p.id = c.parent_id WHERE c.source = 'wxr' AND c.source_id = ?").get(String(sourceId)) as any;

describe('pulling comments from a real WordPress', () => {
  it('brings every status, the thread, authors and UTC dates in, sanitized; a second pull fetches nothing and changes nothing', async () => {
    const { site, wp, ids, pub } = await publishedWithComments();
    const first = await pullComments(f.ctx.db, wp, site);
    expect(first).toMatchObject({ fetched: 4, imported: 4, updated: 0 });
    const [a, b, s, t] = ids.map(local);
    expect([a.status, b.status, s.status, t.status]).toEqual(['approved', 'pending', 'spam', 'trash']);
    expect(b.parent_remote).toBe(String(ids[0]));
    expect(a.author_email).toBe('ann@example.test');
    expect(a.author_url).toBe('https://ann.example');
    expect(a.posted_at).toBe('2026-01-02T03:04:05.000Z');
    expect(a.body_html).not.toContain('script');
    expect(a.body_html).toContain('<b>bold</b>');

    const again = await pullComments(f.ctx.db, wp, site);
    expect(again).toMatchObject({ fetched: 0, imported: 0, updated: 0 });
    const full = await pullComments(f.ctx.db, wp, site, { full: true });
    expect(full).toMatchObject({ fetched: 4, imported: 0, unchanged: 4 });

    // A new comment there: the next pull fetches it alone.
    const [newer] = addComments(pub.remoteId, 1);
    const third = await pullComments(f.ctx.db, wp, site);
    expect(third).toMatchObject({ fetched: 1, imported: 1 });
    expect(local(newer!).body_text).toBe('Comment number 0');
  });

  it('pages through every comment (more than 100)', async () => {
    const { site, wp, pub } = await publishedWithComments();
    addComments(pub.remoteId, 150);
    const r = await pullComments(f.ctx.db, wp, site);
    expect(r.imported).toBe(154);
    expect(f.ctx.db.prepare("SELECT count(*) FROM comments WHERE source = 'wxr'").pluck().get()).toBe(154);
  });

  it('keeps one comment whether it came by a WXR file from WordPress or by a pull', async () => {
    const { site, wp } = await publishedWithComments();
    const xml = f.wp.php(`require_once ABSPATH . 'wp-admin/includes/export.php'; export_wp(['content' => 'post']);`);
    const file = path.join(f.dir, 'site.xml');
    fs.writeFileSync(file, xml.slice(xml.indexOf('<?xml')));
    const summary = await runImport({ filePath: file, format: 'wxr' }, { openDb: () => openDatabase(f.ctx.dbPath), reader: 'inline' });
    // WordPress leaves spam out of its export; the pull brings that one alone.
    expect(summary.comments.imported).toBe(3);
    const pulled = await pullComments(f.ctx.db, wp, site);
    expect(pulled).toMatchObject({ fetched: 4, imported: 1, unchanged: 3 });
    expect(f.ctx.db.prepare('SELECT count(*) FROM comments').pluck().get()).toBe(4 + 5 + 2);
  });

  it('pulls every post of the site with --all, creating local posts for those not published from here', async () => {
    const { site, wp } = await publishedWithComments();
    const other = await rest('/wp/v2/posts', { method: 'POST', body: JSON.stringify({ title: 'Written in WordPress', status: 'publish', content: 'Hello' }) });
    addComments(other.id, 2);
    const r = await pullComments(f.ctx.db, wp, site, { all: true });
    expect(r).toMatchObject({ postsCreated: 1, imported: 6 });
    expect(f.ctx.db.prepare("SELECT count(*) FROM posts WHERE title = 'Written in WordPress'").pluck().get()).toBe(1);
  });
});

describe('an incremental pull brings what changed in WordPress', () => {
  /** A publisher whose every request is counted, as the connection log sees them. */
  function counted(site: Awaited<ReturnType<typeof publishedWithComments>>['site']) {
    const urls: string[] = [];
    const wp = publisherFor(f.ctx.db, f.store, site, { ...fast, log: (e) => urls.push(`${e.method} ${decodeURIComponent(e.url)}`) });
    return { wp, urls, full: () => urls.filter((u) => u.includes('include=')).length };
  }

  it('sweeps lightly, fetches in full only the comments changed there (status, text), and takes their change', async () => {
    const { site, ids, pub } = await publishedWithComments();
    addComments(pub.remoteId, 150);
    const { wp, urls, full } = counted(site);
    await pullComments(f.ctx.db, wp, site);
    // Ann's status was decided here and sent: it is WordPress's too.
    const ann = local(ids[0]!);
    setStatus(f.ctx.db, [{ id: ann.id, revision: ann.revision }], 'spam');
    expect((await pushModeration(f.ctx.db, wp, site)).pushed).toBe(1);

    // Nothing changed there: no comment is fetched in full; the sweep reads two pages of stamps.
    urls.length = 0;
    const quiet = await pullComments(f.ctx.db, wp, site);
    expect(quiet).toMatchObject({ fetched: 0, imported: 0, changed: 0, conflicts: [] });
    expect(full()).toBe(0);
    const sweeps = urls.filter((u) => u.includes('_fields=id,post,parent,status'));
    expect(sweeps.length).toBe(2);
    expect(urls.length).toBe(3); // the look for new comments, then the sweep
    console.log(`nothing changed (154 comments): ${urls.length} requests, ${full()} full fetches`);

    // Moderated and edited in WordPress: a held reply approved, Ann approved again, a comment's text edited.
    await rest(`/wp/v2/comments/${ids[1]}`, { method: 'POST', body: JSON.stringify({ status: 'approve' }) });
    await rest(`/wp/v2/comments/${ids[0]}`, { method: 'POST', body: JSON.stringify({ status: 'approve' }) });
    await rest(`/wp/v2/comments/${ids[2]}`, { method: 'POST', body: JSON.stringify({ content: 'Edited <b>there</b>' }) });
    const [newer] = addComments(pub.remoteId, 1);
    urls.length = 0;
    const r = await pullComments(f.ctx.db, wp, site);
    expect(r).toMatchObject({ imported: 1, changed: 3, conflicts: [], fetched: 4 });
    expect(full()).toBe(1);
    console.log(`1 new, 3 changed (155 comments): ${urls.length} requests, ${full()} full fetch`);
    expect(local(ids[1]!).status).toBe('approved');
    expect(local(ids[0]!).status).toBe('approved');
    expect(local(ids[2]!).body_html).toBe('<p>Edited <b>there</b></p>');
    expect(local(ids[2]!).status).toBe('spam');
    expect(local(newer!).status).toBe('approved');
    // Taken as seen there: nothing left to push, and the next pull finds nothing.
    expect(moderationChanges(f.ctx.db, site)).toEqual([]);
    expect(await pullComments(f.ctx.db, wp, site)).toMatchObject({ fetched: 0, changed: 0 });
  });

  it('leaves a comment decided here since the pull as it is, and reports the change there as a conflict to decide', async () => {
    const { site, wp, ids } = await publishedWithComments();
    await pullComments(f.ctx.db, wp, site);
    const bob = local(ids[1]!);
    setStatus(f.ctx.db, [{ id: bob.id, revision: bob.revision }], 'approved');
    // Meanwhile a moderator there marks Bob's reply as spam.
    await rest(`/wp/v2/comments/${ids[1]}`, { method: 'POST', body: JSON.stringify({ status: 'spam' }) });

    const r = await pullComments(f.ctx.db, wp, site);
    expect(r).toMatchObject({ changed: 0, conflicts: [{ remoteId: ids[1], from: 'pending', to: 'approved', remoteNow: 'spam', reason: 'moderated in WordPress since the pull (now spam)' }] });
    expect(local(ids[1]!).status).toBe('approved');
    // A full pull, reading every comment again, keeps it the same way.
    expect(await pullComments(f.ctx.db, wp, site, { full: true })).toMatchObject({ fetched: 4, changed: 0, conflicts: [{ remoteId: ids[1], remoteNow: 'spam' }] });
    expect(local(ids[1]!).status).toBe('approved');
    // The push sees the same conflict; sending mine anyway is the user's decision.
    expect((await pushModeration(f.ctx.db, wp, site)).conflicts).toMatchObject([{ remoteId: ids[1], remoteNow: 'spam' }]);
    expect((await rest(`/wp/v2/comments/${ids[1]}?context=edit`)).status).toBe('spam');

    // Or the user takes theirs: the decision set back, the next pull brings WordPress's status.
    const now = local(ids[1]!);
    setStatus(f.ctx.db, [{ id: now.id, revision: now.revision }], 'pending');
    expect(await pullComments(f.ctx.db, wp, site)).toMatchObject({ changed: 1, conflicts: [] });
    expect(local(ids[1]!).status).toBe('spam');
    expect(moderationChanges(f.ctx.db, site)).toEqual([]);
  });
});

describe('moderation rules on a pull', () => {
  it('holds or spams a pulled comment by the same rules, with the same verdict, as a WXR import of it', async () => {
    const { site, wp, pub, ids } = await publishedWithComments();
    const made = f.wp.php(`
      $c = fn ($a, $t) => wp_insert_comment(['comment_post_ID' => ${pub.remoteId}, 'comment_author' => $a, 'comment_author_email' => "$a@example.test", 'comment_content' => $t, 'comment_approved' => 0]);
      echo json_encode([$c('Mallory', 'Get CHEAP MEDS at my shop'), $c('Olive', 'A fair point about the rota.')]);
    `);
    const ruled = JSON.parse(made.slice(made.indexOf('['))) as number[];
    addRule(f.ctx.db, { kind: 'banned', params: { phrases: ['cheap meds'] } });
    const pulled = await pullComments(f.ctx.db, wp, site);
    expect(pulled).toMatchObject({ imported: 6, ruledSpam: 1 });
    const verdict = (remoteId: number, db = f.ctx.db) => db.prepare(
      "SELECT c.status, v.decided_by AS by FROM comments c LEFT JOIN comment_verdicts v ON v.comment_id = c.id WHERE c.source = 'wxr' AND c.source_id = ?",
    ).get(String(remoteId));
    expect(verdict(ruled[0]!)).toEqual({ status: 'spam', by: 'rule' });
    expect(verdict(ruled[1]!)).toEqual({ status: 'pending', by: null });
    // Bob's held reply has no banned phrase: the rule leaves it pending, as WordPress has it.
    expect(local(ids[1]!).status).toBe('pending');

    // The same comments by a WXR file from the site, into another store with the same rule: the same verdicts.
    const xml = f.wp.php(`require_once ABSPATH . 'wp-admin/includes/export.php'; export_wp(['content' => 'post']);`);
    const file = path.join(f.dir, 'site.xml');
    fs.writeFileSync(file, xml.slice(xml.indexOf('<?xml')));
    const other = path.join(f.dir, 'other.sqlite');
    const seed = openDatabase(other);
    addRule(seed, { kind: 'banned', params: { phrases: ['cheap meds'] } });
    seed.close();
    await runImport({ filePath: file, format: 'wxr' }, { openDb: () => openDatabase(other), reader: 'inline' });
    const imported = openDatabase(other);
    try {
      expect(ruled.map((id) => verdict(id, imported))).toEqual(ruled.map((id) => verdict(id)));
    } finally {
      imported.close();
    }
  });
});

describe('a long pull, page by page', () => {
  it('shows its progress, stops when cancelled keeping only whole pages, and the next pull fetches the rest without duplicates', async () => {
    const { site, wp, pub } = await publishedWithComments();
    addComments(pub.remoteId, 346); // 350 comments: four pages of 100
    f.wp.setSwitch('slow', '0.6 - GET /wp/v2/comments');
    try {
      const seen: number[] = [];
      const pull = runPullJob(site.id, site.url, (signal, onProgress) => pullComments(f.ctx.db, wp, site, { signal, onProgress }));
      await expect(runPullJob(site.id, site.url, () => pullComments(f.ctx.db, wp, site))).rejects.toThrow(/already being pulled/);
      for (;;) {
        const p = pullProgress(site.id);
        seen.push(p.fetched);
        if (p.pages >= 1) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      // What a page stored is in the store while the pull still runs.
      expect(f.ctx.db.prepare("SELECT count(*) FROM comments WHERE source = 'wxr'").pluck().get()).toBeGreaterThanOrEqual(100);
      expect(cancelPull(site.id)).toBe(true);
      const cut = await pull;
      expect(cut.cancelled).toBe(true);
      expect(cut.pages).toBeLessThan(4);
      expect(pullProgress(site.id)).toMatchObject({ running: false });
      const stored = f.ctx.db.prepare("SELECT CAST(source_id AS INTEGER) FROM comments WHERE source = 'wxr' ORDER BY 1").pluck().all() as number[];
      expect(stored.length).toBe(cut.pages * 100);
      expect(f.ctx.db.prepare('SELECT comments_through FROM cms_posts WHERE remote_id = ?').pluck().get(pub.remoteId)).toBe(stored[stored.length - 1]);
      expect(f.ctx.db.prepare('SELECT comments_pulled_at FROM cms_sites').pluck().get()).toBeNull();

      const rest = await pullComments(f.ctx.db, wp, site);
      expect(rest).toMatchObject({ cancelled: false, imported: 350 - stored.length, updated: 0 });
      expect(f.ctx.db.prepare("SELECT count(*), count(DISTINCT source_id) FROM comments WHERE source = 'wxr'").raw().get()).toEqual([350, 350]);
      expect(await pullComments(f.ctx.db, wp, site)).toMatchObject({ fetched: 0, imported: 0 });
    } finally {
      f.wp.setSwitch('slow', null);
    }
  });

  it('a pull of new comments (newest first) cancelled midway leaves no gap: the next one still fetches every new comment', async () => {
    const { site, wp, pub } = await publishedWithComments();
    await pullComments(f.ctx.db, wp, site);
    addComments(pub.remoteId, 250);
    const stop = new AbortController();
    const cut = await pullComments(f.ctx.db, wp, site, { signal: stop.signal, onProgress: () => stop.abort() });
    expect(cut).toMatchObject({ cancelled: true, pages: 1, imported: 100 });
    const rest = await pullComments(f.ctx.db, wp, site);
    expect(rest).toMatchObject({ imported: 150, unchanged: 100 });
    expect(f.ctx.db.prepare("SELECT count(*) FROM comments WHERE source = 'wxr'").pluck().get()).toBe(254);
    expect(await pullComments(f.ctx.db, wp, site)).toMatchObject({ fetched: 0 });
  });
});

describe('pushing moderation back to a real WordPress', () => {
  it('lists every change first, then sends them; a comment moderated there since the pull becomes a decision', async () => {
    const { site, wp, ids } = await publishedWithComments();
    await pullComments(f.ctx.db, wp, site);
    const [a, b, s] = ids.map(local);
    setStatus(f.ctx.db, [{ id: a.id, revision: a.revision }], 'spam');
    setStatus(f.ctx.db, [{ id: b.id, revision: b.revision }], 'approved');
    setStatus(f.ctx.db, [{ id: s.id, revision: s.revision }], 'trash');
    // Meanwhile someone approves the spam comment in WordPress.
    await rest(`/wp/v2/comments/${ids[2]}`, { method: 'POST', body: JSON.stringify({ status: 'approve' }) });

    const preview = await pushModeration(f.ctx.db, wp, site, { dryRun: true });
    expect(preview.changes.map((c) => [c.remoteId, c.from, c.to])).toEqual([[ids[0], 'approved', 'spam'], [ids[1], 'pending', 'approved'], [ids[2], 'spam', 'trash']]);
    expect((await rest(`/wp/v2/comments/${ids[0]}?context=edit`)).status).toBe('approved');

    const pushed = await pushModeration(f.ctx.db, wp, site);
    expect(pushed.pushed).toBe(2);
    expect(pushed.conflicts).toMatchObject([{ remoteId: ids[2], remoteNow: 'approved', reason: 'moderated in WordPress since the pull (now approved)' }]);
    expect((await rest(`/wp/v2/comments/${ids[0]}?context=edit`)).status).toBe('spam');
    expect((await rest(`/wp/v2/comments/${ids[1]}?context=edit`)).status).toBe('approved');
    expect((await rest(`/wp/v2/comments/${ids[2]}?context=edit`)).status).toBe('approved');
    // The user decides to overwrite.
    const forced = await pushModeration(f.ctx.db, wp, site, { overwrite: [ids[2]!] });
    expect(forced).toMatchObject({ pushed: 1, conflicts: [] });
    expect((await rest(`/wp/v2/comments/${ids[2]}?context=edit`)).status).toBe('trash');
    expect(moderationChanges(f.ctx.db, site)).toEqual([]);
  });

  it('finishes a batch cut short by the server going down, without sending anything twice', async () => {
    const { site, pub } = await publishedWithComments();
    addComments(pub.remoteId, 6);
    const wp = publisherFor(f.ctx.db, f.store, site, fast);
    await pullComments(f.ctx.db, wp, site);
    const rows = f.ctx.db.prepare("SELECT id, revision FROM comments WHERE source = 'wxr' AND status = 'approved' ORDER BY CAST(source_id AS INTEGER)").all() as { id: string; revision: number }[];
    setStatus(f.ctx.db, rows, 'pending');
    const total = moderationChanges(f.ctx.db, site).length;
    expect(total).toBe(rows.length);
    // The server dies after the third change is sent.
    let sent = 0;
    const dying = publisherFor(f.ctx.db, f.store, site, {
      ...fast,
      log: (e) => { if (e.method === 'POST' && e.status === 200 && ++sent === 3) void f.wp.killWeb(); },
    });
    let caught: unknown;
    try { await pushModeration(f.ctx.db, dying, site); } catch (e) { caught = e; }
    expect((caught as RemoteError).kind).toBe('unreachable');
    const left = moderationChanges(f.ctx.db, site).length;
    expect(left).toBe(total - 3);
    await f.wp.startWeb();
    const rerun = await pushModeration(f.ctx.db, publisherFor(f.ctx.db, f.store, site, fast), site);
    expect(rerun).toMatchObject({ pushed: left, conflicts: [] });
    const held = (await rest(`/wp/v2/comments?post=${pub.remoteId}&status=hold&per_page=100&context=edit`)) as any[];
    expect(held.length).toBe(rows.length + 1);
  });
});

describe('posting a reply to a real WordPress', () => {
  it('posts a ready reply under the comment as the connected user, links it, and never posts it twice', async () => {
    const { site, wp, ids } = await publishedWithComments();
    await pullComments(f.ctx.db, wp, site);
    const ann = local(ids[0]!);
    saveReply(f.ctx.db, { commentId: ann.id, baseRevision: 0, body: JSON.stringify(build.root([build.paragraph([build.text('Thank you, Ann.')])])), text: 'Thank you, Ann.', status: 'draft' });
    await expect(postReply(f.ctx.db, wp, site, ann.id)).rejects.toThrow(/not marked ready/);
    saveReply(f.ctx.db, { commentId: ann.id, baseRevision: 1, body: JSON.stringify(build.root([build.paragraph([build.text('Thank you, Ann.')])])), text: 'Thank you, Ann.', status: 'ready' });
    const r = await postReply(f.ctx.db, wp, site, ann.id);
    expect(r.created).toBe(true);
    expect(r.link).toMatch(new RegExp(`#comment-${r.replyRemoteId}$`));
    const remote = await rest(`/wp/v2/comments/${r.replyRemoteId}?context=edit`);
    expect(remote).toMatchObject({ parent: ids[0], author_name: 'admin', status: 'approved' });
    expect(remote.content.raw).toContain('<p>Thank you, Ann.</p>');
    expect(local(r.replyRemoteId).parent_remote).toBe(String(ids[0]));
    const again = await postReply(f.ctx.db, wp, site, ann.id);
    expect(again).toMatchObject({ created: false, replyRemoteId: r.replyRemoteId });
    expect((await pullComments(f.ctx.db, wp, site, { full: true })).imported).toBe(0);
  });
});
