import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection';
import { createPost } from '../../db/repos/posts';

const ROOT = path.resolve(__dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-posts-cli-'));
const db = path.join(dir, 'w.sqlite');

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('workbench posts', () => {
  it('prints the status labels the window shows, in aligned columns', () => {
    const store = openDatabase(db);
    createPost(store, { title: 'A short one', slug: 'a', status: 'in-review' });
    createPost(store, { title: 'A longer slug', slug: 'a-much-longer-slug', status: 'commissioned' });
    store.close();
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/workbench.mjs'), 'posts', '--db', db], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toEqual(['a-much-longer-slug  Commissioned  A longer slug', 'a                   In review     A short one']);
  });

  it('stops quietly when its reader closes the pipe early, as `workbench posts | head -1` does', async () => {
    const store = openDatabase(db);
    for (let i = 0; i < 3000; i++) createPost(store, { title: `Post ${i}`, slug: `post-${i}` });
    store.close();
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/workbench.mjs'), 'posts', '--db', db], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    // Read the first chunk, then close our end, as head does once it has its line.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
