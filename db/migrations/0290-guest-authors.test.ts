import { describe, expect, it } from 'vitest';
import { useTempDatabases } from '../testing/temp-database';
import { migrate, schemaVersion } from '../migrate';

const tempDb = useTempDatabases('wb-m290');

describe('migration 0290 guest authors', () => {
  it('lets a person be a guest author member, keeps the roles people had, and still refuses an unknown role', () => {
    const db = tempDb();
    migrate(db, { targetVersion: 250 });
    const insert = db.prepare("INSERT INTO people (id, created_at, updated_at, name, member_id, member_role) VALUES (?, 'x', 'x', ?, ?, ?)");
    insert.run('p1', 'Ann', 'p1', 'editor');
    insert.run('p2', 'Local Lou', null, null);
    expect(() => insert.run('p3', 'Gus', 'p3', 'guest-author')).toThrow(/CHECK/);
    migrate(db, { targetVersion: 290 });
    expect(schemaVersion(db)).toBe(290);
    insert.run('p3', 'Gus', 'p3', 'guest-author');
    expect(db.prepare('SELECT id, member_role FROM people ORDER BY id').all()).toEqual([
      { id: 'p1', member_role: 'editor' },
      { id: 'p2', member_role: null },
      { id: 'p3', member_role: 'guest-author' },
    ]);
    expect(() => insert.run('p4', 'Eve', 'p4', 'owner')).toThrow(/CHECK/);
    expect(db.prepare('SELECT name FROM pragma_table_info(?) WHERE name = ?').pluck().get('sync_workspace', 'author_id')).toBe('author_id');
  });
});
