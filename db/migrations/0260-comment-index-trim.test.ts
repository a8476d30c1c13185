import { describe, expect, it } from 'vitest';
import { useTempDatabases } from '../testing/temp-database';
import { migrate, schemaVersion } from '../migrate';

const tempDb = useTempDatabases('wb-m260');

const commentIndexes = (db: ReturnType<typeof tempDb>) =>
  db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'comments' AND sql IS NOT NULL ORDER BY name").pluck().all();

describe('migration 0260 comment index trim', () => {
  it("drops the two indexes whose queries comments_post serves, and keeps the five the app's queries search", () => {
    const db = tempDb();
    migrate(db, { targetVersion: 250 });
    expect(commentIndexes(db)).toContain('comments_post_live');
    expect(commentIndexes(db)).toContain('comments_post_status');
    migrate(db, { targetVersion: 260 });
    expect(schemaVersion(db)).toBe(260);
    expect(commentIndexes(db)).toEqual(['comments_author_nocase', 'comments_live_posted', 'comments_live_status', 'comments_parent', 'comments_post']);
  });
});
