/**
 * The WXR export: well-formed WXR 1.2 in the shape WordPress's importer expects, CDATA that
 * survives "]]>", and a round trip through our own importer into a fresh store that keeps the
 * posts' text, the comments' authors, text, statuses and threading.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../common/editor/serialized';
import { uuidv7 } from '../../common/ids';
import { openDatabase, type DB } from '../../db/connection';
import { createPost } from '../../db/repos/posts';
import { closeContext, createContext, type Ctx } from '../context';
import { createDispatch } from '../dispatch';
import { handlers } from '../handlers/index';
import { runImport } from '../importers/pipeline';
import { seedPublishFixtures, type SeededPublishFixtures } from './publish-fixtures';
import { cdata } from './wxr';

let dir: string;
let ctx: Ctx;
let seeded: SeededPublishFixtures;
let trickySlug: string;
let xml: string;
const file = () => path.join(dir, 'export.xml');

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-wxr-'));
  ctx = createContext({ dbPath: path.join(dir, 'source.sqlite'), mode: 'cli' });
  seeded = seedPublishFixtures(ctx.db);
  const tricky = createPost(ctx.db, {
    title: 'CDATA ]]> & <edge> cases',
    body: build.root([build.paragraph([build.text('Text with ]]> inside, and <tags> & ampersands.')])]) as never,
    status: 'in-review',
  });
  trickySlug = tricky.slug;
  const now = new Date().toISOString();
  ctx.db
    .prepare(
      `INSERT INTO comments (id, created_at, updated_at, post_id, source, source_id, author_name, posted_at, body_html, body_text, status)
       VALUES (?, ?, ?, ?, 'test', 'x1', 'Ed ]]> Itor', '2026-01-02T03:04:05.000Z', '<p>a ]]> b</p>', 'a ]]> b', 'approved')`,
    )
    .run(uuidv7(), now, now, tricky.id);
  const result = await createDispatch(handlers, ctx, { checkOutput: true })('publish.wxr', {
    posts: [{ slug: seeded.guestSlug }, { slug: seeded.everySlug }, { slug: trickySlug }, { slug: seeded.seriesPostSlugs[4] }],
    outPath: file(),
  });
  if (!result.ok) throw new Error(result.error.message);
  xml = fs.readFileSync(file(), 'utf8');
});

afterAll(() => {
  closeContext(ctx);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('WXR export', () => {
  it('splits "]]>" across CDATA sections so the text survives', () => {
    expect(cdata('a ]]> b')).toBe('<![CDATA[a ]]]]><![CDATA[> b]]>');
    expect(xml).not.toMatch(/Ed ]]> Itor/);
    expect(xml).toContain('<wp:comment_author><![CDATA[Ed ]]]]><![CDATA[> Itor]]></wp:comment_author>');
  });

  it('has the channel and item elements WordPress reads', () => {
    expect(xml).toContain('xmlns:wp="http://wordpress.org/export/1.2/"');
    expect(xml).toContain('<wp:wxr_version>1.2</wp:wxr_version>');
    expect(xml.match(/<wp:post_type><!\[CDATA\[post\]\]><\/wp:post_type>/g)).toHaveLength(4);
    expect(xml).toContain(`<wp:post_name><![CDATA[${seeded.guestSlug}]]></wp:post_name>`);
    expect(xml).toContain('<wp:status><![CDATA[publish]]></wp:status>');
    expect(xml).toContain('<wp:status><![CDATA[draft]]></wp:status>');
    expect(xml).toContain('<wp:status><![CDATA[pending]]></wp:status>');
    expect(xml).toContain('<wp:status><![CDATA[future]]></wp:status>');
    expect(xml).toContain('<wp:author_login><![CDATA[binita-kane]]></wp:author_login>');
    expect(xml).toContain('<pubDate>Thu, 12 Mar 2015 09:00:00 +0000</pubDate>');
    expect(xml.match(/<wp:comment_approved><!\[CDATA\[1\]\]><\/wp:comment_approved>/g)).toHaveLength(6);
    expect(xml).not.toContain('NOT APPROVED');
  });

  it('is byte-identical when exported twice', async () => {
    const again = await createDispatch(handlers, ctx)('publish.wxr', {
      posts: [{ slug: seeded.guestSlug }, { slug: seeded.everySlug }, { slug: trickySlug }, { slug: seeded.seriesPostSlugs[4] }],
    });
    expect(again.ok && (again.value as { xml: string }).xml).toBe(xml);
  });

  it('round-trips through our importer into a fresh store with the same text, authors, statuses and threading', async () => {
    const target = path.join(dir, 'fresh.sqlite');
    openDatabase(target).close();
    const summary = await runImport({ filePath: file(), format: 'wxr' }, { openDb: () => openDatabase(target) });
    expect(summary.posts).toBe(4);
    expect(summary.comments.byStatus).toEqual({ approved: 6, pending: 0, spam: 0, trash: 0 });

    const fresh: DB = openDatabase(target);
    try {
      type Row = { slug: string; title: string; body_text: string };
      const postsOf = (db: DB) =>
        (db.prepare('SELECT slug, title, body_text FROM posts WHERE deleted_at IS NULL AND slug IN (?, ?) ORDER BY slug').all(seeded.guestSlug, trickySlug) as Row[]).map(
          (r) => ({ ...r, body_text: r.body_text.replace(/\s+/g, ' ').trim() }),
        );
      expect(postsOf(fresh)).toEqual(postsOf(ctx.db));

      type C = { id: string; parent_id: string | null; author_name: string; author_email: string; body_text: string; status: string; posted_at: string };
      const commentsOf = (db: DB) => {
        const rows = db
          .prepare(
            `SELECT c.id, c.parent_id, c.author_name, c.author_email, c.body_text, c.status, c.posted_at FROM comments c
             WHERE c.status = 'approved' AND c.deleted_at IS NULL ORDER BY c.posted_at`,
          )
          .all() as C[];
        const byId = new Map(rows.map((r) => [r.id, r]));
        return rows.map((r) => ({
          author: r.author_name,
          email: r.author_email,
          text: r.body_text.replace(/\s+/g, ' ').trim(),
          status: r.status,
          postedAt: r.posted_at,
          replyTo: r.parent_id ? byId.get(r.parent_id)?.author_name ?? '?' : null,
        }));
      };
      const before = commentsOf(ctx.db);
      const after = commentsOf(fresh);
      expect(after).toEqual(before);
      expect(after.find((c) => c.author === 'Dr Julie Barker')?.replyTo).toBe('Alistair Hellewell');
    } finally {
      fresh.close();
    }
  });
});
