import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDbPath, userDataDir } from './paths';
import { APP_VERSION } from './app-info';

describe('where the database lives', () => {
  it('prefers --db, then WORKBENCH_DB, then the user-data folder', () => {
    expect(resolveDbPath('/tmp/a.sqlite', { WORKBENCH_DB: '/tmp/b.sqlite' })).toBe('/tmp/a.sqlite');
    expect(resolveDbPath(undefined, { WORKBENCH_DB: '/tmp/b.sqlite' })).toBe('/tmp/b.sqlite');
    expect(resolveDbPath(undefined, { XDG_CONFIG_HOME: '/tmp/cfg' })).toBe(path.join('/tmp/cfg', 'Editorial Workbench', 'workbench.sqlite'));
  });
  it('uses the platform folders Electron uses', () => {
    expect(userDataDir({ APPDATA: 'C:\\Users\\e\\AppData\\Roaming' }, 'win32')).toContain('Editorial Workbench');
    expect(userDataDir({}, 'darwin')).toContain(path.join('Library', 'Application Support', 'Editorial Workbench'));
  });
  it('reports the version package.json declares', () => {
    const pkg = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '..', 'package.json'), 'utf8'));
    expect(APP_VERSION).toBe(pkg.version);
  });
});
