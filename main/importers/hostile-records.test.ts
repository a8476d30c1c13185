/**
 * One hostile record never stops a whole file: a <frameset> comment (which once made the
 * sanitizer throw a raw TypeError) in every importer that carries HTML bodies, and a WXR post
 * whose content is nested deeper than the HTML converter can recurse. Real SQLite files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection';
import { findActiveContent } from '../testing/active-content';
import { runImport } from './pipeline';
import { storePerTest } from '../testing/store-per-test';

const store = storePerTest('wb-hostile-records-');
const dir = store.dir;

const write = (name: string, content: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
};
const rows = () => {
  const db = openDatabase(store.path);
  try {
    return db.prepare('SELECT source_id, body_html, body_text FROM comments ORDER BY source_id').all() as { source_id: string; body_html: string; body_text: string }[];
  } finally {
    db.close();
  }
};
const cdata = (s: string) => `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

const FRAMESETS = [`<FRAMESET><FRAME SRC="javascript:alert('XSS');"></FRAMESET>`, '<frameset onload=alert(31)>', '<frameset><frame src=x></frameset>After'];

function wxr(content: string, bodies: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Blog</title>
<item><title>Deep</title><link>https://blog.example/deep/</link><wp:post_id>9</wp:post_id><wp:post_name>deep</wp:post_name>
<content:encoded>${cdata(content)}</content:encoded>
${bodies
  .map((b, i) => `<wp:comment><wp:comment_id>${i + 1}</wp:comment_id><wp:comment_author>Reader</wp:comment_author><wp:comment_content>${cdata(b)}</wp:comment_content><wp:comment_approved>1</wp:comment_approved></wp:comment>`)
  .join('\n')}
</item></channel></rss>`;
}

function expectInert(bodies: { body_html: string }[]) {
  for (const r of bodies) expect(findActiveContent(r.body_html), r.body_html).toEqual([]);
}

describe('a <frameset> comment among others', () => {
  const bodies = ['<p>Before</p>', ...FRAMESETS, '<p>After all</p>'];

  it('imports every comment of a WordPress export, the frameset ones inert', async () => {
    const summary = await runImport({ filePath: write('frameset.xml', wxr('<p>Body</p>', bodies)) }, { openDb: () => openDatabase(store.path) });
    expect(summary.comments.imported).toBe(bodies.length);
    const stored = rows();
    expectInert(stored);
    expect(stored.map((r) => r.body_text)).toEqual(['Before', '', '', 'After', 'After all']);
  });

  it('imports every comment of a Disqus export and a JSON file the same way', async () => {
    const disqus = `<?xml version="1.0" encoding="utf-8"?>
<disqus xmlns:dsq="http://disqus.com/disqus-internals"><thread dsq:id="t1"><title>T</title><link>https://blog.example/t/</link></thread>
${bodies.map((b, i) => `<post dsq:id="${i + 1}"><message>${cdata(b)}</message><thread dsq:id="t1"/><author><name>R</name></author></post>`).join('\n')}
</disqus>`;
    expect((await runImport({ filePath: write('frameset-disqus.xml', disqus) }, { openDb: () => openDatabase(store.path) })).comments.imported).toBe(bodies.length);
    const json = JSON.stringify(bodies.map((html, i) => ({ sourceId: `j${i}`, post: 'frameset-post', html })));
    expect((await runImport({ filePath: write('frameset.json', json) }, { openDb: () => openDatabase(store.path) })).comments.imported).toBe(bodies.length);
    const stored = rows();
    expect(stored).toHaveLength(bodies.length * 2);
    expectInert(stored);
  });
});

describe('a WordPress post nested deeper than the converter goes', () => {
  it('keeps the post text as paragraphs, imports its comments and warns with the file, line and post', async () => {
    const deep = `${'<div>'.repeat(3000)}Deep text${'</div>'.repeat(3000)}`;
    const summary = await runImport({ filePath: write('deep.xml', wxr(deep, ['<p>Fine</p>'])) }, { openDb: () => openDatabase(store.path) });
    expect(summary.comments.imported).toBe(1);
    expect(summary.warnings).toContainEqual('deep.xml:4: post "Deep": its HTML is nested too deeply to convert; its text was kept as plain paragraphs');
    const db = openDatabase(store.path);
    try {
      const post = db.prepare("SELECT body_text FROM posts WHERE slug = 'deep'").get() as { body_text: string };
      expect(post.body_text).toContain('Deep text');
    } finally {
      db.close();
    }
  }, 60_000);
});
