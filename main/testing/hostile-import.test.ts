/**
 * The hostile corpus and malformed files through comment import (imports.run, the API method the
 * app and `workbench import-comments` use): hostile bodies are stored with nothing active left and
 * their words kept; every malformed file is refused with an error naming the file, and the
 * database is left exactly as it was.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../common/errors';
import { closeContext, createContext, type Ctx } from '../context';
import { createDispatch, type Dispatch } from '../dispatch';
import { handlers } from '../handlers/index';
import { findActiveContent, visibleText } from './active-content';
import { HOSTILE_CORPUS } from './hostile-corpus';

let dir: string;
let ctx: Ctx;
let dispatch: Dispatch;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-hostile-import-'));
  ctx = createContext({ dbPath: path.join(dir, 'workbench.sqlite'), mode: 'cli' });
  dispatch = createDispatch(handlers, ctx, { checkOutput: true });
});

afterAll(() => {
  closeContext(ctx);
  fs.rmSync(dir, { recursive: true, force: true });
});

const cdata = (s: string) => `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

function wxr(items: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Blog</title>
${items}
</channel></rss>`;
}

function wxrItem(postId: string, slug: string, comments: { id: string; body: string; author?: string; url?: string }[]): string {
  return `<item><title>Post ${slug}</title><link>https://blog.example.org/${slug}/</link><wp:post_id>${postId}</wp:post_id><wp:post_name>${slug}</wp:post_name>
<content:encoded>${cdata('<p>Body</p>')}</content:encoded>
${comments
  .map(
    (c) => `<wp:comment><wp:comment_id>${c.id}</wp:comment_id><wp:comment_author>${cdata(c.author ?? 'Reader')}</wp:comment_author>
<wp:comment_author_url>${cdata(c.url ?? '')}</wp:comment_author_url><wp:comment_date_gmt>2025-01-02 03:04:05</wp:comment_date_gmt>
<wp:comment_content>${cdata(c.body)}</wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_parent>0</wp:comment_parent></wp:comment>`,
  )
  .join('\n')}
</item>`;
}

function write(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

/** Imports through the API; an error result is thrown as the AppError it carries. */
async function importFile(filePath: string, extra: Record<string, unknown> = {}): Promise<{ comments: { imported: number } }> {
  const r = await dispatch('imports.run', { file: { path: filePath }, ...extra });
  if (!r.ok) throw new AppError(r.error.code, r.error.message);
  return r.value as { comments: { imported: number } };
}

/** Row counts of every table plus a digest of the comments: "unchanged" means all of it. */
function fingerprint(): string {
  const tables = (ctx.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
  const counts = tables.map((t) => `${t}:${(ctx.db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n}`);
  const rows = JSON.stringify(ctx.db.prepare('SELECT id, updated_at, status, body_html FROM comments ORDER BY id').all());
  return `${counts.join(',')}#${crypto.createHash('sha256').update(rows).digest('hex')}`;
}

describe('hostile comment bodies through import', () => {
  it('stores every corpus body from a WordPress export with nothing active and its words kept', async () => {
    const comments: { id: string; body: string; author?: string; url?: string }[] = HOSTILE_CORPUS.map((s, i) => ({ id: String(1000 + i), body: s.html }));
    comments.push({ id: '9999', body: '<p>Author</p>', author: '<img src=x onerror="window.__pwned=1">Mallory', url: 'javascript:alert(1)' });
    const summary = await importFile(write('hostile.xml', wxr(wxrItem('77', 'hostile', comments))));
    expect(summary.comments.imported).toBe(comments.length);
    const stored = ctx.db.prepare("SELECT source_id, body_html, body_text, author_name, author_url FROM comments WHERE source = 'wxr'").all() as {
      source_id: string;
      body_html: string;
      body_text: string;
      author_name: string;
      author_url: string;
    }[];
    const bySource = new Map(stored.map((r) => [r.source_id, r]));
    const active: string[] = [];
    HOSTILE_CORPUS.forEach((s, i) => {
      const row = bySource.get(String(1000 + i));
      expect(row, s.name).toBeDefined();
      for (const p of findActiveContent(row!.body_html)) active.push(`${s.name}: ${p}`);
      if (s.keep) {
        expect(visibleText(row!.body_html), s.name).toContain(s.keep);
        expect(row!.body_text, s.name).toContain(s.keep);
      }
    });
    expect(active).toEqual([]);
    // Author names are stored as the file gave them (plain data, never parsed as HTML); every
    // place that shows or exports them escapes them (hostile-export.test.ts checks the published
    // page, e2e/hostile.spec.ts the review pane). Author URLs are kept only when http(s).
    expect(bySource.get('9999')!.author_name).toBe('<img src=x onerror="window.__pwned=1">Mallory');
  });

  it('stores the corpus from a CSV file the same way', async () => {
    const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const rows = HOSTILE_CORPUS.map((s, i) => [`c${i}`, 'Reader', quote(s.html), 'csv-hostile'].join(','));
    const summary = await importFile(write('hostile.csv', ['id,author,content,post', ...rows].join('\n')));
    expect(summary.comments.imported).toBe(HOSTILE_CORPUS.length);
    const stored = ctx.db.prepare("SELECT body_html FROM comments WHERE source = 'csv'").all() as { body_html: string }[];
    expect(stored.flatMap((r) => findActiveContent(r.body_html))).toEqual([]);
  });
});

describe('malformed files are refused with a clear error and change nothing', () => {
  let before: string;
  beforeEach(async () => {
    // Something already in the store that a failed import must not disturb.
    if (!ctx.db.prepare("SELECT 1 FROM posts WHERE slug = 'existing'").get()) {
      await importFile(write('existing.xml', wxr(wxrItem('1', 'existing', [{ id: '1', body: '<p>Already here</p>' }]))));
    }
    before = fingerprint();
  });

  async function refused(name: string, content: string | Buffer, extra: Record<string, unknown> = {}): Promise<AppError> {
    let caught: unknown;
    try {
      await importFile(write(name, content), extra);
    } catch (err) {
      caught = err;
    }
    expect(caught, `${name} was accepted`).toBeInstanceOf(AppError);
    const err = caught as AppError;
    expect(err.code).not.toBe('INTERNAL');
    expect(err.message).toContain(name);
    expect(fingerprint()).toBe(before);
    return err;
  }

  const goodItem = wxrItem('500', 'fresh', [{ id: '1', body: '<p>one</p>' }, { id: '2', body: '<p>two</p>' }]);

  it('a truncated WordPress export', async () => {
    const full = wxr(goodItem);
    const err = await refused('truncated.xml', full.slice(0, Math.floor(full.length * 0.7)));
    expect(err.message).toMatch(/nothing was imported/);
  });

  it('a file in the wrong encoding (UTF-16 while it says UTF-8)', async () => {
    await refused('utf16.xml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(wxr(goodItem), 'utf16le')]));
  });

  it('invalid UTF-8 bytes', async () => {
    const text = wxr(goodItem);
    const at = text.indexOf('one');
    const err = await refused('invalid-utf8.xml', Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), Buffer.from(text.slice(at))]), { format: 'wxr' });
    const before = text.slice(0, at).split('\n');
    expect(err.message).toBe(
      `invalid-utf8.xml:${before.length}:${before[before.length - 1].length + 1}: invalid UTF-8 (bytes 0xC3 0x28 0xFF 0xFE); save the file as UTF-8 or, for XML, declare its encoding (<?xml version="1.0" encoding="ISO-8859-1"?>); nothing was imported`,
    );
  });

  it('a binary file', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), crypto.randomBytes(4096)]);
    await refused('picture.xml', png);
  });

  it('a 0-byte file', async () => {
    await refused('zero.csv', '');
  });

  it('an empty export (no channel, nothing in it)', async () => {
    await refused('empty.xml', '<?xml version="1.0" encoding="UTF-8"?>\n');
  });

  it('a huge single line', async () => {
    await refused('one-line.csv', 'id,author,content\n' + '1,Reader,' + 'x'.repeat(12 * 1024 * 1024));
  }, 60_000);

  it('a 10 MB single comment', async () => {
    const err = await refused('big-comment.xml', wxr(wxrItem('600', 'big', [{ id: '1', body: `<p>${'word '.repeat(2 * 1024 * 1024)}</p>` }])));
    expect(err.message).toMatch(/^big-comment\.xml:\d+: comment 1 is 10\.0 MB long; the limit is 1 MB per comment; nothing was imported$/);
  }, 60_000);

  it('a billion-laughs entity bomb', async () => {
    const bomb = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol9 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">]>
${wxr(wxrItem('700', 'lol', [{ id: '1', body: 'x' }])).replace(/^<\?xml[^>]*>/, '').replace('<title>Blog</title>', '<title>&lol9;</title>')}`;
    await refused('lolz.xml', bomb, { format: 'wxr' });
  });

  it('an external entity (XXE) pointing at a local file', async () => {
    const secret = write('secret.txt', 'XXE-SECRET-CONTENT');
    const xxe = `<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://${secret}">]>
${wxr(wxrItem('800', 'xxe', [{ id: '1', body: 'x' }])).replace(/^<\?xml[^>]*>/, '').replace('<title>Blog</title>', '<title>&xxe;</title>')}`;
    await refused('xxe.xml', xxe, { format: 'wxr' });
    expect(JSON.stringify(ctx.db.prepare('SELECT * FROM posts').all())).not.toContain('XXE-SECRET-CONTENT');
  });
});
