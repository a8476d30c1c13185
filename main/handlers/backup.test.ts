import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupsDir, listBackups } from '../../db/backup';
import { migrate, LATEST_VERSION } from '../../db/migrate';
import { closeContext, createContext, type Ctx } from '../context';
import { createDispatch } from '../dispatch';
import { handlers } from './index';

const dirs: string[] = [];
const contexts: Ctx[] = [];
afterEach(() => {
  contexts.splice(0).forEach(closeContext);
  dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-backup-'));
  dirs.push(dir);
  return dir;
}

function open(dbPath: string, mode: Ctx['mode'] = 'cli') {
  const ctx = createContext({ dbPath, mode });
  contexts.push(ctx);
  return { ctx, call: createDispatch(handlers, ctx, { checkOutput: true }) };
}

async function value(p: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<any> {
  const r = await p;
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

const hash = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

async function titles(call: ReturnType<typeof open>['call']): Promise<string[]> {
  return ((await value(call('posts.list', {}))) as { title: string }[]).map((p) => p.title).sort();
}

describe('backups', () => {
  it('backs up now into the backups folder beside the database, as a complete openable file', async () => {
    const dbPath = path.join(tempDir(), 'workbench.sqlite');
    const { call } = open(dbPath);
    await value(call('posts.create', { title: 'Kept safe' }));
    const made = await value(call('backup.create', {}));
    expect(made.reason).toBe('manual');
    expect(path.dirname(made.path)).toBe(backupsDir(dbPath));
    expect(made.name).toMatch(/^workbench-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z-manual\.sqlite$/);
    expect(made.schemaVersion).toBe(LATEST_VERSION);
    const copy = new Database(made.path, { readonly: true });
    expect(copy.prepare('SELECT title FROM posts').all()).toEqual([{ title: 'Kept safe' }]);
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    copy.close();
    expect(fs.readdirSync(backupsDir(dbPath))).toEqual([made.name]);
  });

  it('keeps only the newest 7 backups, listed newest first', async () => {
    const dbPath = path.join(tempDir(), 'workbench.sqlite');
    const { call } = open(dbPath);
    const names: string[] = [];
    for (let i = 0; i < 9; i++) names.push((await value(call('backup.create', {}))).name);
    const listed = await value(call('backup.list', {}));
    expect(listed.keep).toBe(7);
    expect(listed.backups.map((b: { name: string }) => b.name)).toEqual(names.slice(2).reverse());
    expect(fs.readdirSync(backupsDir(dbPath)).sort()).toEqual(names.slice(2).sort());
  });

  it('backs up an existing database when the app starts, at most once a day', async () => {
    const dbPath = path.join(tempDir(), 'workbench.sqlite');
    const first = open(dbPath, 'browser');
    expect(first.ctx.startupBackup).toBeUndefined(); // a brand-new database has nothing to lose
    await value(first.call('posts.create', { title: 'Yesterday' }));
    closeContext(first.ctx);

    const second = open(dbPath, 'browser');
    await second.ctx.startupBackup;
    expect(listBackups(dbPath).map((b) => b.reason)).toEqual(['daily']);
    closeContext(second.ctx);

    const third = open(dbPath, 'browser');
    expect(third.ctx.startupBackup).toBeUndefined();
    closeContext(third.ctx);

    // A day later the next start backs up again.
    const old = listBackups(dbPath)[0];
    const dayAgo = new Date(Date.now() - 25 * 3600_000).toISOString().replace(/:/g, '-').replace('.', '-');
    fs.renameSync(old.path, path.join(backupsDir(dbPath), `workbench-${dayAgo}-daily.sqlite`));
    const fourth = open(dbPath, 'electron');
    await fourth.ctx.startupBackup;
    expect(listBackups(dbPath).map((b) => b.reason)).toEqual(['daily', 'daily']);
  });

  it('backs up a database before upgrading its schema', () => {
    const dbPath = path.join(tempDir(), 'workbench.sqlite');
    const old = new Database(dbPath);
    migrate(old, { targetVersion: 10 });
    old.prepare(`INSERT INTO posts (id, created_at, updated_at, slug, body) VALUES ('0190a000-0000-7000-8000-000000000001', 'x', 'x', 'old', '{}')`).run();
    old.close();
    open(dbPath);
    const [b] = listBackups(dbPath);
    expect(b.reason).toBe('before-migration');
    expect(b.schemaVersion).toBe(10);
    const copy = new Database(b.path, { readonly: true });
    expect(copy.prepare('SELECT slug FROM posts').all()).toEqual([{ slug: 'old' }]);
    copy.close();
  });
});

describe('restore', () => {
  it('replaces the open database with a backup, reopens it in place, and keeps the replaced one as a backup', async () => {
    const dbPath = path.join(tempDir(), 'workbench.sqlite');
    const { ctx, call } = open(dbPath, 'browser');
    await value(call('posts.create', { title: 'Before the backup' }));
    const backup = await value(call('backup.create', {}));
    await value(call('posts.create', { title: 'After the backup' }));
    const oldDb = ctx.db;

    const result = await value(call('backup.restore', { name: backup.name }));

    expect(ctx.db).not.toBe(oldDb);
    expect(oldDb.open).toBe(false);
    expect(await titles(call)).toEqual(['Before the backup']);
    expect(result.previous.reason).toBe('before-restore');
    const kept = new Database(result.previous.path, { readonly: true });
    expect((kept.prepare('SELECT title FROM posts ORDER BY title').all() as { title: string }[]).map((r) => r.title)).toEqual([
      'After the backup',
      'Before the backup',
    ]);
    kept.close();
    // The app goes on working on the restored file, and the restore itself can be undone.
    await value(call('posts.create', { title: 'Written after restoring' }));
    await value(call('backup.restore', { path: result.previous.path }));
    expect(await titles(call)).toEqual(['After the backup', 'Before the backup']);
    expect(fs.readdirSync(path.dirname(dbPath)).filter((f) => f.includes('.restore-'))).toEqual([]);
  });

  it('upgrades a backup from an older schema as it reopens it', async () => {
    const dir = tempDir();
    const oldFile = path.join(dir, 'old.sqlite');
    const old = new Database(oldFile);
    migrate(old, { targetVersion: 10 });
    old.prepare(`INSERT INTO posts (id, created_at, updated_at, slug, title, body) VALUES ('0190a000-0000-7000-8000-000000000001', 'x', 'x', 'old', 'From release one', '{"root":{"type":"root","children":[]}}')`).run();
    old.close();
    const { call } = open(path.join(dir, 'workbench.sqlite'));
    const result = await value(call('backup.restore', { path: oldFile }));
    expect(result.backupSchemaVersion).toBe(10);
    expect(result.schemaVersion).toBe(LATEST_VERSION);
    expect(await titles(call)).toEqual(['From release one']);
  });

  describe('refuses a bad file and changes nothing', () => {
    async function refused(makeBad: (file: string) => void) {
      const dir = tempDir();
      const dbPath = path.join(dir, 'workbench.sqlite');
      const { ctx, call } = open(dbPath);
      await value(call('posts.create', { title: 'Still here' }));
      ctx.db.pragma('wal_checkpoint(TRUNCATE)');
      const before = hash(dbPath);
      const bad = path.join(dir, 'candidate.sqlite');
      makeBad(bad);
      const r = await call('backup.restore', { path: bad });
      expect(r.ok).toBe(false);
      expect(hash(dbPath)).toBe(before);
      expect(listBackups(dbPath)).toEqual([]);
      expect(fs.readdirSync(dir).filter((f) => f.includes('.restore-'))).toEqual([]);
      expect(await titles(call)).toEqual(['Still here']);
      return (r as { error: { code: string; message: string } }).error;
    }

    it('a file that is not SQLite', async () => {
      const e = await refused((f) => fs.writeFileSync(f, 'name,email\nAda,ada@example.org\n'));
      expect(e.code).toBe('BAD_INPUT');
      expect(e.message).toMatch(/candidate\.sqlite is not a SQLite database.*nothing was changed/);
    });

    it('an empty file', async () => {
      const e = await refused((f) => fs.writeFileSync(f, ''));
      expect(e.message).toMatch(/not a SQLite database/);
    });

    it('a SQLite database of some other program', async () => {
      const e = await refused((f) => {
        const other = new Database(f);
        other.exec('CREATE TABLE contacts (name TEXT)');
        other.close();
      });
      expect(e.message).toMatch(/not an Editorial Workbench one/);
    });

    it('a damaged database', async () => {
      const e = await refused((f) => {
        const db = new Database(f);
        migrate(db);
        const ins = db.prepare(`INSERT INTO settings (id, created_at, updated_at, key, value) VALUES (?, 'x', 'x', ?, ?)`);
        db.transaction(() => {
          for (let i = 0; i < 3000; i++) ins.run(`0190a000-0000-7000-8000-${String(i).padStart(12, '0')}`, `k${i}`, 'v'.repeat(200));
        })();
        db.close();
        const bytes = fs.readFileSync(f);
        bytes.fill(0xa5, bytes.length - 40 * 4096, bytes.length - 4 * 4096);
        fs.writeFileSync(f, bytes);
      });
      expect(e.code).toBe('BAD_INPUT');
      expect(e.message).toMatch(/(damaged|integrity check).*nothing was changed/);
    });

    it('a database written by a newer version of the app, naming that version', async () => {
      const e = await refused((f) => {
        const db = new Database(f);
        migrate(db);
        db.prepare(`INSERT INTO settings (id, created_at, updated_at, key, value) VALUES ('0190a000-0000-7000-8000-000000000009', 'x', 'x', 'app.writtenBy', '"9.9.0"')`).run();
        db.pragma('user_version = 9999');
        db.close();
      });
      expect(e.code).toBe('DB_FROM_FUTURE');
      expect(e.message).toMatch(/schema version 9999, written by Editorial Workbench 9\.9\.0/);
    });

    it('a name that is not one of the backups', async () => {
      const e = await refused(() => undefined);
      expect(e.code).toBe('NOT_FOUND');
    });
  });

  it('refuses to swap the file while another connection has it open, and keeps working', async () => {
    const dbPath = path.join(tempDir(), 'workbench.sqlite');
    const { call } = open(dbPath);
    await value(call('posts.create', { title: 'Mine' }));
    const backup = await value(call('backup.create', {}));
    const other = new Database(dbPath);
    other.prepare('SELECT count(*) FROM posts').get();
    const r = await call('backup.restore', { name: backup.name });
    other.close();
    expect(!r.ok && r.error.code).toBe('CONFLICT');
    expect(!r.ok && r.error.message).toMatch(/Nothing was changed/);
    expect(listBackups(dbPath).map((b) => b.reason)).toEqual(['manual']);
    expect(await titles(call)).toEqual(['Mine']);
  });

  it('rejects names that try to leave the backups folder', async () => {
    const { call } = open(path.join(tempDir(), 'workbench.sqlite'));
    for (const name of ['../workbench.sqlite', '/etc/passwd', 'a/b.sqlite', '..\\x.sqlite']) {
      const r = await call('backup.restore', { name });
      expect(r.ok ? 'ok' : (r as { error: { code: string } }).error.code).toBe('BAD_INPUT');
    }
  });
});
