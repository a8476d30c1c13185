import { describe, expect, it } from 'vitest';
import { useTempDatabases } from '../testing/temp-database';
import { insertRawPost } from '../testing/raw-rows';
import { migrate, schemaVersion } from '../migrate';

const tempDb = useTempDatabases('wb-m95');

describe('migration 0095 checklist and post events', () => {
  it('gives series an empty checklist override and logs status and planned-date changes, not other edits', () => {
    const db = tempDb();
    migrate(db, { targetVersion: 90 });
    const post = '00000000-0000-7000-8000-000000000001';
    insertRawPost(db, post);
    db.prepare("INSERT INTO series (id, created_at, updated_at, slug, title) VALUES ('00000000-0000-7000-8000-000000000009', 'x', 'x', 's', 'S')").run();

    migrate(db);

    expect(schemaVersion(db)).toBeGreaterThanOrEqual(95);
    expect(db.prepare('SELECT checklist FROM series').pluck().get()).toBe('{}');
    db.prepare("UPDATE posts SET title = 'Renamed', updated_at = 't1' WHERE id = ?").run(post);
    db.prepare("UPDATE posts SET status = 'scheduled', updated_at = 't2' WHERE id = ?").run(post);
    db.prepare("UPDATE posts SET planned_date = '2027-01-04', updated_at = 't3' WHERE id = ?").run(post);
    db.prepare("UPDATE posts SET planned_date = '2027-01-04', updated_at = 't4' WHERE id = ?").run(post);
    expect(db.prepare('SELECT at, kind, old_value, new_value FROM post_events ORDER BY seq').all()).toEqual([
      { at: 't2', kind: 'status', old_value: 'drafting', new_value: 'scheduled' },
      { at: 't3', kind: 'planned_date', old_value: null, new_value: '2027-01-04' },
    ]);
  });
});
