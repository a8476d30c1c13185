/**
 * What the team server asks of its storage, whichever engine holds it: the SQLite file of one
 * box (server/store.ts) or PostgreSQL shared by several instances (server/pg-store.ts).
 * A method may answer at once (SQLite is synchronous) or later (PostgreSQL); callers await it.
 * `write` resolving means the data is durable: the group commit acknowledges only after that.
 */
import type { Role } from '../common/sync/documents';

export type Awaitable<T> = T | Promise<T>;

export type StoreOp = { name: string; update: Uint8Array } | { name: string; state: Uint8Array };

/** A member as stored, with the SHA-256 of their token (never the token). */
export interface MemberRecord {
  id: string;
  name: string;
  email: string;
  role: Role;
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
  /** A guest author's author in the workspace's authors list (the person credited on posts); null for other roles. */
  author_id: string | null;
}

export interface ServerStore {
  /** 'sqlite' or 'postgres', for messages and /health. */
  readonly kind: 'sqlite' | 'postgres';
  /** Seconds compactions waited, in total, for documents' locks held by another instance (PostgreSQL). */
  readonly lockWaitSeconds?: number;
  /** False once closed: nothing more is stored, so nothing more is acknowledged. */
  readonly isOpen: boolean;
  /** The stored state and every later update of a document, oldest first. */
  load(name: string): Awaitable<Uint8Array[]>;
  /**
   * Stores updates and compactions in one transaction, in order; settles once durable. A compaction
   * merges the given state with the stored one and every stored update, and drops exactly those.
   */
  write(ops: ReadonlyArray<StoreOp>): Awaitable<void>;
  documentCount(): Awaitable<number>;
  documentNames(): Awaitable<string[]>;
  /** Members, oldest first, with their token hashes (for the server, migration and checks). */
  members(): Awaitable<MemberRecord[]>;
  memberByTokenHash(hash: string): Awaitable<MemberRecord | undefined>;
  /** The name of the active member who has this e-mail address (case-insensitive), if any. */
  activeMemberWithEmail(email: string): Awaitable<string | undefined>;
  insertMember(member: MemberRecord): Awaitable<void>;
  setRevoked(id: string, at: string): Awaitable<void>;
  /** Changes whenever a member is revoked, also by another process (`sync-server revoke`). */
  revocationMark(): Awaitable<string>;
  close(): Awaitable<void>;
}

export type StoreTarget = { dataDir: string } | { postgres: string };

/** Opens (and migrates) the store a target names; PostgreSQL's driver is loaded only when asked for. */
export async function openStore(target: StoreTarget, options: { appVersion?: string; onConnectionLost?: (message: string) => void } = {}): Promise<ServerStore> {
  if ('postgres' in target) {
    const { PgStore } = await import('./pg-store');
    return PgStore.open(target.postgres, options);
  }
  const { TeamStore } = await import('./store');
  return new TeamStore(target.dataDir);
}

/** Where a target's data lives, for messages; a PostgreSQL URL without its password. */
export function describeTarget(target: StoreTarget): string {
  if ('dataDir' in target) return target.dataDir;
  try {
    const u = new URL(target.postgres);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'the PostgreSQL URL given';
  }
}
