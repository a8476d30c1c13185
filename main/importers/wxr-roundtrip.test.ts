/**
 * Our own WXR export read back by our importer: the commenters' roles and organisations travel
 * as wp:commentmeta entries (workbench_author_role, workbench_author_organisation) and must come
 * back into a fresh store unchanged, with the comments' text and order.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../../db/connection';
import { createPost } from '../../db/repos/posts';
import { closeContext, createContext, type Ctx } from '../context';
import { DEMO_PAGE_FILE } from '../demo/paths';
import { createDispatch } from '../dispatch';
import { handlers } from '../handlers/index';
import { runImport } from './pipeline';
import { parseWxr } from './wxr';
import { collect } from './testing';

let dir: string;
let ctx: Ctx;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-wxr-roundtrip-'));
  ctx = createContext({ dbPath: path.join(dir, 'source.sqlite'), mode: 'cli' });
});
afterAll(() => {
  closeContext(ctx);
  fs.rmSync(dir, { recursive: true, force: true });
});

type Author = { author_name: string; author_role: string; author_organisation: string; body_text: string };
const authors = (db: DB) =>
  db.prepare("SELECT author_name, author_role, author_organisation, body_text FROM comments WHERE status = 'approved' ORDER BY rowid").all() as Author[];

describe('WXR round trip of commenters', () => {
  it('imports the page fixture, exports WXR, imports that into a fresh store with the same names, roles and organisations', async () => {
    createPost(ctx.db, { title: 'Medical leadership', slug: 'medical-leadership' });
    const first = await runImport({ filePath: DEMO_PAGE_FILE, format: 'text', postSlug: 'medical-leadership' }, { openDb: ctx.reopen });
    expect(first.comments.imported).toBe(5);
    const original = authors(ctx.db);
    expect(original.filter((a) => a.author_role && a.author_organisation)).toHaveLength(4);

    const out = path.join(dir, 'export.xml');
    const exported = await createDispatch(handlers, ctx, { checkOutput: true })('publish.wxr', { posts: [{ slug: 'medical-leadership' }], outPath: out });
    if (!exported.ok) throw new Error(exported.error.message);

    const target = path.join(dir, 'fresh.sqlite');
    openDatabase(target).close();
    const summary = await runImport({ filePath: out, format: 'wxr' }, { openDb: () => openDatabase(target) });
    expect(summary.comments.imported).toBe(5);
    expect(summary.warnings).toEqual([]);
    const fresh = openDatabase(target);
    try {
      const norm = (list: Author[]) => list.map((a) => ({ ...a, body_text: a.body_text.replace(/\s+/g, ' ').trim() }));
      expect(norm(authors(fresh))).toEqual(norm(original));
    } finally {
      fresh.close();
    }
  });

  it('reads wp:commentmeta in any order and ignores keys it does not know', async () => {
    const doc = `<rss xmlns:wp="https://wordpress.org/export/1.2/"><channel><item><wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type>
<wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_author>Ann</wp:comment_author>
<wp:commentmeta><wp:meta_value><![CDATA[Nurse & Governor]]></wp:meta_value><wp:meta_key>workbench_author_role</wp:meta_key></wp:commentmeta>
<wp:commentmeta><wp:meta_key>akismet_result</wp:meta_key><wp:meta_value>false</wp:meta_value></wp:commentmeta>
<wp:comment_content>Hi</wp:comment_content>
<wp:commentmeta><wp:meta_key>workbench_author_organisation</wp:meta_key><wp:meta_value> The Trust </wp:meta_value></wp:commentmeta>
</wp:comment>
<wp:comment><wp:comment_id>2</wp:comment_id><wp:comment_author>Bob</wp:comment_author></wp:comment></item></channel></rss>`;
    const { comments, warnings } = await collect(parseWxr, doc, {}, 11);
    expect(warnings).toEqual([]);
    expect(comments.map((c) => [c.author.name, c.author.role, c.author.organisation, c.body])).toEqual([
      ['Ann', 'Nurse & Governor', 'The Trust', 'Hi'],
      ['Bob', '', '', ''],
    ]);
  });
});
