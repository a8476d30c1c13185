import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../connection';
import { createPost, listPostHeadlines, listPosts, trashPost } from './posts';
import { seedComments } from './testing/seed-comments';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('listPostHeadlines (workbench posts)', () => {
  it('lists what listPosts lists, in its order, with the same comment counts, and leaves the trash out', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-headlines-'));
    dirs.push(dir);
    const db = openDatabase(path.join(dir, 'w.sqlite'));
    const posts = Array.from({ length: 6 }, (_, i) => createPost(db, { title: `Post ${i}`, slug: `post-${i}` }));
    // Same updated_at for two of them: the order must still match listPosts'.
    db.prepare('UPDATE posts SET updated_at = ? WHERE id IN (?, ?)').run('2026-01-01T00:00:00.000Z', posts[1].id, posts[4].id);
    const [gone] = seedComments(db, [
      { postId: posts[2].id, text: 'one', status: 'approved' },
      { postId: posts[2].id, text: 'two', status: 'spam' },
      { postId: posts[3].id, text: 'three' },
    ]);
    db.prepare("UPDATE comments SET deleted_at = '2026-01-02T00:00:00Z' WHERE id = ?").run(gone);
    trashPost(db, posts[5].id);
    const expected = listPosts(db, { limit: 100 }).map((p) => ({ id: p.id, slug: p.slug, title: p.title, status: p.status, commentCount: p.commentCount, updatedAt: p.updatedAt }));
    expect(expected.map((p) => p.commentCount).sort()).toEqual([0, 0, 0, 1, 1]);
    expect(listPostHeadlines(db)).toEqual(expected);
    db.close();
  });
});
