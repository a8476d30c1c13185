import { describe, expect, it } from 'vitest';
import { useTempDatabases } from '../testing/temp-database';
import { insertRawPost } from '../testing/raw-rows';
import { migrate, schemaVersion } from '../migrate';

const tempDb = useTempDatabases('wb-m250');

describe('migration 0250 notes', () => {
  it('adds note threads and their messages on a post, removed with the post', () => {
    const db = tempDb();
    migrate(db, { targetVersion: 230 });
    const post = '00000000-0000-7000-8000-000000000001';
    insertRawPost(db, post);
    migrate(db, { targetVersion: 250 });
    expect(schemaVersion(db)).toBe(250);
    db.prepare("INSERT INTO notes (id, post_id, quote, author_id, author_name, created_at) VALUES ('n1', ?, 'the figure', NULL, 'Me', 'x')").run(post);
    db.prepare("INSERT INTO note_messages (id, note_id, author_id, author_name, body, created_at) VALUES ('m1', 'n1', NULL, 'Me', 'Source?', 'x')").run();
    expect(() => db.prepare("INSERT INTO notes (id, post_id, quote, author_name, created_at) VALUES ('n2', 'no-such-post', '', 'Me', 'x')").run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO note_messages (id, note_id, author_name, body, created_at) VALUES ('m2', 'n9', 'Me', '', 'x')").run()).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM posts WHERE id = ?').run(post);
    expect(db.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM note_messages').pluck().get()).toBe(0);
  });
});
