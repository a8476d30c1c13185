import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../common/errors';
import { openDatabase } from './connection';
import { LATEST_VERSION, migrate, schemaVersion } from './migrate';
import { MIGRATIONS } from './migrations/index';
import { fillReleaseOne, RELEASE_ONE_TABLES, RELEASE_ONE_VERSION, snapshotRows } from './testing/release-one';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function tempFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-migrate-'));
  dirs.push(dir);
  return path.join(dir, 'workbench.sqlite');
}

/** A file exactly as the first release would have left it, full of data. */
function releaseOneFile(): string {
  const file = tempFile();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  migrate(db, { targetVersion: RELEASE_ONE_VERSION });
  fillReleaseOne(db, 3);
  db.close();
  return file;
}

const hash = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/**
 * Every release-one row must still be there with the same values; later steps may only add
 * columns. The one row an upgrade may add is the settings row naming the app that wrote the file.
 */
function expectRowsIntact(db: Database.Database, before: Record<string, Record<string, unknown>[]>) {
  const after = snapshotRows(db);
  for (const table of RELEASE_ONE_TABLES) {
    const byId = new Map(after[table].map((r) => [r.id, r]));
    for (const old of before[table]) {
      const row = byId.get(old.id);
      expect(row, `${table} row ${String(old.id)} is missing`).toBeDefined();
      const kept = Object.fromEntries(Object.keys(old).map((k) => [k, row![k]]));
      expect(kept, `${table} row ${String(old.id)}`).toEqual(old);
      byId.delete(old.id);
    }
    const added = [...byId.values()].filter((r) => !(table === 'settings' && r.key === 'app.writtenBy'));
    expect(added, `rows added to ${table}`).toEqual([]);
  }
}

describe('schema upgrades', () => {
  it('lists its steps in increasing version order, starting with the first release', () => {
    expect(MIGRATIONS[0].version).toBe(RELEASE_ONE_VERSION);
    for (let i = 1; i < MIGRATIONS.length; i++) expect(MIGRATIONS[i].version).toBeGreaterThan(MIGRATIONS[i - 1].version);
    expect(LATEST_VERSION).toBe(MIGRATIONS[MIGRATIONS.length - 1].version);
  });

  it('upgrades a full first-release database to the latest schema with every row intact', () => {
    const file = releaseOneFile();
    const raw = new Database(file, { readonly: true });
    const before = snapshotRows(raw);
    raw.close();

    const db = openDatabase(file, { appVersion: '0.1.0' });
    try {
      expect(schemaVersion(db)).toBe(LATEST_VERSION);
      expectRowsIntact(db, before);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      // Search still finds old text after the upgrade.
      const found = db.prepare(`SELECT count(*) AS n FROM posts_fts WHERE posts_fts MATCH 'Brien'`).get() as { n: number };
      expect(found.n).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  });

  // One case per step: the database as it was just before the step, then the step alone.
  for (const step of MIGRATIONS.filter((s) => s.version > RELEASE_ONE_VERSION)) {
    it(`step ${step.version} (${step.name}) keeps every first-release row intact`, () => {
      const file = releaseOneFile();
      const db = new Database(file);
      const previous = MIGRATIONS[MIGRATIONS.indexOf(step) - 1].version;
      migrate(db, { targetVersion: previous });
      const before = snapshotRows(db);
      expect(migrate(db, { targetVersion: step.version })).toBe(step.version);
      expect(schemaVersion(db)).toBe(step.version);
      expectRowsIntact(db, before);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
    });
  }

  it('refuses a database from a newer version without changing a byte, naming the version that wrote it', () => {
    const file = tempFile();
    const future = new Database(file);
    migrate(future, { appVersion: '7.3.0' });
    future.pragma('user_version = 9999');
    future.close();
    const before = hash(file);
    const beforeFiles = fs.readdirSync(path.dirname(file)).sort();

    let caught: unknown;
    try {
      openDatabase(file, { appVersion: '0.1.0', beforeMigrate: () => expect.unreachable('no backup for a refused file') }).close();
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('DB_FROM_FUTURE');
    expect((caught as AppError).message).toMatch(/schema version 9999, written by Editorial Workbench 7\.3\.0/);
    expect((caught as AppError).message).toContain(`up to version ${LATEST_VERSION}`);
    expect(hash(file)).toBe(before);
    expect(fs.readdirSync(path.dirname(file)).sort()).toEqual(beforeFiles);
  });

  it('rolls back every step when one fails: the version, the tables and the rows stay as they were', () => {
    const file = releaseOneFile();
    const db = new Database(file);
    const before = snapshotRows(db);
    const schemaBefore = db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all();
    const failing = [
      ...MIGRATIONS,
      {
        version: LATEST_VERSION + 1,
        name: 'broken',
        up: (d: Database.Database) => {
          d.exec('CREATE TABLE half_done (x TEXT)');
          d.exec("UPDATE posts SET title = 'overwritten'");
          throw new Error('step failed halfway');
        },
      },
    ];
    expect(() => migrate(db, {}, failing)).toThrow('step failed halfway');
    expect(schemaVersion(db)).toBe(RELEASE_ONE_VERSION);
    expect(db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all()).toEqual(schemaBefore);
    expectRowsIntact(db, before);
    db.close();
  });

  it('calls the backup hook once, with the versions and the open database, before upgrading an existing file', () => {
    const file = releaseOneFile();
    const calls: [number, number, number][] = [];
    const db = openDatabase(file, { beforeMigrate: (from, to, d) => calls.push([from, to, schemaVersion(d)]) });
    db.close();
    expect(calls).toEqual([[RELEASE_ONE_VERSION, LATEST_VERSION, RELEASE_ONE_VERSION]]);
    const again = openDatabase(file, { beforeMigrate: () => expect.unreachable('nothing to upgrade') });
    again.close();
  });
});
