/**
 * A reconnect opens only the documents that changed since this laptop last synced them, by the
 * change marks in the index (change-marks.ts): opening every document of a big workspace at each
 * sync took minutes. The marks are read before a document opens, so a change is never skipped.
 */
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../common/ids';
import { createPost } from '../../db/repos/posts';
import { insertRawComment } from '../../db/testing/raw-rows';
import type { DB } from '../../db/connection';
import { until } from './testing/bodies';
import { useSyncTestKit } from './testing/laptops';
import { invite } from './testing/team-server-process';
import { joinWorkspace, openSession, syncWorkspace } from './workspace';

const kit = useSyncTestKit();
const POSTS = 30;

/** One sync, as `workspace sync` runs it; the documents it opened besides the singletons. */
async function syncOnce(db: DB): Promise<string[]> {
  const session = openSession(db, kit.vault());
  try {
    await session.syncUntilUpToDate(120_000);
    return [...session.opened].sort();
  } finally {
    session.close();
  }
}

describe('change marks', { timeout: 300_000 }, () => {
  it('reconnects after one changed comment opening only that comment’s document, on the laptop that changed it and on the others, and after a change made live', async () => {
    const data = kit.dir();
    const server = await kit.server(data);
    const [adminToken, reviewerToken] = invite(data, ['Ann Admin', 'admin'], ['Rae Viewer', 'reviewer']);
    const a = kit.laptop('a');
    const posts: string[] = [];
    a.db.transaction(() => {
      for (let i = 0; i < POSTS; i++) {
        const post = createPost(a.db, { title: `Post ${i}` });
        posts.push(post.id);
        for (let c = 0; c < 3; c++) insertRawComment(a.db, { id: uuidv7(), postId: post.id, sourceId: `c${i}-${c}`, status: 'pending' });
      }
    })();
    await joinWorkspace(a.db, kit.vault(), { url: server.url, token: adminToken });
    await syncWorkspace(a.db, kit.vault(), 120_000);
    const b = kit.laptop('b');
    await joinWorkspace(b.db, kit.vault(), { url: server.url, token: reviewerToken });
    // A new member opens every document once: a post is four (text, plan, comments, body).
    expect((await syncOnce(b.db)).length).toBeGreaterThanOrEqual(4 * POSTS);
    // Nothing changed anywhere: a reconnect opens nothing but the singletons, on both laptops.
    expect(await syncOnce(b.db)).toEqual([]);
    expect(await syncOnce(a.db)).toEqual([]);

    const target = posts[17];
    const comment = b.db.prepare("SELECT id FROM comments WHERE post_id = ? AND source_id = 'c17-1'").pluck().get(target) as string;
    b.db.prepare("UPDATE comments SET status = 'approved', updated_at = ? WHERE id = ?").run(new Date().toISOString(), comment);
    expect(await syncOnce(b.db)).toEqual([`comments/${target}`]);
    // The other laptop learns of it from the index's marks alone, and takes the change.
    expect(await syncOnce(a.db)).toEqual([`comments/${target}`]);
    expect(a.db.prepare("SELECT status FROM comments WHERE post_id = ? AND source_id = 'c17-1'").pluck().get(target)).toBe('approved');
    // Seen now on both sides: the next reconnects open nothing again.
    expect(await syncOnce(a.db)).toEqual([]);
    expect(await syncOnce(b.db)).toEqual([]);

    // A change made in the app (the live session) is marked too, once the server has it.
    const live = openSession(a.db, kit.vault());
    try {
      live.startLive();
      await until('the live session being up to date', () => live.state() === 'up-to-date');
      a.db.prepare('UPDATE posts SET title = ?, updated_at = ? WHERE id = ?').run('Changed live', new Date().toISOString(), posts[3]);
      await until('the live change being marked', () => a.db.prepare("SELECT pending FROM sync_doc_marks WHERE doc = ?").pluck().get(`post/${posts[3]}`) === 0 && live.state() === 'up-to-date');
    } finally {
      live.close();
    }
    expect(await syncOnce(b.db)).toEqual([`post/${posts[3]}`]);
    expect(b.db.prepare('SELECT title FROM posts WHERE id = ?').pluck().get(posts[3])).toBe('Changed live');
  });
});
