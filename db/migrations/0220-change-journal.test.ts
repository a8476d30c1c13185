import { describe, expect, it } from 'vitest';
import { useTempDatabases } from '../testing/temp-database';
import { migrate, schemaVersion } from '../migrate';
import { journalSince, lastJournalSeq, recordChanges } from '../repos/change-journal';

const tempDb = useTempDatabases('wb-m220');

describe('migration 0220 change journal', () => {
  it('adds an empty journal to a store at 0210, leaving what it holds as it was', () => {
    const db = tempDb();
    migrate(db, { targetVersion: 210 });
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    migrate(db, { targetVersion: 220 });
    expect(schemaVersion(db)).toBe(220);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all()).toEqual([...tables, 'change_journal'].sort());
    expect(lastJournalSeq(db)).toBe(0);
  });

  it('keeps what a command changed, in order, and refuses a row that is not JSON', () => {
    const db = tempDb();
    migrate(db, { targetVersion: 220 });
    recordChanges(db, { posts: ['p1'] });
    recordChanges(db, {});
    recordChanges(db, { series: 'all', posts: ['p2'] });
    expect(journalSince(db, 0)).toEqual([
      { seq: 1, changes: { posts: ['p1'] } },
      { seq: 2, changes: { series: 'all', posts: ['p2'] } },
    ]);
    expect(journalSince(db, 1)).toHaveLength(1);
    expect(() => db.prepare("INSERT INTO change_journal (at, changes) VALUES ('x', 'not json')").run()).toThrow(/CHECK/);
    // A row a newer app wrote with an area this one does not know counts as everything.
    db.prepare(`INSERT INTO change_journal (at, changes) VALUES ('x', '{"future":"all"}')`).run();
    expect(journalSince(db, 2)).toEqual([{ seq: 3, changes: null }]);
  });

  it('drops old rows as new ones come, keeping the last 500', () => {
    const db = tempDb();
    migrate(db, { targetVersion: 220 });
    db.transaction(() => {
      for (let i = 0; i < 1200; i++) recordChanges(db, { posts: [`p${i}`] });
    })();
    const count = db.prepare('SELECT count(*) FROM change_journal').pluck().get() as number;
    expect(count).toBeGreaterThanOrEqual(500);
    expect(count).toBeLessThan(560);
    expect(lastJournalSeq(db)).toBe(1200);
  });
});
