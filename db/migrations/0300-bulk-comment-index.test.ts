import { describe, expect, it } from 'vitest';
import { useTempDatabases } from '../testing/temp-database';
import { insertRawComment, insertRawPost } from '../testing/raw-rows';
import { migrate, schemaVersion } from '../migrate';
import { APPLYING_BULK } from './0300-bulk-comment-index';

const tempDb = useTempDatabases('wb-m300');
const POST = '00000000-0000-7000-8000-000000000001';
const found = (db: import('better-sqlite3').Database) => db.prepare("SELECT count(*) FROM comments_fts WHERE comments_fts MATCH 'hi'").pluck().get();

describe('migration 0300 bulk comment index', () => {
  it('indexes an inserted comment as before, except while a pull applies in bulk (applying = 2), which indexes them itself', () => {
    const db = tempDb();
    migrate(db, { targetVersion: 250 });
    insertRawPost(db, POST);
    insertRawComment(db, { id: 'c1', postId: POST, sourceId: '1' });
    migrate(db, { targetVersion: 300 });
    expect(schemaVersion(db)).toBe(300);
    expect(found(db)).toBe(1);
    // Local only (no workspace row): indexed by the trigger.
    insertRawComment(db, { id: 'c2', postId: POST, sourceId: '2' });
    expect(found(db)).toBe(2);
    db.prepare("INSERT INTO sync_workspace (id, url, member_id, member_name, role, token_sealed, joined_at) VALUES (1, 'ws://x', 'm', 'M', 'admin', 'x', 'x')").run();
    insertRawComment(db, { id: 'c3', postId: POST, sourceId: '3' });
    expect(found(db)).toBe(3);
    db.prepare('UPDATE sync_workspace SET applying = ?').run(APPLYING_BULK);
    insertRawComment(db, { id: 'c4', postId: POST, sourceId: '4' });
    expect(found(db)).toBe(3);
  });
});
