import { describe, expect, it } from 'vitest';
import { useTempDatabases } from '../testing/temp-database';
import { insertRawPost } from '../testing/raw-rows';
import { migrate, schemaVersion } from '../migrate';

const tempDb = useTempDatabases('wb-m120');

describe('migration 0120 team sync', () => {
  it('queues changed shared rows only while a workspace is joined, and not while remote changes apply', () => {
    const db = tempDb();
    migrate(db, { targetVersion: 105 });
    insertRawPost(db, '00000000-0000-7000-8000-000000000001');
    migrate(db, { targetVersion: 120 });
    expect(schemaVersion(db)).toBe(120);
    const outbox = () => db.prepare('SELECT tbl, row_id FROM sync_outbox ORDER BY row_id').all();
    db.prepare("UPDATE posts SET title = 'Local only'").run();
    expect(outbox()).toEqual([]);

    db.prepare("INSERT INTO sync_workspace (id, url, member_id, member_name, role, token_sealed, joined_at) VALUES (1, 'ws://x', 'm', 'Ann', 'editor', x'00', '2026-01-01')").run();
    db.prepare("UPDATE posts SET title = 'Shared'").run();
    db.prepare("INSERT INTO posts (id, created_at, updated_at, slug, body) VALUES ('00000000-0000-7000-8000-000000000002', 'x', 'x', 'second', '{}')").run();
    expect(outbox()).toEqual([
      { tbl: 'posts', row_id: '00000000-0000-7000-8000-000000000001' },
      { tbl: 'posts', row_id: '00000000-0000-7000-8000-000000000002' },
    ]);
    db.prepare('DELETE FROM sync_outbox').run();
    db.prepare('UPDATE sync_workspace SET applying = 1').run();
    db.prepare("UPDATE posts SET title = 'From the team'").run();
    expect(outbox()).toEqual([]);
  });
});
