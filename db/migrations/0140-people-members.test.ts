import { describe, expect, it } from 'vitest';
import { useTempDatabases } from '../testing/temp-database';
import { RAW_NOW } from '../testing/raw-rows';
import { migrate, schemaVersion } from '../migrate';

const tempDb = useTempDatabases('wb-m140');

describe('migration 0140 people members', () => {
  it('keeps every person as a local one (no role) and allows one person per member', () => {
    const db = tempDb();
    migrate(db, { targetVersion: 130 });
    db.prepare("INSERT INTO people (id, created_at, updated_at, name, email) VALUES ('p1', ?, ?, 'Ada', 'ada@example.org')").run(RAW_NOW, RAW_NOW);
    const before = db.prepare('SELECT * FROM people').all();

    migrate(db, { targetVersion: 140 });

    expect(schemaVersion(db)).toBe(140);
    expect(db.prepare('SELECT id, created_at, updated_at, deleted_at, name, email, member_id FROM people').all()).toEqual(before);
    expect(db.prepare('SELECT member_role FROM people').pluck().get()).toBeNull();
    db.prepare("UPDATE people SET member_id = 'm1', member_role = 'editor' WHERE id = 'p1'").run();
    const insert = db.prepare("INSERT INTO people (id, created_at, updated_at, name, member_id, member_role) VALUES (?, ?, ?, 'Bo', ?, ?)");
    expect(() => insert.run('p2', RAW_NOW, RAW_NOW, 'm1', null)).toThrow(/UNIQUE/);
    expect(() => insert.run('p3', RAW_NOW, RAW_NOW, 'm3', 'owner')).toThrow(/CHECK/);
  });
});
