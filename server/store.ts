/**
 * The team server's SQLite file: the shared documents and the members. Every write is synchronous
 * (better-sqlite3) with synchronous=FULL, so when a call returns the data is on disk; the server
 * relies on that to acknowledge an update only after it is stored.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { AppError } from '../common/errors';
import { migrate } from '../db/migrate';
import type { MemberRecord, ServerStore, StoreOp } from './store-api';
import { SERVER_MIGRATIONS } from './store-migrations';

export const STORE_FILE = 'team.sqlite';
const MEMBER_COLUMNS = 'id, name, email, role, token_hash, created_at, revoked_at, author_id';

export class TeamStore implements ServerStore {
  readonly kind = 'sqlite';
  readonly db: Database.Database;
  private readonly stmts;

  constructor(dataDir: string) {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    this.db = new Database(path.join(dataDir, STORE_FILE));
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    migrate(this.db, {}, SERVER_MIGRATIONS);
    this.stmts = {
      state: this.db.prepare<[string], { state: Buffer }>('SELECT state FROM documents WHERE name = ?'),
      updates: this.db.prepare<[string], { data: Buffer }>('SELECT data FROM document_updates WHERE name = ? ORDER BY seq'),
      append: this.db.prepare('INSERT INTO document_updates (name, data, received_at) VALUES (?, ?, ?)'),
      upsert: this.db.prepare(
        'INSERT INTO documents (name, state, updated_at) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at',
      ),
      dropUpdates: this.db.prepare('DELETE FROM document_updates WHERE name = ?'),
      names: this.db.prepare<[], { name: string }>('SELECT name FROM documents UNION SELECT name FROM document_updates ORDER BY name'),
      count: this.db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM (SELECT name FROM documents UNION SELECT name FROM document_updates)'),
      members: this.db.prepare<[], MemberRecord>(`SELECT ${MEMBER_COLUMNS} FROM members ORDER BY created_at, id`),
      byHash: this.db.prepare<[string], MemberRecord>(`SELECT ${MEMBER_COLUMNS} FROM members WHERE token_hash = ?`),
      byEmail: this.db.prepare<[string], { name: string }>('SELECT name FROM members WHERE email = ? COLLATE NOCASE AND revoked_at IS NULL'),
      insertMember: this.db.prepare(`INSERT INTO members (${MEMBER_COLUMNS}) VALUES (@id, @name, @email, @role, @token_hash, @created_at, @revoked_at, @author_id)`),
      revoke: this.db.prepare('UPDATE members SET revoked_at = ? WHERE id = ?'),
    };
  }

  get isOpen(): boolean {
    return this.db.open;
  }

  load(name: string): Uint8Array[] {
    const parts: Uint8Array[] = [];
    const state = this.stmts.state.get(name);
    if (state) parts.push(state.state);
    for (const u of this.stmts.updates.all(name)) parts.push(u.data);
    return parts;
  }

  /**
   * One transaction (one fsync), in order; returns once on disk. IMMEDIATE: it takes the write lock
   * before reading, so another instance's commit waits (busy_timeout) instead of invalidating what a
   * compaction read.
   */
  write(ops: ReadonlyArray<StoreOp>): void {
    const at = new Date().toISOString();
    this.db.transaction(() => {
      for (const op of ops) {
        if ('update' in op) {
          this.stmts.append.run(op.name, Buffer.from(op.update), at);
        } else {
          // The whole state replaces the updates stored so far. It is merged with them first: with
          // several instances on one store, another may have stored an update this one has not seen yet.
          const stored = this.load(op.name);
          const state = stored.length > 0 ? Y.mergeUpdates([...stored, op.state]) : op.state;
          this.stmts.upsert.run(op.name, Buffer.from(state), at);
          this.stmts.dropUpdates.run(op.name);
        }
      }
    }).immediate();
  }

  documentCount(): number {
    return this.stmts.count.get()!.n;
  }

  documentNames(): string[] {
    return this.stmts.names.all().map((r) => r.name);
  }

  members(): MemberRecord[] {
    return this.stmts.members.all();
  }

  memberByTokenHash(hash: string): MemberRecord | undefined {
    return this.stmts.byHash.get(hash);
  }

  activeMemberWithEmail(email: string): string | undefined {
    return this.stmts.byEmail.get(email)?.name;
  }

  insertMember(member: MemberRecord): void {
    this.stmts.insertMember.run(member);
  }

  setRevoked(id: string, at: string): void {
    this.stmts.revoke.run(at, id);
  }

  /** SQLite's data_version changes whenever another connection (such as `revoke`) wrote to the file. */
  revocationMark(): string {
    return String(this.db.pragma('data_version', { simple: true }));
  }

  /** A consistent copy through SQLite's online backup API, taken while the server keeps writing. */
  async backup(file: string): Promise<void> {
    if (fs.existsSync(file)) throw new AppError('BAD_INPUT', `${file} already exists; name a new file for the backup.`);
    await this.db.backup(file);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
