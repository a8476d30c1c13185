/**
 * The first schema. Every table has a UUIDv7 text id, created_at/updated_at and a deleted_at
 * soft-delete mark from the start, so a future sync engine can merge rows across laptops.
 * Lists stored as JSON text (tags, flags, workflow) are small and read whole.
 */
import type Database from 'better-sqlite3';

const ROW = `id TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT`;

export const version = 10;
export const name = 'initial';

export function up(db: Database.Database): void {
  db.exec(`
CREATE TABLE settings (
  ${ROW},
  key TEXT NOT NULL UNIQUE,
  value TEXT NOT NULL
);

CREATE TABLE authors (
  ${ROW},
  name TEXT NOT NULL,
  role TEXT NOT NULL DEFAULT '',
  organisation TEXT NOT NULL DEFAULT '',
  bio TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  url TEXT NOT NULL DEFAULT ''
);
CREATE INDEX authors_name ON authors(name COLLATE NOCASE);

CREATE TABLE series (
  ${ROW},
  slug TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  topic TEXT NOT NULL DEFAULT '',
  cadence TEXT NOT NULL DEFAULT 'weekly',
  notice_template TEXT NOT NULL DEFAULT 'This is the {ordinal} in a series of guest blogs that explores {topic}.',
  workflow TEXT NOT NULL DEFAULT '["idea","commissioned","drafting","in-review","scheduled","published"]'
);

-- A draft and a published post are one entity; an imported WXR item or Disqus thread is a post too.
CREATE TABLE posts (
  ${ROW},
  slug TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL DEFAULT '',
  standfirst TEXT NOT NULL DEFAULT '',
  label TEXT NOT NULL DEFAULT 'Guest blog',
  body TEXT NOT NULL,
  body_text TEXT NOT NULL DEFAULT '',
  word_count INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL DEFAULT 'drafting',
  series_id TEXT REFERENCES series(id),
  position INTEGER,
  planned_date TEXT,
  deadline TEXT,
  delivered_at TEXT,
  published_at TEXT,
  tags TEXT NOT NULL DEFAULT '[]',
  revision INTEGER NOT NULL DEFAULT 0,
  last_snapshot_at TEXT,
  source TEXT,
  source_id TEXT,
  source_url TEXT
);
CREATE INDEX posts_series ON posts(series_id, position);
CREATE INDEX posts_updated ON posts(updated_at);
CREATE INDEX posts_source ON posts(source, source_id);
CREATE INDEX posts_source_url ON posts(source_url);

CREATE TABLE post_authors (
  ${ROW},
  post_id TEXT NOT NULL REFERENCES posts(id),
  author_id TEXT NOT NULL REFERENCES authors(id),
  position INTEGER NOT NULL DEFAULT 0,
  UNIQUE (post_id, author_id)
);
CREATE INDEX post_authors_author ON post_authors(author_id);

-- Images and other files stored with a draft, so a draft and its pictures travel together.
CREATE TABLE assets (
  ${ROW},
  post_id TEXT REFERENCES posts(id),
  file_name TEXT NOT NULL,
  mime TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  size INTEGER NOT NULL,
  data BLOB NOT NULL
);
CREATE INDEX assets_post ON assets(post_id);

CREATE TABLE revisions (
  ${ROW},
  post_id TEXT NOT NULL REFERENCES posts(id),
  revision INTEGER NOT NULL,
  title TEXT NOT NULL,
  standfirst TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL,
  word_count INTEGER NOT NULL DEFAULT 0,
  reason TEXT NOT NULL DEFAULT 'interval'
);
CREATE INDEX revisions_post ON revisions(post_id, created_at);

CREATE TABLE comments (
  ${ROW},
  post_id TEXT NOT NULL REFERENCES posts(id),
  source TEXT NOT NULL,
  source_id TEXT NOT NULL,
  parent_id TEXT REFERENCES comments(id),
  parent_source_id TEXT,
  author_name TEXT NOT NULL DEFAULT '',
  author_role TEXT NOT NULL DEFAULT '',
  author_organisation TEXT NOT NULL DEFAULT '',
  author_email TEXT NOT NULL DEFAULT '',
  author_url TEXT NOT NULL DEFAULT '',
  posted_at TEXT,
  body_html TEXT NOT NULL DEFAULT '',
  body_text TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('approved','pending','spam','trash')),
  type TEXT NOT NULL DEFAULT 'comment' CHECK (type IN ('comment','pingback','trackback')),
  flags TEXT NOT NULL DEFAULT '[]',
  revision INTEGER NOT NULL DEFAULT 0,
  UNIQUE (source, post_id, source_id)
);
CREATE INDEX comments_post ON comments(post_id, posted_at);
CREATE INDEX comments_status ON comments(status);
CREATE INDEX comments_parent ON comments(parent_id);
CREATE INDEX comments_posted ON comments(posted_at);

-- The team's vocabulary for annotations ("needs reply", "quote-worthy", ...).
CREATE TABLE tags (
  ${ROW},
  name TEXT NOT NULL UNIQUE,
  color TEXT NOT NULL DEFAULT ''
);

-- A note or tag on a span [start, end) of a comment's plain text; quote keeps the anchored text
-- so an annotation can be re-found if the comment text changes on a later import.
CREATE TABLE annotations (
  ${ROW},
  comment_id TEXT NOT NULL REFERENCES comments(id),
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  quote TEXT NOT NULL,
  tag_id TEXT REFERENCES tags(id),
  note TEXT NOT NULL DEFAULT '',
  reviewer TEXT NOT NULL DEFAULT '',
  revision INTEGER NOT NULL DEFAULT 0,
  CHECK (start >= 0 AND end > start)
);
CREATE INDEX annotations_comment ON annotations(comment_id);
CREATE INDEX annotations_tag ON annotations(tag_id);

CREATE TABLE reply_drafts (
  ${ROW},
  comment_id TEXT NOT NULL REFERENCES comments(id),
  body TEXT NOT NULL,
  body_text TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','ready')),
  revision INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX reply_drafts_comment ON reply_drafts(comment_id);

-- One row per import, for the audit trail and idempotence reports.
CREATE TABLE import_runs (
  ${ROW},
  format TEXT NOT NULL,
  file_name TEXT NOT NULL,
  summary TEXT NOT NULL
);

-- Full-text search. External-content tables index the text columns; triggers keep them current.
CREATE VIRTUAL TABLE posts_fts USING fts5(title, standfirst, body_text, content='posts', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER posts_fts_ai AFTER INSERT ON posts BEGIN
  INSERT INTO posts_fts(rowid, title, standfirst, body_text) VALUES (new.rowid, new.title, new.standfirst, new.body_text);
END;
CREATE TRIGGER posts_fts_ad AFTER DELETE ON posts BEGIN
  INSERT INTO posts_fts(posts_fts, rowid, title, standfirst, body_text) VALUES ('delete', old.rowid, old.title, old.standfirst, old.body_text);
END;
CREATE TRIGGER posts_fts_au AFTER UPDATE OF title, standfirst, body_text ON posts BEGIN
  INSERT INTO posts_fts(posts_fts, rowid, title, standfirst, body_text) VALUES ('delete', old.rowid, old.title, old.standfirst, old.body_text);
  INSERT INTO posts_fts(rowid, title, standfirst, body_text) VALUES (new.rowid, new.title, new.standfirst, new.body_text);
END;

CREATE VIRTUAL TABLE comments_fts USING fts5(author_name, body_text, content='comments', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER comments_fts_ai AFTER INSERT ON comments BEGIN
  INSERT INTO comments_fts(rowid, author_name, body_text) VALUES (new.rowid, new.author_name, new.body_text);
END;
CREATE TRIGGER comments_fts_ad AFTER DELETE ON comments BEGIN
  INSERT INTO comments_fts(comments_fts, rowid, author_name, body_text) VALUES ('delete', old.rowid, old.author_name, old.body_text);
END;
CREATE TRIGGER comments_fts_au AFTER UPDATE OF author_name, body_text ON comments BEGIN
  INSERT INTO comments_fts(comments_fts, rowid, author_name, body_text) VALUES ('delete', old.rowid, old.author_name, old.body_text);
  INSERT INTO comments_fts(rowid, author_name, body_text) VALUES (new.rowid, new.author_name, new.body_text);
END;
`);
}
