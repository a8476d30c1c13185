import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection';
import { DEMO_PAGE_FILE } from '../demo/paths';

const ROOT = path.resolve(__dirname, '../..');
const FIXTURE = DEMO_PAGE_FILE;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-import-draft-cli-'));
const db = path.join(dir, 'w.sqlite');
const workbench = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'bin/workbench.mjs'), ...args, '--db', db], { cwd: ROOT, encoding: 'utf8' });

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('workbench import-draft', () => {
  it('prints { slug, title, words, comments } with --json for the copied page', () => {
    const r = workbench('import-draft', FIXTURE, '--json');
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      slug: 'why-is-medical-leadership-important-in-the-health-service',
      title: 'Why is medical leadership important in the health service?',
      words: 725,
      comments: 5,
    });
  });

  it('refuses a file it cannot read with exit status 2, saying which file, and adds no draft', () => {
    const bad = path.join(dir, 'broken.docx');
    fs.writeFileSync(bad, 'PK\u0003\u0004 this is not really a zip');
    const r = workbench('import-draft', bad, '--json');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('broken.docx: could not read the Word document');
    const store = openDatabase(db);
    try {
      expect(store.prepare('SELECT count(*) AS n FROM posts').get()).toEqual({ n: 1 });
    } finally {
      store.close();
    }
  });
});
