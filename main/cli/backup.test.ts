import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection';
import { createPost } from '../../db/repos/posts';

const ROOT = path.resolve(__dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-backup-cli-'));
const db = path.join(dir, 'workbench.sqlite');
const workbench = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'bin/workbench.mjs'), ...args, '--db', db], { cwd: ROOT, encoding: 'utf8' });
const titles = () => {
  const store = new Database(db, { readonly: true });
  const rows = (store.prepare('SELECT title FROM posts ORDER BY title').all() as { title: string }[]).map((r) => r.title);
  store.close();
  return rows;
};
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('workbench backup and restore', () => {
  it('backs up, lists, restores by name, and refuses a file from the future without touching the database', () => {
    const store = openDatabase(db);
    createPost(store, { title: 'Before' });
    store.close();

    const made = workbench('backup', '--json');
    expect(made.status, made.stderr).toBe(0);
    const backup = JSON.parse(made.stdout) as { name: string; path: string; reason: string };
    expect(backup.reason).toBe('manual');
    expect(fs.existsSync(backup.path)).toBe(true);

    const later = openDatabase(db);
    createPost(later, { title: 'After' });
    later.close();

    const listed = workbench('backup', '--list');
    expect(listed.stdout).toContain(backup.name);

    const restored = workbench('restore', backup.name);
    expect(restored.status, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/Restored .* from .*manual\.sqlite/);
    expect(restored.stdout).toMatch(/kept at .*before-restore\.sqlite/);
    expect(titles()).toEqual(['Before']);

    const future = path.join(dir, 'future.sqlite');
    fs.copyFileSync(backup.path, future);
    const f = new Database(future);
    f.pragma('user_version = 9999');
    f.close();
    const hash = () => crypto.createHash('sha256').update(fs.readFileSync(db)).digest('hex');
    const before = hash();
    const refused = workbench('restore', future);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/future\.sqlite has schema version 9999.*nothing was changed/);
    expect(hash()).toBe(before);

    const usage = workbench('restore');
    expect(usage.status).toBe(1);
  }, 180_000); // six CLI starts, each compiling the sources
});
