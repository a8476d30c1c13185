/** Members' e-mail addresses: checked at invitation, unique among active members, and added to older files. */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../db/migrate';
import { inviteMember, listMembers, memberDirectory, revokeMember } from './members';
import { STORE_FILE, TeamStore } from './store';
import { SERVER_MIGRATIONS } from './store-migrations';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const dataDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-members-'));
  dirs.push(d);
  return d;
};

describe('team members', () => {
  it('keeps an e-mail address per member, refuses a bad or taken one and invites nobody then', async () => {
    const store = new TeamStore(dataDir());
    try {
      expect((await inviteMember(store, { name: 'Ann Smith', role: 'editor', email: ' Ann@Example.org ' })).member).toMatchObject({ email: 'Ann@Example.org' });
      await expect(inviteMember(store, { name: 'Ann Again', role: 'reviewer', email: 'ann@example.org' })).rejects.toThrow(/already Ann Smith's address/);
      await expect(inviteMember(store, { name: 'Bo', role: 'reviewer', email: 'not an address' })).rejects.toThrow(/"not an address" is not an e-mail address/);
      expect((await listMembers(store)).map((m) => m.name)).toEqual(['Ann Smith']);
      // Once Ann is revoked, her address may be given to someone else.
      await revokeMember(store, 'Ann Smith');
      await inviteMember(store, { name: 'Ann Smyth', role: 'editor', email: 'ann@example.org' });
      expect(await memberDirectory(store)).toEqual([
        { id: expect.any(String), name: 'Ann Smith', email: 'Ann@Example.org', role: 'editor', active: false },
        { id: expect.any(String), name: 'Ann Smyth', email: 'ann@example.org', role: 'editor', active: true },
      ]);
    } finally {
      store.close();
    }
  });

  it('gives the members of a file from before e-mail addresses an empty one', async () => {
    const dir = dataDir();
    const old = new Database(path.join(dir, STORE_FILE));
    migrate(old, { targetVersion: 1 }, SERVER_MIGRATIONS);
    old.prepare("INSERT INTO members (id, name, role, token_hash, created_at) VALUES ('m1', 'Old Timer', 'admin', 'h', '2026-01-01T00:00:00.000Z')").run();
    old.close();
    const store = new TeamStore(dir);
    try {
      expect(await memberDirectory(store)).toEqual([{ id: 'm1', name: 'Old Timer', email: '', role: 'admin', active: true }]);
      expect(store.db.pragma('user_version', { simple: true })).toBe(290);
    } finally {
      store.close();
    }
  });
});
