/**
 * The spam score: models learned from this store's own decisions, and each comment's score.
 *
 * - spam_models: each training's model (JSON: word weights), how many decisions it learned from
 *   and its cross-validated figures; the newest is the one in use. Local, like the scores: every
 *   laptop learns from the decisions it holds.
 * - comment_scores: derived (recomputed from the model), keyed by rowid; `words` holds the few
 *   words that weigh most behind the score, for the window to show.
 */
import type Database from 'better-sqlite3';

export const version = 105;
export const name = 'spam-score';

export function up(db: Database.Database): void {
  db.exec(`
CREATE TABLE spam_models (
  id TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL,
  decisions INTEGER NOT NULL,
  threshold REAL NOT NULL,
  model TEXT NOT NULL,
  metrics TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE comment_scores (
  comment_rowid INTEGER PRIMARY KEY,
  score REAL NOT NULL,
  words TEXT NOT NULL DEFAULT '[]',
  model_id TEXT NOT NULL
);
CREATE INDEX comment_scores_score ON comment_scores(score);
CREATE TRIGGER comment_scores_ad AFTER DELETE ON comments BEGIN
  DELETE FROM comment_scores WHERE comment_rowid = old.rowid;
END;
`);
}
