/**
 * A database as the first release (schema version 10) left it, full of data: rows in every table,
 * threaded comments, annotations, reply drafts, assets with bytes, text that needs care (quotes,
 * emoji, right-to-left, NUL-free control characters). Migration tests upgrade it and check that
 * every row came through.
 */
import type Database from 'better-sqlite3';

export const RELEASE_ONE_VERSION = 10;

/** Every table of schema 10 that holds rows (the FTS shadow tables follow from triggers). */
export const RELEASE_ONE_TABLES = [
  'settings',
  'authors',
  'series',
  'posts',
  'post_authors',
  'assets',
  'revisions',
  'comments',
  'tags',
  'annotations',
  'reply_drafts',
  'import_runs',
] as const;

const id = (table: number, n: number) => `0190a000-${String(table).padStart(4, '0')}-7000-8000-${String(n).padStart(12, '0')}`;
const at = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * 3_600_000).toISOString();
const TRICKY = ['plain', "O'Brien said \"hi\"", 'Emoji 🧪 and ünïcödé', 'עברית right-to-left', 'tab\tand\nnewline', '<b>not html</b> & co'];

function body(text: string): string {
  return JSON.stringify({
    root: {
      type: 'root',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: [
        {
          type: 'paragraph',
          version: 1,
          direction: null,
          format: '',
          indent: 0,
          textFormat: 0,
          textStyle: '',
          children: [{ type: 'text', version: 1, detail: 0, format: 0, mode: 'normal', style: '', text }],
        },
      ],
    },
  });
}

/** Fills a schema-10 database; `scale` multiplies the row counts. */
export function fillReleaseOne(db: Database.Database, scale = 1): void {
  const n = (count: number) => count * scale;
  const run = db.transaction(() => {
    const settings = db.prepare('INSERT INTO settings (id, created_at, updated_at, key, value) VALUES (?, ?, ?, ?, ?)');
    settings.run(id(1, 1), at(0), at(0), 'ui.theme', '"dark"');
    settings.run(id(1, 2), at(0), at(1), 'reviewer.name', JSON.stringify(TRICKY[1]));

    const authors = db.prepare('INSERT INTO authors (id, created_at, updated_at, deleted_at, name, role, organisation, bio, email, url) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    for (let i = 0; i < n(5); i++) {
      authors.run(id(2, i), at(i), at(i + 1), i === 4 ? at(10) : null, `Author ${TRICKY[i % TRICKY.length]}`, 'Consultant', 'NHS Trust', 'Bio '.repeat(i), `a${i}@example.org`, `https://example.org/${i}`);
    }

    const series = db.prepare('INSERT INTO series (id, created_at, updated_at, slug, title, description, topic, cadence, notice_template, workflow) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    series.run(id(3, 0), at(0), at(0), 'leadership', 'Medical leadership', 'A series', 'leadership in medicine', 'weekly', 'This is the {ordinal} in a series on {topic}.', '["idea","commissioned","drafting","in-review","scheduled","published"]');
    series.run(id(3, 1), at(0), at(0), 'custom-flow', 'Custom', '', '', 'monthly', 'Part {ordinal}.', '["pitch","asked","writing","edit","live"]');

    const posts = db.prepare(
      `INSERT INTO posts (id, created_at, updated_at, deleted_at, slug, title, standfirst, label, body, body_text, word_count, status, series_id, position,
        planned_date, deadline, delivered_at, published_at, tags, revision, last_snapshot_at, source, source_id, source_url)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const postAuthors = db.prepare('INSERT INTO post_authors (id, created_at, updated_at, post_id, author_id, position) VALUES (?, ?, ?, ?, ?, ?)');
    const revisions = db.prepare('INSERT INTO revisions (id, created_at, updated_at, post_id, revision, title, standfirst, body, word_count, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const assets = db.prepare('INSERT INTO assets (id, created_at, updated_at, post_id, file_name, mime, sha256, size, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    for (let i = 0; i < n(12); i++) {
      const text = `Post ${i}: ${TRICKY[i % TRICKY.length]}`;
      const inSeries = i % 3 === 0 ? id(3, i % 2) : null;
      posts.run(
        id(4, i), at(i), at(i + 2), i === 11 ? at(20) : null, `post-${i}`, text, `Standfirst ${i}`, 'Guest blog', body(text), text, 3, i % 2 ? 'drafting' : 'published',
        inSeries, inSeries ? i : null, i % 4 ? '2025-03-01' : null, i % 5 ? null : '2025-02-01', null, i % 2 ? null : at(i + 3),
        JSON.stringify(['nhs', `t${i}`]), i, at(i), i % 3 ? null : 'wxr', i % 3 ? null : `wp-${i}`, i % 3 ? null : `https://blog.example.org/p/${i}`,
      );
      postAuthors.run(id(5, i), at(i), at(i), id(4, i), id(2, i % 5), 0);
      revisions.run(id(6, i), at(i), at(i), id(4, i), i, text, '', body(text), 3, i % 2 ? 'interval' : 'manual');
      if (i % 4 === 0) assets.run(id(7, i), at(i), at(i), id(4, i), `img-${i}.png`, 'image/png', 'ab'.repeat(32), 16, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 255, 254, 0, 0, 7, 8, 9, i]));
    }

    const tags = db.prepare('INSERT INTO tags (id, created_at, updated_at, name, color) VALUES (?, ?, ?, ?, ?)');
    tags.run(id(8, 0), at(0), at(0), 'needs reply', '#c00');
    tags.run(id(8, 1), at(0), at(0), 'quote-worthy', '');

    const comments = db.prepare(
      `INSERT INTO comments (id, created_at, updated_at, deleted_at, post_id, source, source_id, parent_id, parent_source_id, author_name, author_role,
        author_organisation, author_email, author_url, posted_at, body_html, body_text, status, type, flags, revision)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const annotations = db.prepare('INSERT INTO annotations (id, created_at, updated_at, comment_id, start, end, quote, tag_id, note, reviewer, revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const replies = db.prepare('INSERT INTO reply_drafts (id, created_at, updated_at, comment_id, body, body_text, status, revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const statuses = ['approved', 'pending', 'spam', 'trash'];
    for (let i = 0; i < n(40); i++) {
      const text = `Comment ${i} ${TRICKY[i % TRICKY.length]}`;
      const parent = i % 4 === 3 ? id(9, i - 1) : null;
      comments.run(
        id(9, i), at(i), at(i), i === 39 ? at(50) : null, id(4, i % 12), 'wxr', String(i), parent, parent ? String(i - 1) : null, `Reader ${i}`, 'GP', 'Practice',
        `r${i}@example.org`, i % 2 ? '' : 'https://reader.example.org', at(i), `<p>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`, text,
        statuses[i % 4], i % 10 === 9 ? 'pingback' : 'comment', i % 7 ? '[]' : '["orphan"]', i % 3,
      );
      if (i % 5 === 0) annotations.run(id(10, i), at(i), at(i), id(9, i), 0, 7, 'Comment', id(8, i % 2), `Note ${i}`, 'Editor', 0);
      if (i % 6 === 0) replies.run(id(11, i), at(i), at(i), id(9, i), body(`Thanks ${i}`), `Thanks ${i}`, i % 12 ? 'draft' : 'ready', 1);
    }

    db.prepare('INSERT INTO import_runs (id, created_at, updated_at, format, file_name, summary) VALUES (?, ?, ?, ?, ?, ?)').run(
      id(12, 0), at(0), at(0), 'wxr', 'export.xml', JSON.stringify({ imported: 40, skipped: 0 }),
    );
  });
  run();
}

/** Every row of every release-one table, keyed by table, ordered by id. */
export function snapshotRows(db: Database.Database): Record<string, Record<string, unknown>[]> {
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const t of RELEASE_ONE_TABLES) out[t] = db.prepare(`SELECT * FROM ${t} ORDER BY id`).all() as Record<string, unknown>[];
  return out;
}
