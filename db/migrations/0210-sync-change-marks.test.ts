import { describe, expect, it } from 'vitest';
import { useTempDatabases } from '../testing/temp-database';
import { migrate, schemaVersion } from '../migrate';

const tempDb = useTempDatabases('wb-m210');

describe('migration 0210 sync change marks', () => {
  it('adds one change-mark row per document, not yet seen and not pending, and a laptop id to a joined workspace', () => {
    const db = tempDb();
    migrate(db, { targetVersion: 200 });
    db.prepare("INSERT INTO sync_workspace (id, url, member_id, member_name, role, token_sealed, joined_at) VALUES (1, 'ws://x', 'm', 'Ann', 'admin', x'00', 't')").run();
    migrate(db, { targetVersion: 210 });
    expect(schemaVersion(db)).toBe(210);
    expect(db.prepare('SELECT laptop_id FROM sync_workspace').pluck().get()).toBeNull();
    db.prepare("INSERT INTO sync_doc_marks (doc) VALUES ('comments/p1')").run();
    expect(db.prepare('SELECT doc, seen, pending FROM sync_doc_marks').all()).toEqual([{ doc: 'comments/p1', seen: null, pending: 0 }]);
    expect(() => db.prepare("INSERT INTO sync_doc_marks (doc) VALUES ('comments/p1')").run()).toThrow(/UNIQUE|PRIMARY/);
  });
});
