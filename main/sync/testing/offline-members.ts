/**
 * Members' laptops without a server, for tests of the projection: each pushes and pulls its own
 * documents, and `meet` hands every document to the other by its Yjs updates, as the server
 * would when both reconnect after a day apart.
 */
import * as Y from 'yjs';
import type { DB } from '../../../db/connection';
import type { Role } from '../../../common/sync/documents';
import { LocalDocs } from '../local-docs';
import { pull, push } from '../projection';
import type { Laptop } from './laptops';

/** Marks a store as joined (the token is a placeholder unless a sealed one is given). */
export const joinedAs = (db: DB, role: Role = 'admin', name = 'Ann', sealed: Buffer = Buffer.from([0])) =>
  db.prepare("INSERT INTO sync_workspace (id, url, member_id, member_name, role, token_sealed, joined_at) VALUES (1, 'ws://x', 'm', ?, ?, ?, '2026-01-01')").run(name, role, sealed);

export function member(l: Laptop, name: string, role: Role, sealed?: Buffer) {
  joinedAs(l.db, role, name, sealed);
  const docs = new LocalDocs(l.db);
  return {
    l,
    docs,
    push: () => l.db.transaction(() => push(l.db, docs, { name, role }))(),
    pull: () => l.db.transaction(() => pull(l.db, docs))(),
    from(other: { docs: LocalDocs }) {
      for (const n of other.docs.names()) Y.applyUpdate(docs.get(n), Y.encodeStateAsUpdate(other.docs.get(n)));
    },
  };
}
export type OfflineMember = ReturnType<typeof member>;

/** Both push, each takes the other's documents and pulls. */
export function meet(a: OfflineMember, b: OfflineMember): void {
  a.push();
  b.push();
  a.from(b);
  b.from(a);
  a.pull();
  b.pull();
}
