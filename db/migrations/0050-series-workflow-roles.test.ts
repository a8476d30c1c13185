import { describe, expect, it } from 'vitest';
import { useTempDatabases } from '../testing/temp-database';
import { migrate, schemaVersion } from '../migrate';

const tempDb = useTempDatabases('wb-m50');

describe('migration 0050 series workflow roles', () => {
  it('gives existing series commissioning and delivered statuses from their own workflow', () => {
    const db = tempDb();
    migrate(db, { targetVersion: 10 });
    const now = '2026-01-01T00:00:00.000Z';
    const insert = db.prepare('INSERT INTO series (id, created_at, updated_at, slug, title, workflow) VALUES (?, ?, ?, ?, ?, ?)');
    insert.run('00000000-0000-7000-8000-000000000001', now, now, 'standard', 'Standard', '["idea","commissioned","drafting","in-review","scheduled","published"]');
    insert.run('00000000-0000-7000-8000-000000000002', now, now, 'custom', 'Custom', '["pitch","asked","writing","edit","live"]');
    db.prepare("INSERT INTO posts (id, created_at, updated_at, slug, body, series_id, position) VALUES (?, ?, ?, 'p', '{}', ?, 1)").run(
      '00000000-0000-7000-8000-000000000003', now, now, '00000000-0000-7000-8000-000000000001',
    );

    migrate(db);

    expect(schemaVersion(db)).toBeGreaterThanOrEqual(50);
    const rows = db.prepare('SELECT slug, commission_status, delivery_status FROM series ORDER BY slug').all();
    expect(rows).toEqual([
      { slug: 'custom', commission_status: 'asked', delivery_status: 'edit' },
      { slug: 'standard', commission_status: 'commissioned', delivery_status: 'in-review' },
    ]);
    expect(db.prepare('SELECT position FROM posts').get()).toEqual({ position: 1 });
    db.close();
  });
});
