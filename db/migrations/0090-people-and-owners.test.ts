import { describe, expect, it } from 'vitest';
import { useTempDatabases } from '../testing/temp-database';
import { insertRawPost, RAW_NOW } from '../testing/raw-rows';
import { migrate, schemaVersion } from '../migrate';

const tempDb = useTempDatabases('wb-m90');

describe('migration 0090 people and owners', () => {
  it('keeps every post, adds no owner to it, and stores people with an owner and reviewer link', () => {
    const db = tempDb();
    migrate(db, { targetVersion: 80 });
    const post = '00000000-0000-7000-8000-000000000001';
    insertRawPost(db, post);
    const before = db.prepare('SELECT id, slug, title, body FROM posts').all();

    migrate(db, { targetVersion: 90 });

    expect(schemaVersion(db)).toBe(90);
    expect(db.prepare('SELECT id, slug, title, body FROM posts').all()).toEqual(before);
    expect(db.prepare('SELECT owner_id, reviewer_id, featured_asset_id, featured_alt FROM posts').get()).toEqual({
      owner_id: null,
      reviewer_id: null,
      featured_asset_id: null,
      featured_alt: '',
    });
    const person = '00000000-0000-7000-8000-000000000002';
    db.prepare("INSERT INTO people (id, created_at, updated_at, name, email) VALUES (?, ?, ?, 'Ada', 'ada@example.org')").run(person, RAW_NOW, RAW_NOW);
    db.prepare('UPDATE posts SET owner_id = ?, reviewer_id = ? WHERE id = ?').run(person, person, post);
    // One live person per e-mail address, whatever its case.
    expect(() =>
      db.prepare("INSERT INTO people (id, created_at, updated_at, name, email) VALUES ('00000000-0000-7000-8000-000000000003', ?, ?, 'Ada L', 'ADA@example.org')").run(RAW_NOW, RAW_NOW),
    ).toThrow(/UNIQUE/);
    // An owner must be a person.
    db.pragma('foreign_keys = ON');
    expect(() => db.prepare("UPDATE posts SET owner_id = '00000000-0000-7000-8000-00000000000f'").run()).toThrow(/FOREIGN KEY/);
  });
});
