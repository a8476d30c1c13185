/**
 * The projection on real SQLite files, without a server: documents copied from one laptop to
 * another by their Yjs updates, in an order a server may deliver them.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createPost } from '../../db/repos/posts';
import { insertRawComment } from '../../db/testing/raw-rows';
import { uuidv7 } from '../../common/ids';
import { useSyncTestKit } from './testing/laptops';
import { LocalDocs } from './local-docs';
import { pull, push } from './projection';
import type { DB } from '../../db/connection';

const kit = useSyncTestKit();
const joined = (db: DB) =>
  db.prepare("INSERT INTO sync_workspace (id, url, member_id, member_name, role, token_sealed, joined_at) VALUES (1, 'ws://x', 'm', 'Ann', 'admin', x'00', '2026-01-01')").run();

describe('projection', () => {
  it('holds back a comment that arrives before its post, and applies it once the post is there', () => {
    const a = kit.laptop('a');
    joined(a.db);
    const post = createPost(a.db, { title: 'Parent first' });
    insertRawComment(a.db, { id: uuidv7(), postId: post.id, sourceId: 'c1', status: 'pending' });
    const aDocs = new LocalDocs(a.db);
    a.db.transaction(() => push(a.db, aDocs, { name: 'Ann', role: 'admin' }))();

    const b = kit.laptop('b');
    joined(b.db);
    const bDocs = new LocalDocs(b.db);
    const copy = (name: string) => Y.applyUpdate(bDocs.get(name), Y.encodeStateAsUpdate(aDocs.get(name)));
    copy(`comments/${post.id}`);
    const early = b.db.transaction(() => pull(b.db, bDocs))();
    expect(early.waiting).toEqual([`comments/${post.id}`]);
    expect(b.db.prepare('SELECT count(*) FROM comments').pluck().get()).toBe(0);

    copy(`post/${post.id}`);
    copy(`post-plan/${post.id}`);
    const later = b.db.transaction(() => pull(b.db, bDocs))();
    expect(later.waiting).toEqual([]);
    expect(b.db.prepare('SELECT title FROM posts').pluck().all()).toEqual(['Parent first']);
    expect(b.db.prepare('SELECT source_id, status FROM comments').all()).toEqual([{ source_id: 'c1', status: 'pending' }]);
    // Rows written from the team are not queued to be sent back.
    expect(b.db.prepare('SELECT count(*) FROM sync_outbox').pluck().get()).toBe(0);
    aDocs.destroy();
    bDocs.destroy();
  });
});
