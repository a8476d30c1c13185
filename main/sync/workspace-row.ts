/**
 * The joined workspace's row and the count of changes waiting, read without loading the sync
 * engine (Hocuspocus, Yjs), so that a local-only store and every short CLI command never load it.
 */
import type { Role } from '../../common/sync/documents';
import type { DB } from '../../db/connection';

export interface WorkspaceRow {
  url: string;
  member_id: string;
  member_name: string;
  role: Role;
  /** A guest author's author (the person credited on posts): their laptop opens only those posts. */
  author_id: string | null;
  token_sealed: Buffer;
  joined_at: string;
  last_sync_at: string | null;
  conflicts: number;
  synced_seq: number;
}

export function readWorkspace(db: DB): WorkspaceRow | undefined {
  return db.prepare('SELECT * FROM sync_workspace WHERE id = 1').get() as WorkspaceRow | undefined;
}

/** Local changes not yet known to be on the server: unpushed rows plus unacknowledged updates. */
export function pendingChanges(db: DB): number {
  const outbox = db.prepare('SELECT count(*) FROM sync_outbox').pluck().get() as number;
  const updates = db.prepare('SELECT count(*) FROM sync_doc_updates WHERE seq > (SELECT synced_seq FROM sync_workspace WHERE id = 1)').pluck().get() as number;
  return outbox + updates;
}

export const LOCAL_ONLY_STATUS = {
  joined: false,
  url: null,
  member: null,
  role: null,
  state: 'local-only',
  pending: 0,
  lastSyncAt: null,
  conflicts: 0,
  refused: 0,
} as const;
