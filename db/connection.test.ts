import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from './connection';
import { LATEST_VERSION, schemaVersion } from './migrate';
import { createPost, updatePost } from './repos/posts';

const opened: DB[] = [];
function tempDb(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wb-conn-')), 'nested', 'workbench.sqlite');
}
afterEach(() => opened.splice(0).forEach((db) => db.open && db.close()));

describe('openDatabase', () => {
  it('creates the folder and file, in WAL mode with foreign keys and a busy timeout', () => {
    const file = tempDb();
    const db = openDatabase(file);
    opened.push(db);
    expect(fs.existsSync(file)).toBe(true);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
  });

  it('enforces foreign keys: a comment cannot point at a missing post', () => {
    const db = openDatabase(tempDb());
    opened.push(db);
    const now = new Date().toISOString();
    expect(() =>
      db
        .prepare(`INSERT INTO comments (id, created_at, updated_at, post_id, source, source_id, status) VALUES (?, ?, ?, ?, 'text', '1', 'approved')`)
        .run('0190a000-0000-7000-8000-000000000001', now, now, '0190a000-0000-7000-8000-000000000099'),
    ).toThrow(/FOREIGN KEY/);
  });

  it('reopens an existing file without migrating it twice', () => {
    const file = tempDb();
    const first = openDatabase(file);
    first.prepare(`INSERT INTO settings (id, created_at, updated_at, key, value) VALUES ('0190a000-0000-7000-8000-000000000001', 'x', 'x', 'k', '1')`).run();
    first.close();
    const again = openDatabase(file);
    opened.push(again);
    expect(again.prepare(`SELECT value FROM settings WHERE key = 'k'`).get()).toEqual({ value: '1' });
  });

  it('a write waits for another process that holds the write lock, instead of failing at once', async () => {
    const file = tempDb();
    const db = openDatabase(file);
    opened.push(db);
    const post = createPost(db, { title: 'Draft' });
    // Another process (the CLI importing, say) takes the write lock, holds it 700 ms, commits.
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const D = require('better-sqlite3'); const d = new D(process.argv[1]);
         d.exec('BEGIN IMMEDIATE'); d.prepare("UPDATE posts SET standfirst = 'other process' WHERE id = ?").run(process.argv[2]);
         console.log('locked'); Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 700); d.exec('COMMIT');`,
        file,
        post.id,
      ],
      { cwd: path.resolve(__dirname, '..'), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) => holder.stdout!.on('data', (d) => String(d).includes('locked') && resolve()));
    // Reads first, then writes: the kind of transaction SQLite would refuse at once if it began DEFERRED.
    const saved = updatePost(db, { id: post.id, baseRevision: post.revision, title: 'Saved while another process wrote' });
    expect(saved.title).toBe('Saved while another process wrote');
    expect(saved.standfirst).toBe('other process');
    await new Promise((resolve) => holder.on('exit', resolve));
  });
});
