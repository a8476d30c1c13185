/**
 * Large files are read and sanitized in a worker thread (read-thread.ts) while the importing
 * thread writes. The same file through the thread and in-thread must store the same rows, and the
 * thread keeps every guarantee: a broken file (even near its end, after many batches were written)
 * imports nothing and says where; the same file again adds nothing; a cancel rolls back; hostile
 * markup is sanitized in the worker as in-thread.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../common/errors';
import { openDatabase } from '../../db/connection';
import { HOSTILE_CORPUS } from '../testing/hostile-corpus';
import { runImport, type RunOptions } from './pipeline';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-read-thread-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;
const freshDb = () => {
  const file = path.join(dir, `store-${++n}.sqlite`);
  openDatabase(file).close();
  return file;
};

const cdata = (s: string) => `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
/** About 1 KB a comment: 600 comments span ten 64 KiB reads, more than the worker may run ahead. */
function bigWxr(comments = 600, tail = '</item></channel></rss>\n'): string {
  const items: string[] = [];
  for (let i = 1; i <= comments; i++) {
    const hostile = HOSTILE_CORPUS[i % HOSTILE_CORPUS.length].html;
    const body = i % 7 === 0 ? hostile : `Comment ${i} says <em>something</em> at length. ${'Words of a reader. '.repeat(40)}\n\nSecond paragraph.`;
    items.push(`<wp:comment><wp:comment_id>${i}</wp:comment_id><wp:comment_author>${cdata(`Reader ${i % 13}`)}</wp:comment_author>
<wp:comment_date_gmt>2025-01-02 03:04:05</wp:comment_date_gmt><wp:comment_content>${cdata(body)}</wp:comment_content>
<wp:comment_approved>${i % 5 ? 1 : 0}</wp:comment_approved><wp:comment_parent>${i > 3 && i % 3 === 0 ? i - 2 : 0}</wp:comment_parent></wp:comment>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<item><title>Post</title><link>https://blog.example/post/</link><wp:post_id>5</wp:post_id><wp:post_name>post</wp:post_name><wp:post_type>post</wp:post_type>
<content:encoded>${cdata('<p>The post <strong>itself</strong>.</p>')}</content:encoded>
${items.join('\n')}
${tail}`;
}

const file = path.join(dir, 'big.xml');
fs.writeFileSync(file, bigWxr());

const run = (db: string, reader: RunOptions['reader'], filePath = file, extra: Partial<RunOptions> = {}) => runImport({ filePath }, { openDb: () => openDatabase(db), reader, ...extra });

function stored(dbFile: string) {
  const db = openDatabase(dbFile);
  try {
    return {
      comments: db
        .prepare(
          `SELECT c.source_id, c.author_name, c.body_html, c.body_text, c.status, c.flags, p.source_id AS parent
           FROM comments c LEFT JOIN comments p ON p.id = c.parent_id ORDER BY CAST(c.source_id AS INTEGER)`,
        )
        .all(),
      posts: db.prepare('SELECT slug, title, body FROM posts ORDER BY slug').all(),
      indexed: db.prepare("SELECT count(*) FROM comments_fts WHERE comments_fts MATCH 'reader'").pluck().get(),
      states: db.prepare('SELECT count(*) FROM comment_states').pluck().get(),
    };
  } finally {
    db.close();
  }
}

// Each test starts a worker that compiles its sources through tsx: slow on a loaded machine.
describe('reading in a worker thread', { timeout: 180_000 }, () => {
  it('stores exactly what reading in-thread stores', async () => {
    const [a, b] = [freshDb(), freshDb()];
    const viaThread = await run(a, 'thread');
    const inline = await run(b, 'inline');
    expect(viaThread).toEqual(inline);
    expect(viaThread.comments.imported).toBe(600);
    const rows = stored(a);
    expect(rows).toEqual(stored(b));
    expect(rows.states).toBe(600);
    expect(rows.indexed).toBe(600);
    // Sanitized in the worker: nothing active survives.
    expect(JSON.stringify(rows.comments)).not.toMatch(/<script|onerror|javascript:/i);
  });

  it('adds nothing when the same file is imported again', async () => {
    const db = freshDb();
    await run(db, 'thread');
    const again = await run(db, 'thread');
    expect(again.comments).toMatchObject({ imported: 0, updated: 0, unchanged: 600 });
  });

  it('imports nothing from a file broken near its end, and says where', async () => {
    const db = freshDb();
    const broken = path.join(dir, 'broken.xml');
    const text = bigWxr(600, '</item></channel>\n<oops></rss>\n');
    fs.writeFileSync(broken, text);
    const err = await run(db, 'thread', broken).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('IMPORT_FAILED');
    expect((err as AppError).message).toMatch(new RegExp(`^broken\\.xml:${text.split('\n').length - 1}:\\d+: .*nothing was imported$`));
    expect(stored(db)).toMatchObject({ comments: [], posts: [], states: 0, indexed: 0 });
  });

  it('rolls everything back when cancelled part way', async () => {
    const db = freshDb();
    let batches = 0;
    const err = await run(db, 'thread', file, { onProgress: () => batches++, isCancelled: () => batches >= 3 }).then(() => null, (e: unknown) => e);
    expect((err as AppError).code).toBe('CANCELLED');
    expect(stored(db)).toMatchObject({ comments: [], posts: [] });
  });
});
