/**
 * The spam score's storage: the decisions it learns from, its models, and each pending comment's
 * score with the words behind it.
 */
import type { DB } from '../connection';
import type { TrainingDoc, SpamModel } from '../../common/moderation/spam-model';
import { scoreText } from '../../common/moderation/spam-model';
import { uuidv7 } from '../../common/ids';
import { nowIso } from '../clock';

const DECISIONS = "SELECT rowid, body_text AS text, status <> 'approved' AS spam FROM comments WHERE deleted_at IS NULL AND status <> 'pending' AND rowid > ? ORDER BY rowid LIMIT ?";

/** Rows read at a time: a page of texts is all the text a training or a rescore holds at once. */
export const PAGE_ROWS = 2_000;

/**
 * Rows of a query in pages of `PAGE_ROWS` by rowid (the query takes the last rowid and the page
 * size): one page's texts in memory at a time, and no read transaction held between pages, so a
 * long training never keeps the WAL from being checkpointed while the app writes.
 */
function* pagesByRowid<T extends { rowid: number }>(db: DB, sql: string, afterRowid: number): Generator<T[]> {
  const stmt = db.prepare(sql);
  for (let after = afterRowid; ; ) {
    const page = stmt.all(after, PAGE_ROWS) as T[];
    if (page.length) yield page;
    if (page.length < PAGE_ROWS) return;
    after = page[page.length - 1].rowid;
  }
}

/**
 * Approved comments against spam and trash, the store's own decisions, streamed: each call reads
 * them afresh, a page at a time (training keeps each as feature ids, never its text).
 */
export function streamDecisions(db: DB): () => Iterable<TrainingDoc> {
  return function* () {
    for (const page of pagesByRowid<{ rowid: number; text: string; spam: number }>(db, DECISIONS, 0)) {
      for (const r of page) yield { text: r.text, spam: r.spam === 1 };
    }
  };
}

export function countDecisions(db: DB): number {
  return db.prepare("SELECT count(*) FROM comment_states WHERE state IN ('approved', 'spam', 'trash')").pluck().get() as number;
}

export interface StoredModel {
  id: string;
  createdAt: string;
  decisions: number;
  threshold: number;
  model: SpamModel;
  /** Cross-validated at the threshold; suggested false: no score reached the target precision (the threshold is the default). */
  metrics: { precision?: number; recall?: number; folds?: number; suggested?: boolean };
}

export function saveModel(db: DB, m: Omit<StoredModel, 'id' | 'createdAt'>): StoredModel {
  const id = uuidv7();
  const createdAt = nowIso();
  db.prepare('INSERT INTO spam_models (id, created_at, decisions, threshold, model, metrics) VALUES (?, ?, ?, ?, ?, ?)').run(
    id, createdAt, m.decisions, m.threshold, JSON.stringify(m.model), JSON.stringify(m.metrics),
  );
  // Older models are of no further use: keep the newest only.
  db.prepare('DELETE FROM spam_models WHERE id <> ?').run(id);
  return { ...m, id, createdAt };
}

/**
 * The newest model, parsed once per process: a stored model never changes (a training stores a
 * new one), and parsing its 20,000 weights again at every import and every status poll of the
 * pane cost about a tenth of a second each time (and the scorer made from it, another).
 */
const parsed = new Map<string, StoredModel>();
export function latestModel(db: DB): StoredModel | null {
  const r = db.prepare('SELECT id, created_at, decisions, threshold, metrics FROM spam_models ORDER BY created_at DESC, id DESC LIMIT 1').get() as
    | { id: string; created_at: string; decisions: number; threshold: number; metrics: string }
    | undefined;
  if (!r) return null;
  let m = parsed.get(r.id);
  if (!m) {
    const model = JSON.parse(db.prepare('SELECT model FROM spam_models WHERE id = ?').pluck().get(r.id) as string) as SpamModel;
    m = { id: r.id, createdAt: r.created_at, decisions: r.decisions, threshold: r.threshold, model, metrics: JSON.parse(r.metrics) };
    // Only the newest of a store is of use: a few stores open at once keep theirs, older ones go.
    if (parsed.size > 4) parsed.clear();
    parsed.set(r.id, m);
  }
  return m;
}

/** Scores written a statement at a time (a model's full rescore writes every pending comment's). */
const SCORE_BATCH = 2000;

const PENDING = "SELECT rowid, body_text FROM comments WHERE deleted_at IS NULL AND status = 'pending' AND rowid > ? ORDER BY rowid LIMIT ?";

/**
 * Scores the pending comments (all, or those after a rowid) with a model; returns how many. The
 * scores are computed before the write begins, so the write lock is held only to store them;
 * `replace` drops every older score in the same transaction (a new model's full rescore).
 */
export function scorePending(db: DB, stored: StoredModel, afterRowid = 0, replace = false): number {
  // Read a page of texts at a time: only the scores (a number and a few words each) are kept for the write.
  const scored: (readonly [number, number, string])[] = [];
  for (const page of pagesByRowid<{ rowid: number; body_text: string }>(db, PENDING, afterRowid)) {
    for (const r of page) {
      const s = scoreText(stored.model, r.body_text);
      scored.push([r.rowid, Math.round(s.score * 10000) / 10000, JSON.stringify(s.words)]);
    }
  }
  // SCORE_BATCH scores a statement, from a JSON array: one statement a score cost more in calls than the rows.
  const put = db.prepare('INSERT OR REPLACE INTO comment_scores (comment_rowid, score, words, model_id) SELECT value ->> 0, value ->> 1, value ->> 2, ? FROM json_each(?)');
  db.transaction(() => {
    if (replace) db.prepare('DELETE FROM comment_scores').run();
    for (let i = 0; i < scored.length; i += SCORE_BATCH) put.run(stored.id, JSON.stringify(scored.slice(i, i + SCORE_BATCH)));
  })();
  return scored.length;
}

export function countScored(db: DB): number {
  return db.prepare('SELECT count(*) FROM comment_scores').pluck().get() as number;
}
