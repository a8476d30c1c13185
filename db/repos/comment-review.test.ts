import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../connection';
import { createPost } from './posts';
import { seedComments } from './testing/seed-comments';
import { applyStatuses, commentIds, listComments, setStatus, statusCounts } from './comment-review';
import { createAnnotation, listAnnotations } from './annotations';
import { listTags } from './tags';
import { saveReply } from './replies';
import { AppError } from '../../common/errors';
import type { CommentFilter } from '../../common/api/comments';

let dir: string;
let db: DB;
let postA: string;
let postB: string;
let ids: string[];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-review-'));
  db = openDatabase(path.join(dir, 'w.sqlite'));
  postA = createPost(db, { title: 'Nursing workforce' }).id;
  postB = createPost(db, { title: 'Digital records' }).id;
  ids = seedComments(db, [
    { postId: postA, authorName: 'Amira Haddad', postedAt: '2026-01-01T09:00:00.000Z', text: 'Patient safety must come first on every ward.', status: 'approved' },
    { postId: postA, authorName: 'Ben Ortiz', postedAt: '2026-01-02T09:00:00.000Z', text: 'Staffing ratios matter for safety.', status: 'pending' },
    { postId: postA, authorName: 'Cleo Ng', postedAt: '2026-01-03T09:00:00.000Z', text: 'Buy cheap watches here', status: 'spam' },
    { postId: postB, authorName: 'amira h.', postedAt: '2026-02-10T09:00:00.000Z', text: 'Records should follow the patient.', status: 'pending' },
    { postId: postB, authorName: 'Dev Rao', postedAt: '2026-02-11T09:00:00.000Z', text: 'Café owners café too', status: 'trash' },
  ]);
  // A thread on post A: Ben replies to Amira, Cleo's is an orphan (parent gone on import).
  db.prepare('UPDATE comments SET parent_id = ? WHERE id = ?').run(ids[0], ids[1]);
  db.prepare(`UPDATE comments SET flags = '["orphan"]' WHERE id = ?`).run(ids[2]);
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const texts = (r: { items: { text: string }[] }) => r.items.map((i) => i.text.slice(0, 12));

describe('comment review list', () => {
  it('filters by post, status, author prefix and date range, newest first, with the total and per-status counts', () => {
    expect(listComments(db, { filter: { postId: postA } }).total).toBe(3);
    const pending = listComments(db, { filter: { status: ['pending'] } });
    expect(texts(pending)).toEqual(['Records shou', 'Staffing rat']);
    expect(pending.total).toBe(2);
    expect(pending.counts).toEqual({ approved: 1, pending: 2, spam: 1, trash: 1, all: 5 });
    expect(texts(listComments(db, { filter: { author: 'AMIRA' } }))).toEqual(['Records shou', 'Patient safe']);
    expect(texts(listComments(db, { filter: { from: '2026-01-02', to: '2026-01-03' }, order: 'oldest' }))).toEqual(['Staffing rat', 'Buy cheap wa']);
    expect(listComments(db, { filter: { author: '100%' } }).total).toBe(0);
  });

  it('pages a window with offset and limit while the total stays the whole match', () => {
    const page = listComments(db, { offset: 1, limit: 2, order: 'oldest' });
    expect(texts(page)).toEqual(['Staffing rat', 'Buy cheap wa']);
    expect(page.total).toBe(5);
  });

  it('searches with FTS and returns the matched words as ranges of the text, ignoring case and accents', () => {
    const r = listComments(db, { filter: { search: 'safe' } });
    expect(texts(r)).toEqual(['Staffing rat', 'Patient safe']);
    const first = r.items[1];
    expect(first.matches.map((m) => first.text.slice(m.start, m.end))).toEqual(['safety']);
    const cafe = listComments(db, { filter: { search: 'cafe' } }).items[0];
    expect(cafe.matches.map((m) => cafe.text.slice(m.start, m.end))).toEqual(['Café', 'café']);
    expect(listComments(db, { filter: { search: '***' } }).total).toBe(0);
  });

  it('nests a post\'s comments by thread with depth, reply counts and orphan flags', () => {
    const r = listComments(db, { filter: { postId: postA }, order: 'thread' });
    expect(r.items.map((i) => [i.text.slice(0, 8), i.depth, i.replyCount])).toEqual([
      ['Patient ', 0, 1],
      ['Staffing', 1, 0],
      ['Buy chea', 0, 0],
    ]);
    expect(r.items[2].flags).toEqual(['orphan']);
    const deep = listComments(db, { filter: { threadOf: ids[0] }, order: 'thread' });
    expect(deep.total).toBe(2);
  });

  it('filters by tag, annotated or not, and having a reply draft', () => {
    const tag = listTags(db).find((t) => t.name === 'patient safety')!;
    createAnnotation(db, { commentId: ids[0], start: 0, end: 14, quote: 'Patient safety', tagId: tag.id });
    saveReply(db, { commentId: ids[3], baseRevision: 0, body: '{}', text: 'Thanks', status: 'draft' });
    expect(texts(listComments(db, { filter: { tagId: tag.id } }))).toEqual(['Patient safe']);
    expect(listComments(db, { filter: { annotated: false } }).total).toBe(4);
    expect(texts(listComments(db, { filter: { hasReplyDraft: true } }))).toEqual(['Records shou']);
    expect(listAnnotations(db, { threadOf: ids[0] }).total).toBe(1);
    expect(listAnnotations(db, { threadOf: ids[1] }).total).toBe(0);
    const row = listComments(db, { filter: { tagId: tag.id } }).items[0];
    expect(row.annotations[0]).toMatchObject({ quote: 'Patient safety', tagName: 'patient safety', anchor: 'exact' });
  });
});

describe('moderation', () => {
  it('sets the status of a selection in one step and undoes it from the previous statuses it returned', () => {
    const sel = commentIds(db, { postId: postA });
    expect(sel).toHaveLength(3);
    const { changed } = setStatus(db, sel, 'trash');
    expect(changed.map((c) => c.previousStatus).sort()).toEqual(['approved', 'pending', 'spam']);
    expect(statusCounts(db, { postId: postA })).toMatchObject({ trash: 3, approved: 0 });
    applyStatuses(db, changed.map((c) => ({ id: c.id, revision: c.revision, status: c.previousStatus })));
    expect(statusCounts(db, { postId: postA })).toMatchObject({ approved: 1, pending: 1, spam: 1, trash: 0 });
  });

  it('refuses a whole batch with CONFLICT when one comment changed since it was read, and changes nothing', () => {
    const sel = commentIds(db, { postId: postA });
    setStatus(db, [sel[0]], 'trash'); // another window moved the newest (the spam) first
    let err: unknown;
    try {
      setStatus(db, sel, 'approved');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('CONFLICT');
    expect((err as AppError).details).toEqual({ conflicts: [{ id: sel[0].id, revision: sel[0].revision + 1 }] });
    expect(statusCounts(db, { postId: postA })).toMatchObject({ approved: 1, pending: 1, spam: 0, trash: 1 });
  });
});

describe('search plans', () => {
  it('answers a rare word and a word in thousands of comments alike: newest first, with totals and counts, deleted ones left out', () => {
    const statuses = ['approved', 'pending', 'spam', 'trash'] as const;
    const many = Array.from({ length: 5200 }, (_, i) => ({
      postId: i % 2 ? postA : postB,
      postedAt: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
      text: i % 1000 === 7 ? `widespread and uncommonword ${i}` : `widespread remark ${i}`,
      status: statuses[i % 4],
    }));
    const seeded = seedComments(db, many);
    db.prepare('UPDATE comments SET deleted_at = ? WHERE id IN (?, ?)').run('2026-03-01T00:00:00.000Z', seeded[5199], seeded[1007]);

    // Broad: more matches than are looked up one by one.
    const broad = listComments(db, { filter: { search: 'widespread' }, limit: 3 });
    expect(broad.total).toBe(5198);
    expect(broad.counts).toEqual({ approved: 1300, pending: 1300, spam: 1300, trash: 1298, all: 5198 });
    expect(texts(broad)).toEqual(['widespread r', 'widespread r', 'widespread r']);
    expect(broad.items.map((i) => i.text)).toEqual(['widespread remark 5198', 'widespread remark 5197', 'widespread remark 5196']);
    expect(listComments(db, { filter: { search: 'widespread', status: ['spam'] }, limit: 1 }).total).toBe(1300);

    // Narrow: a handful of matches, looked up.
    const rare = listComments(db, { filter: { search: 'uncommonword' } });
    expect(rare.items.map((i) => i.text)).toEqual([5007, 4007, 3007, 2007, 7].map((n) => `widespread and uncommonword ${n}`));
    expect(rare.counts).toEqual({ approved: 0, pending: 0, spam: 0, trash: 5, all: 5 });
    expect(rare.items[0].matches).toEqual([{ start: 15, end: 27 }]);
    expect(commentIds(db, { search: 'uncommonword' })).toHaveLength(5);
    expect(statusCounts(db, { search: 'uncommonword', status: ['trash'] }).trash).toBe(5);

    // A search alone is counted from the search index and comment_states; with any other filter,
    // from the comments. Both agree, and follow a status change and a restore.
    db.prepare("UPDATE comments SET status = 'approved', deleted_at = NULL WHERE id = ?").run(seeded[1007]);
    const wide = { approved: 1301, pending: 1300, spam: 1300, trash: 1298, all: 5199 };
    expect(statusCounts(db, { search: 'widespread' })).toEqual(wide);
    expect(statusCounts(db, { search: 'widespread', from: '2000-01-01' })).toEqual(wide);
    expect(statusCounts(db, { search: 'uncommonword', status: ['approved'] })).toEqual({ approved: 1, pending: 0, spam: 0, trash: 5, all: 6 });
    expect(statusCounts(db, { search: 'uncommonword', author: '' })).toEqual({ approved: 1, pending: 0, spam: 0, trash: 5, all: 6 });
    expect(statusCounts(db, { search: 'uncommonword', postId: postA })).toEqual({ approved: 1, pending: 0, spam: 0, trash: 5, all: 6 });
  });

  it('gives a search\'s total without the per-status counts when asked, equal to the counted total, soft-deleted matches left out', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({
      postId: postA,
      postedAt: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
      text: `ubiquitous note ${i}`,
      status: (['approved', 'pending', 'spam', 'trash'] as const)[i % 4],
    }));
    const seeded = seedComments(db, many);
    const agree = (filter: CommentFilter) => {
      const quick = listComments(db, { filter, counts: false, limit: 5 });
      const counted = listComments(db, { filter, limit: 5 });
      expect(quick.counts).toBeNull();
      expect(quick.items).toEqual(counted.items);
      expect(quick.total).toBe(counted.total);
      return quick.total;
    };
    expect(agree({ search: 'ubiquitous' })).toBe(40);
    expect(agree({ search: 'ubiquitous', status: ['spam', 'trash'] })).toBe(20);
    db.prepare('UPDATE comments SET deleted_at = ? WHERE id IN (?, ?, ?)').run('2026-03-01T00:00:00.000Z', seeded[0], seeded[2], seeded[3]);
    expect(agree({ search: 'ubiquitous' })).toBe(37);
    expect(agree({ search: 'ubiquitous', status: ['approved'] })).toBe(9);
    expect(agree({ search: 'nosuchword' })).toBe(0);
    // Any other filter needs the counts for its total, so they come with it.
    expect(listComments(db, { filter: { search: 'ubiquitous', postId: postA }, counts: false }).counts).toMatchObject({ all: 37 });
    expect(listComments(db, { filter: { status: ['pending'] }, counts: false }).counts).not.toBeNull();
  });
});
