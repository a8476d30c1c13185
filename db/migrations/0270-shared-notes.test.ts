import { describe, expect, it } from 'vitest';
import { useTempDatabases } from '../testing/temp-database';
import { insertRawPost } from '../testing/raw-rows';
import { migrate, schemaVersion } from '../migrate';

const tempDb = useTempDatabases('wb-m270');

describe('migration 0270 shared notes', () => {
  it('keeps notes and messages, adds mentions and reads, and queues note rows for the workspace only while joined', () => {
    const db = tempDb();
    migrate(db, { targetVersion: 250 });
    const post = '00000000-0000-7000-8000-000000000001';
    insertRawPost(db, post);
    db.prepare("INSERT INTO notes (id, post_id, quote, author_id, author_name, created_at, resolved_at) VALUES ('n1', ?, 'the figure', NULL, 'Me', 'x', 'y')").run(post);
    db.prepare("INSERT INTO note_messages (id, note_id, author_id, author_name, body, created_at) VALUES ('m1', 'n1', NULL, 'Me', 'Source?', 'x')").run();
    migrate(db, { targetVersion: 270 });
    expect(schemaVersion(db)).toBe(270);
    expect(db.prepare('SELECT resolved_at FROM notes').pluck().get()).toBe('y');
    expect(db.prepare('SELECT body, mentions FROM note_messages').get()).toEqual({ body: 'Source?', mentions: '[]' });
    db.prepare("INSERT INTO note_reads (note_id, read_at) VALUES ('n1', 'z')").run();

    // Not joined: nothing queues.
    db.prepare("UPDATE notes SET quote = 'changed' WHERE id = 'n1'").run();
    expect(db.prepare('SELECT count(*) FROM sync_outbox').pluck().get()).toBe(0);
    db.prepare("INSERT INTO sync_workspace (id, url, member_id, member_name, role, token_sealed, joined_at) VALUES (1, 'ws://x', 'm', 'Me', 'editor', x'00', '2026-01-01')").run();
    db.prepare("UPDATE notes SET resolved_at = NULL WHERE id = 'n1'").run();
    db.prepare("UPDATE note_messages SET body = 'Which source?' WHERE id = 'm1'").run();
    expect(db.prepare('SELECT tbl, row_id FROM sync_outbox ORDER BY tbl').all()).toEqual([{ tbl: 'note_messages', row_id: 'm1' }, { tbl: 'notes', row_id: 'n1' }]);

    db.prepare('DELETE FROM posts WHERE id = ?').run(post);
    expect(db.prepare('SELECT count(*) FROM note_reads').pluck().get()).toBe(0);
    expect(db.prepare("SELECT tbl FROM sync_removed ORDER BY tbl").pluck().all()).toEqual(['note_messages', 'notes', 'posts']);
  });
});
