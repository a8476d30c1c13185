/**
 * The import pipeline against real SQLite files: what it refuses (invalid UTF-8, oversized
 * comments) and where it says the problem is, what it cleans (author URLs), how it counts a
 * comment that appears twice, and that deferred search indexing leaves the index complete and
 * the per-row trigger in place whether the import commits or fails.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../common/errors';
import { uuidv7 } from '../../common/ids';
import { openDatabase, type DB } from '../../db/connection';
import { runImport, type ImportRequest } from './pipeline';
import { storePerTest } from '../testing/store-per-test';

const store = storePerTest('wb-pipeline-');
const dir = store.dir;

const write = (name: string, content: string | Buffer) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
};
const run = (filePath: string, extra: Partial<ImportRequest> = {}) => runImport({ filePath, ...extra }, { openDb: () => openDatabase(store.path) });
const withDb = <T>(f: (db: DB) => T): T => {
  const db = openDatabase(store.path);
  try {
    return f(db);
  } finally {
    db.close();
  }
};
async function refusal(filePath: string, extra: Partial<ImportRequest> = {}): Promise<string> {
  const before = withDb((db) => JSON.stringify(db.prepare('SELECT (SELECT count(*) FROM comments) AS c, (SELECT count(*) FROM posts) AS p').get()));
  const err = await run(filePath, extra).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe('IMPORT_FAILED');
  expect(withDb((db) => JSON.stringify(db.prepare('SELECT (SELECT count(*) FROM comments) AS c, (SELECT count(*) FROM posts) AS p').get()))).toBe(before);
  return (err as AppError).message;
}

interface C {
  id: string;
  body: string;
  parent?: string;
  author?: string;
  url?: string;
}
const cdata = (s: string) => `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
const wxr = (comments: C[], decl = '<?xml version="1.0" encoding="UTF-8"?>') => `${decl}
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<item><title>Post</title><link>https://blog.example/post/</link><wp:post_id>5</wp:post_id><wp:post_name>post</wp:post_name><wp:post_type>post</wp:post_type>
${comments
  .map(
    (c) => `<wp:comment><wp:comment_id>${c.id}</wp:comment_id><wp:comment_author>${cdata(c.author ?? 'Reader')}</wp:comment_author>
<wp:comment_author_url>${cdata(c.url ?? '')}</wp:comment_author_url><wp:comment_date_gmt>2025-01-02 03:04:05</wp:comment_date_gmt>
<wp:comment_content>${cdata(c.body)}</wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_parent>${c.parent ?? '0'}</wp:comment_parent></wp:comment>`,
  )
  .join('\n')}
</item></channel></rss>
`;

describe('text encoding', () => {
  it('refuses invalid UTF-8 with the line and column of the first bad byte', async () => {
    const text = wxr([{ id: '1', body: 'fine' }, { id: '2', body: 'caf\u00e9 BAD here' }]);
    const at = Buffer.from(text.slice(0, text.indexOf('BAD')));
    const file = write('bad.xml', Buffer.concat([at, Buffer.from([0xe9]), Buffer.from(text.slice(text.indexOf('BAD')))]));
    const lines = text.slice(0, text.indexOf('BAD')).split('\n');
    const message = await refusal(file);
    // Columns count characters: the é before the bad byte is one.
    expect(message).toMatch(new RegExp(`^bad\\.xml:${lines.length}:${lines[lines.length - 1].length + 1}: invalid UTF-8 \\(bytes 0xE9 0x42 0x41 0x44\\); .*nothing was imported$`));
  });

  it('refuses invalid UTF-8 in CSV too, and a file that ends inside a character', async () => {
    expect(await refusal(write('bad.csv', Buffer.concat([Buffer.from('author,content,post\nAnn,ok,p\nBob,'), Buffer.from([0xff]), Buffer.from('x,p\n')])))).toMatch(/^bad\.csv:3:5: invalid UTF-8 \(bytes 0xFF 0x78 0x2C 0x70\)/);
    expect(await refusal(write('cut.csv', Buffer.concat([Buffer.from('author,content,post\nAnn,ok '), Buffer.from([0xe2, 0x82])])))).toMatch(/^cut\.csv:2:8: invalid UTF-8 \(bytes 0xE2 0x82\)/);
  });

  it('reads a character split across two reads of the file intact', async () => {
    // The reader takes 64 KiB at a time; put a 4-byte emoji across that boundary.
    const probe = wxr([{ id: '1', body: '@@' }]);
    const offset = Buffer.byteLength(probe.slice(0, probe.indexOf('@@')));
    const body = `${'a'.repeat(64 * 1024 - offset - 2)}\u{1F600} after`;
    const file = write('split.xml', wxr([{ id: '1', body }]));
    const split = Buffer.from(fs.readFileSync(file)).indexOf(Buffer.from('\u{1F600}'));
    expect(split).toBeLessThan(64 * 1024);
    expect(split + 4).toBeGreaterThan(64 * 1024);
    await run(file);
    expect(withDb((db) => (db.prepare('SELECT body_text FROM comments').get() as { body_text: string }).body_text)).toBe(body);
  });

  it('honours a Latin-1 or windows-1252 encoding named in the XML declaration', async () => {
    for (const label of ['ISO-8859-1', 'windows-1252']) {
      const text = wxr([{ id: '1', body: 'Caf\u00e9 \u2019quoted\u2019', author: 'Zo\u00eb' }], `<?xml version="1.0" encoding="${label}"?>`);
      const bytes = Buffer.from(text.replace(/\u2019/g, '\u0092'), 'latin1');
      const summary = await run(write(`latin-${label}.xml`, bytes));
      expect(summary.comments.imported + summary.comments.unchanged, label).toBe(1);
    }
    const row = withDb((db) => db.prepare('SELECT author_name, body_text FROM comments').get());
    expect(row).toEqual({ author_name: 'Zo\u00eb', body_text: 'Caf\u00e9 \u2019quoted\u2019' });
  });
});

describe('limits and cleaning', () => {
  it('refuses a comment over 1 MB, saying which comment and where, and accepts one just under', async () => {
    const big = 'x'.repeat(1024 * 1024 + 1);
    const message = await refusal(write('big.xml', wxr([{ id: '1', body: 'small' }, { id: '77', body: big }])));
    expect(message).toMatch(/^big\.xml:8: comment 77 is 1\.0 MB long; the limit is 1 MB per comment; nothing was imported$/);
    const summary = await run(write('under.xml', wxr([{ id: '1', body: 'x'.repeat(1024 * 1024 - 10) }])));
    expect(summary.comments.imported).toBe(1);
  });

  it('refuses a comment of more than 5,000 tags (nested markup that would stall the HTML parser), and takes 5,000', async () => {
    const nested = (n: number) => `${'<p><table>'.repeat(n / 2)}deep`;
    const message = await refusal(write('tags.xml', wxr([{ id: '9', body: nested(5002) }])));
    expect(message).toMatch(/^tags\.xml:5: comment 9 holds more than 5000 HTML tags; refused as markup no comment needs; nothing was imported$/);
    const summary = await run(write('tags-ok.xml', wxr([{ id: '9', body: `${'<b>x</b>'.repeat(2500)}` }])));
    expect(summary.comments.imported).toBe(1);
  });

  it('keeps only http(s) author URLs and says which ones it dropped', async () => {
    const summary = await run(
      write(
        'urls.xml',
        wxr([
          { id: '1', body: 'a', url: 'javascript:alert(1)' },
          { id: '2', body: 'b', url: 'https://reader.example/me' },
          { id: '3', body: 'c', url: 'data:text/html,<b>x</b>' },
          { id: '4', body: 'd', url: ' HTTP://Example.org/ ' },
        ]),
      ),
    );
    expect(withDb((db) => db.prepare('SELECT source_id, author_url FROM comments ORDER BY source_id').all())).toEqual([
      { source_id: '1', author_url: '' },
      { source_id: '2', author_url: 'https://reader.example/me' },
      { source_id: '3', author_url: '' },
      { source_id: '4', author_url: 'HTTP://Example.org/' },
    ]);
    expect(summary.warnings).toEqual([
      expect.stringMatching(/^urls\.xml:5: comment 1: the author URL "javascript:alert\(1\)" is not an http\(s\) address; it was dropped$/),
      expect.stringMatching(/^urls\.xml:\d+: comment 3: the author URL "data:text\/html,<b>x<\/b>" is not an http\(s\) address; it was dropped$/),
    ]);
  });
});

describe("writers' keys", () => {
  it('keys every new comment as it is written, from the author link as stored, and catches up earlier rows first', async () => {
    await runImport({ filePath: write('k1.xml', wxr([{ id: '1', body: 'a', author: 'Ann', url: 'https://www.ann.example/' }])) }, { openDb: () => openDatabase(store.path), rules: false });
    // A row written outside any import (as a sync would) has no key yet.
    withDb((db) => db.prepare("INSERT INTO comments (id, created_at, updated_at, post_id, source, source_id, author_name, body_text, status) SELECT ?, created_at, updated_at, post_id, 'manual', 'm', 'Bo', 'x', 'approved' FROM comments LIMIT 1").run(uuidv7()));
    withDb((db) => db.prepare("DELETE FROM commenter_keys WHERE comment_rowid = (SELECT rowid FROM comments WHERE source_id = 'm')").run());
    const file = write('k2.xml', wxr([{ id: '2', body: 'b', author: 'Ann', url: 'http://ann.example' }, { id: '3', body: 'c', author: 'Cy', url: 'javascript:alert(1)' }]));
    await runImport({ filePath: file }, { openDb: () => openDatabase(store.path), rules: false });
    expect(withDb((db) => db.prepare('SELECT c.source_id AS id, k.author_key AS key FROM comments c LEFT JOIN commenter_keys k ON k.comment_rowid = c.rowid ORDER BY c.source_id').all())).toEqual([
      { id: '1', key: 'n:ann|ann.example' },
      { id: '2', key: 'n:ann|ann.example' },
      // The dropped javascript: link is no part of the key.
      { id: '3', key: 'n:cy|' },
      { id: 'm', key: 'n:bo|' },
    ]);
  });

  it('keys every comment of an import larger than one batch of keys, and links every reply of a new post', async () => {
    const comments = Array.from({ length: 4501 }, (_, i) => ({ id: String(i + 1), body: `b${i}`, author: `W${i % 7}`, ...(i % 3 ? { parent: String(i) } : {}) }));
    const summary = await runImport({ filePath: write('many.xml', wxr(comments)) }, { openDb: () => openDatabase(store.path), rules: false });
    expect(summary.comments.imported).toBe(4501);
    expect(summary.warnings).toEqual([]);
    const rows = withDb((db) =>
      db.prepare('SELECT c.source_id AS id, k.author_key AS key, p.source_id AS parent, c.flags FROM comments c LEFT JOIN commenter_keys k ON k.comment_rowid = c.rowid LEFT JOIN comments p ON p.id = c.parent_id').all(),
    ) as { id: string; key: string | null; parent: string | null; flags: string }[];
    expect(rows).toHaveLength(4501);
    for (const r of rows) {
      const i = Number(r.id) - 1;
      expect(r).toEqual({ id: r.id, key: `n:w${i % 7}|`, parent: i % 3 ? String(i) : null, flags: '[]' });
    }
  });
});

describe('a comment id twice in one file', () => {
  it('keeps the first, counts the second as a duplicate (not an update) and says where it is', async () => {
    const file = write('dup.xml', wxr([{ id: '1', body: 'first' }, { id: '2', body: 'other' }, { id: '1', body: 'second' }]));
    const summary = await run(file);
    expect(summary.comments).toMatchObject({ imported: 2, updated: 0, unchanged: 0, byStatus: { approved: 2 } });
    expect(summary.warnings).toEqual([expect.stringMatching(/^dup\.xml:11: comment 1 appears again in this file for the same post; the first copy was kept and this one skipped$/)]);
    expect(withDb((db) => db.prepare("SELECT body_text FROM comments WHERE source_id = '1'").all())).toEqual([{ body_text: 'first' }]);
  });

  it('does the same when the post already holds the comment from an earlier import', async () => {
    await run(write('once.xml', wxr([{ id: '1', body: 'first' }])));
    const summary = await run(write('twice.xml', wxr([{ id: '1', body: 'changed' }, { id: '1', body: 'changed again' }])));
    expect(summary.comments).toMatchObject({ imported: 0, updated: 1, unchanged: 0 });
    expect(summary.warnings).toHaveLength(1);
    expect(withDb((db) => db.prepare("SELECT body_text FROM comments WHERE source_id = '1'").all())).toEqual([{ body_text: 'changed' }]);
  });

  it('tells new comments on a stored post from stored ones: new added (twice: a duplicate), stored matched, replies linked either way', async () => {
    await run(write('first.xml', wxr([{ id: '1', body: 'stored' }, { id: '2', body: 'stored reply', parent: '1' }])));
    const file = write(
      'more.xml',
      wxr([
        { id: '3', body: 'new reply to a stored one', parent: '2' },
        { id: '1', body: 'stored' },
        { id: '4', body: 'new reply to a new one', parent: '3' },
        { id: '3', body: 'new again' },
        { id: '2', body: 'stored reply, edited', parent: '1' },
      ]),
    );
    const summary = await run(file);
    expect(summary.comments).toMatchObject({ imported: 2, updated: 1, unchanged: 1 });
    expect(summary.warnings).toEqual([expect.stringMatching(/comment 3 appears again in this file/)]);
    expect(
      withDb((db) =>
        db.prepare('SELECT c.source_id AS id, c.body_text AS body, p.source_id AS parent FROM comments c LEFT JOIN comments p ON p.id = c.parent_id ORDER BY c.source_id').all(),
      ),
    ).toEqual([
      { id: '1', body: 'stored', parent: null },
      { id: '2', body: 'stored reply, edited', parent: '1' },
      { id: '3', body: 'new reply to a stored one', parent: '2' },
      { id: '4', body: 'new reply to a new one', parent: '3' },
    ]);
  });
});

describe('deferred search indexing and threading', () => {
  const triggers = () =>
    withDb((db) =>
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND (name LIKE 'comments_fts%' OR name LIKE 'comment_states%' OR name LIKE 'post_comment_counts%') ORDER BY name").all() as { name: string }[]).map(
        (t) => t.name,
      ),
    );
  /** comment_states holds exactly one row per comment, with its status, or 'deleted'. */
  const statesIntact = () =>
    expect(
      withDb((db) =>
        db
          .prepare(
            `SELECT (SELECT count(*) FROM comment_states) - (SELECT count(*) FROM comments) AS extra,
                    (SELECT count(*) FROM comments c LEFT JOIN comment_states s ON s.comment_rowid = c.rowid
                      WHERE s.state IS NOT CASE WHEN c.deleted_at IS NULL THEN c.status ELSE 'deleted' END) AS wrong`,
          )
          .get(),
      ),
    ).toEqual({ extra: 0, wrong: 0 });
  /** post_comment_counts holds each post's live comments by status (none: 0 or no row). */
  const countsIntact = () =>
    expect(
      withDb((db) =>
        db
          .prepare(
            `SELECT count(*) AS wrong FROM posts p
             JOIN (SELECT 'approved' AS status UNION ALL SELECT 'pending' UNION ALL SELECT 'spam' UNION ALL SELECT 'trash') s
             WHERE coalesce((SELECT live FROM post_comment_counts k WHERE k.post_id = p.id AND k.status = s.status), 0)
                != (SELECT count(*) FROM comments c WHERE c.post_id = p.id AND c.status = s.status AND c.deleted_at IS NULL)`,
          )
          .get(),
      ),
    ).toEqual({ wrong: 0 });
  const search = (word: string) => withDb((db) => (db.prepare('SELECT c.source_id FROM comments_fts f JOIN comments c ON c.rowid = f.rowid WHERE comments_fts MATCH ? ORDER BY c.source_id').all(word) as { source_id: string }[]).map((r) => r.source_id));
  const ftsIntact = () => withDb((db) => db.exec("INSERT INTO comments_fts (comments_fts) VALUES ('integrity-check')"));

  it('indexes every imported comment, keeps the triggers, and stays consistent through a re-import that changes text', async () => {
    const before = triggers();
    await run(write('fts.xml', wxr([{ id: '1', body: 'alpha words' }, { id: '2', body: 'beta words', author: 'Gamma' }])));
    expect(triggers()).toEqual(before);
    expect(before).toHaveLength(9);
    statesIntact();
    countsIntact();
    expect(search('words')).toEqual(['1', '2']);
    expect(search('gamma')).toEqual(['2']);
    ftsIntact();
    await run(write('fts2.xml', wxr([{ id: '1', body: 'delta now' }, { id: '2', body: 'beta words', author: 'Gamma' }, { id: '3', body: 'more words' }])));
    expect(search('alpha')).toEqual([]);
    expect(search('delta')).toEqual(['1']);
    expect(search('words')).toEqual(['2', '3']);
    ftsIntact();
    // Comments written after the import (not through it) are indexed by the restored triggers.
    withDb((db) => db.prepare("UPDATE comments SET body_text = 'epsilon' WHERE source_id = '3'").run());
    expect(search('epsilon')).toEqual(['3']);
    withDb((db) =>
      db
        .prepare("INSERT INTO comments (id, created_at, updated_at, post_id, source, source_id, body_text, status) SELECT ?, created_at, updated_at, post_id, 'manual', '4', 'omega', 'approved' FROM comments LIMIT 1")
        .run(uuidv7()),
    );
    expect(search('omega')).toEqual(['4']);
    ftsIntact();
    statesIntact();
    countsIntact();
    expect(withDb((db) => db.prepare('SELECT status, live FROM post_comment_counts').all())).toEqual([{ status: 'approved', live: 4 }]);
  });

  it('leaves the triggers and the index as they were when an import is refused or previewed', async () => {
    const before = triggers();
    await refusal(write('broken.xml', wxr([{ id: '1', body: 'zeta' }]).replace('</item>', '')));
    await runImport({ filePath: write('preview.xml', wxr([{ id: '1', body: 'zeta' }])) }, { openDb: () => openDatabase(store.path), dryRun: true });
    expect(triggers()).toEqual(before);
    expect(search('zeta')).toEqual([]);
    ftsIntact();
    statesIntact();
    countsIntact();
  });

  it('links replies to parents that come before or after them, and flags a missing parent', async () => {
    const summary = await run(
      write(
        'thread.xml',
        wxr([
          { id: '3', body: 'reply before its parent', parent: '1' },
          { id: '1', body: 'top' },
          { id: '2', body: 'reply after', parent: '1' },
          { id: '4', body: 'grandchild', parent: '2' },
          { id: '5', body: 'lost', parent: '99' },
        ]),
      ),
    );
    expect(summary.warnings).toEqual([expect.stringMatching(/^1 reply whose parent is not in the file or the database .*5 \(parent 99\)/)]);
    const rows = withDb((db) =>
      db.prepare('SELECT c.source_id AS id, p.source_id AS parent, c.flags FROM comments c LEFT JOIN comments p ON p.id = c.parent_id ORDER BY c.source_id').all(),
    );
    expect(rows).toEqual([
      { id: '1', parent: null, flags: '[]' },
      { id: '2', parent: '1', flags: '[]' },
      { id: '3', parent: '1', flags: '[]' },
      { id: '4', parent: '2', flags: '[]' },
      { id: '5', parent: null, flags: '["orphan"]' },
    ]);
    // The missing parent arrives in a later file: the orphan is linked and unflagged.
    await run(write('parent.xml', wxr([{ id: '99', body: 'found' }])));
    expect(withDb((db) => db.prepare("SELECT p.source_id AS parent, c.flags FROM comments c JOIN comments p ON p.id = c.parent_id WHERE c.source_id = '5'").get())).toEqual({ parent: '99', flags: '[]' });
  });
});
