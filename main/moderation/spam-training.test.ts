import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../../db/connection';
import { createPost } from '../../db/repos/posts';
import { seedComments, type SeedComment } from '../../db/repos/testing/seed-comments';
import { countScored, latestModel, PAGE_ROWS, streamDecisions } from '../../db/repos/spam-scores';
import { trainAndScore } from './spam-training';
import { startTraining } from './spam-trainer';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function store(): { db: DB; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-spam-'));
  dirs.push(dir);
  const file = path.join(dir, 'w.sqlite');
  const db = openDatabase(file);
  const post = createPost(db, { title: 'P' }).id;
  const rows = [];
  for (let i = 0; i < 30; i++) {
    rows.push({ postId: post, text: `Cheap meds and casino bonus ${i}, click now`, status: 'spam' as const });
    rows.push({ postId: post, text: `Thank you, the staffing figures on ward ${i} match ours`, status: 'approved' as const });
  }
  rows.push({ postId: post, text: 'Casino bonus, cheap meds, click', status: 'pending' as const });
  rows.push({ postId: post, text: 'The staffing figures match our ward', status: 'pending' as const });
  seedComments(db, rows);
  return { db, file };
}

describe('training the spam score', () => {
  it('learns the same model from the same decisions, and scores only the pending comments with the words behind each', () => {
    const a = store();
    const b = store();
    const ma = trainAndScore(a.db)!;
    const mb = trainAndScore(b.db)!;
    expect(JSON.stringify(ma.model)).toBe(JSON.stringify(mb.model));
    expect(ma.threshold).toBe(mb.threshold);
    const scores = a.db.prepare('SELECT c.body_text, s.score, s.words FROM comment_scores s JOIN comments c ON c.rowid = s.comment_rowid ORDER BY s.score DESC').all() as { body_text: string; score: number; words: string }[];
    expect(scores.map((s) => s.body_text)).toEqual(['Casino bonus, cheap meds, click', 'The staffing figures match our ward']);
    expect(scores[0].score).toBeGreaterThan(0.9);
    expect(JSON.parse(scores[0].words).length).toBeGreaterThan(0);
    a.db.close();
    b.db.close();
  });

  it('says when no threshold reaches 95% precision (decisions whose words do not tell spam apart), instead of a vacuous precision', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-spam-'));
    dirs.push(dir);
    const db = openDatabase(path.join(dir, 'w.sqlite'));
    const post = createPost(db, { title: 'P' }).id;
    // The same texts approved and binned alike, as the bench's generated comments are.
    const texts = ['Thanks for the piece on ward staffing', 'Our clinic saw the same trend last winter', 'Could you share the figures behind the chart'];
    seedComments(db, Array.from({ length: 60 }, (_, i) => ({ postId: post, text: `${texts[i % 3]} ${i % 4}`, status: i % 2 ? ('spam' as const) : ('approved' as const) })));
    const m = trainAndScore(db)!;
    expect(m.threshold).toBe(0.99);
    expect(m.metrics).toEqual({ recall: 0, folds: 5, suggested: false });
    expect(latestModel(db)!.metrics).toEqual(m.metrics);
    db.close();
    // Separable decisions get a suggested threshold with its measured precision.
    const s = store();
    expect(trainAndScore(s.db)!.metrics).toMatchObject({ suggested: true, precision: expect.any(Number), recall: expect.any(Number) });
    s.db.close();
  });

  it('parses a stored model once: the same model until a training stores a new one', () => {
    const s = store();
    const first = trainAndScore(s.db)!;
    const a = latestModel(s.db);
    expect(a).toMatchObject({ id: first.id, decisions: 60 });
    expect(latestModel(s.db)).toBe(a);
    const second = trainAndScore(s.db, 7)!;
    const b = latestModel(s.db);
    expect(b).not.toBe(a);
    expect(b).toMatchObject({ id: second.id });
    expect(JSON.stringify(b!.model)).toBe(JSON.stringify(second.model));
    s.db.close();
  });

  it('reads the decisions and the pending comments a page at a time, none missed or read twice at the pages\' edges', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-spam-'));
    dirs.push(dir);
    const db = openDatabase(path.join(dir, 'w.sqlite'));
    const post = createPost(db, { title: 'P' }).id;
    // Two pages and one more of decisions, one page and one more of pending comments, interleaved
    // (so a page of pending ones spans many rowids); the first, deleted, must not be scored.
    const rows: SeedComment[] = Array.from({ length: 2 * PAGE_ROWS + 1 }, (_, i) => ({ postId: post, text: i % 2 ? `Cheap meds casino ${i}` : `The ward figures ${i}`, status: i % 2 ? ('spam' as const) : ('approved' as const) }));
    for (let i = 0; i <= PAGE_ROWS; i++) rows.splice(i * 2, 0, { postId: post, text: `A pending note ${i}`, status: 'pending' as const });
    const [deleted] = seedComments(db, rows);
    db.prepare("UPDATE comments SET deleted_at = '2026-01-01T00:00:00Z' WHERE id = ?").run(deleted);
    const texts = [...streamDecisions(db)()].map((d) => d.text);
    expect(texts.length).toBe(2 * PAGE_ROWS + 1);
    expect(new Set(texts).size).toBe(texts.length);
    const m = trainAndScore(db)!;
    expect(m.decisions).toBe(2 * PAGE_ROWS + 1);
    expect(countScored(db)).toBe(PAGE_ROWS);
    db.close();
  }, 60_000);

  it('trains in a worker thread on its own connection', async () => {
    const s = store();
    await startTraining({ dbPath: s.file });
    expect(latestModel(s.db)).toMatchObject({ decisions: 60 });
    s.db.close();
  }, 60_000);
});
