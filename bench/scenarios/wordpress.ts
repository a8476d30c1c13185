/**
 * wordpress: pulling a post's comments from a real WordPress (Debian's package on loopback, see
 * main/testing/wordpress-server.ts) into a fresh database, in comments per second. Baseline: the bare
 * paged REST requests alone (the same pages, fetched and parsed, nothing stored): the floor of the
 * same network work. The second row publishes the long draft with 20 pictures (wordpress-publish.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { closeContext, createContext } from '../../main/context';
import { CredentialStore, keyFileBox } from '../../main/publishers/credentials';
import { connectSite, publisherFor } from '../../main/publishers/connections';
import { pullComments } from '../../main/publishers/pull-comments';
import { startWordPress, wordpressAvailable } from '../../main/testing/wordpress-server';
import { median } from '../lib/stats';
import type { Scenario } from '../lib/types';
import { publishRow } from './wordpress-publish';

export const wordpress: Scenario = {
  name: 'wordpress',
  title: 'pulling comments from and publishing to a real WordPress vs the bare REST requests',
  async run(ctx) {
    const missing = wordpressAvailable();
    if (missing) return { status: 'skipped', reason: missing };
    const n = ctx.sizes.name === 'full' ? 10_000 : 300;
    const wp = await startWordPress();
    try {
      // Without WordPress's sample post and its comment: the site holds the bench post alone.
      wp.reset();
      const out = wp.php(`
        $p = wp_insert_post(['post_title' => 'Bench post', 'post_status' => 'publish', 'post_content' => 'Hello']);
        global $wpdb;
        $rows = [];
        for ($i = 0; $i < ${n}; $i++) {
          $rows[] = $wpdb->prepare('(%d, %s, %s, %s, %s, %s, %s, %s, %d)', $p, "Reader $i", "r$i@example.test", '2026-01-01 00:00:00', '2026-01-01 00:00:00',
            "<p>Comment $i with <b>some</b> words about the post, long enough to look like a real one.</p>", $i % 3 ? '1' : '0', 'comment', 0);
          if (count($rows) === 500 || $i === ${n} - 1) {
            $wpdb->query("INSERT INTO {$wpdb->comments} (comment_post_ID, comment_author, comment_author_email, comment_date, comment_date_gmt, comment_content, comment_approved, comment_type, comment_parent) VALUES " . implode(',', $rows));
            $rows = [];
          }
        }
        echo $p;
      `);
      const postId = Number(out.trim().split(/\s+/).pop());
      const auth = `Basic ${Buffer.from(`admin:${wp.admin.appPassword}`).toString('base64')}`;
      const bare = async () => {
        let count = 0;
        for (let page = 1; ; page++) {
          const r = await fetch(`${wp.url}/index.php?rest_route=/wp/v2/comments&post=${postId}&context=edit&status=any&orderby=id&order=asc&per_page=100&page=${page}`, { headers: { authorization: auth } });
          count += ((await r.json()) as unknown[]).length;
          if (page >= Number(r.headers.get('x-wp-totalpages'))) return count;
        }
      };
      const ours = async (i: number) => {
        const dir = path.join(ctx.data.dir, `wp-pull-${i}`);
        fs.rmSync(dir, { recursive: true, force: true });
        const c = createContext({ dbPath: path.join(dir, 'w.sqlite'), mode: 'cli' });
        try {
          const store = new CredentialStore(path.join(dir, 'c.json'), keyFileBox(path.join(dir, 'k')), {});
          const site = await connectSite(c.db, store, { url: wp.url, user: 'admin', password: wp.admin.appPassword });
          const pub = publisherFor(c.db, store, site);
          const t = performance.now();
          const r = await pullComments(c.db, pub, site, { all: true });
          const ms = performance.now() - t;
          if (r.imported !== n) throw new Error(`pulled ${r.imported} of ${n} comments`);
          return ms;
        } finally {
          closeContext(c);
        }
      };
      const times = ctx.sizes.name === 'full' ? 3 : 1;
      // A first pass warms PHP and MariaDB for both sides.
      await bare();
      const oursMs: number[] = [];
      const bareMs: number[] = [];
      for (let i = 0; i < times; i++) {
        const t = performance.now();
        if ((await bare()) !== n) throw new Error('the bare requests did not see every comment');
        bareMs.push(performance.now() - t);
        oursMs.push(await ours(i));
      }
      ctx.log(`pull: ${oursMs.map(Math.round).join(', ')} ms; bare pages: ${bareMs.map(Math.round).join(', ')} ms`);
      const perSecond = (ms: number) => (n / ms) * 1000;
      const publish = await publishRow(ctx, wp);
      return {
        status: 'ok',
        notes: [`${times} interleaved runs of ${n} comments on one post; each pull into a fresh database (connect, link the post, fetch, sanitize, store page by page)`, publish.note],
        rows: [
          {
            name: `pull ${n.toLocaleString('en-GB')} comments from WordPress`,
            unit: 'comments/s',
            ours: perSecond(median(oursMs)),
            baseline: perSecond(median(bareMs)),
            baselineName: 'the same paged REST requests, parsed, nothing stored',
            budget: 'none set',
            pass: null,
          },
          publish.row,
        ],
      };
    } finally {
      await wp.stop();
    }
  },
};
