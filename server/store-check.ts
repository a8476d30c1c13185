/**
 * The count and checksum of a team's data, the same for either store, so that a migration, a
 * backup and a restore can each be checked against what they copied. A document's checksum is the
 * SHA-256 of its merged Yjs state: its stored parts applied to a fresh Y.Doc and encoded again,
 * so a state stored as one compacted blob and the same state stored as a blob plus updates agree.
 * The members' checksum covers every column, token hashes included (never tokens).
 */
import crypto from 'node:crypto';
import * as Y from 'yjs';
import type { MemberRecord, ServerStore } from './store-api';

export interface StoreSummary {
  documents: number;
  members: number;
  /** Document name -> SHA-256 (hex) of its merged state. */
  checksums: Record<string, string>;
  membersChecksum: string;
}

export interface Comparison {
  ok: boolean;
  /** What a person reads: the counts on both sides, then every difference, then the verdict. */
  lines: string[];
}

const sha256 = (data: Uint8Array | string) => crypto.createHash('sha256').update(data).digest('hex');

/** A document's merged state, as stored: its parts applied to a fresh document. */
export function mergedState(parts: Uint8Array[]): Uint8Array {
  const doc = new Y.Doc({ gc: false });
  try {
    Y.transact(doc, () => {
      for (const p of parts) Y.applyUpdate(doc, p);
    });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

export function membersChecksum(members: MemberRecord[]): string {
  const rows = [...members].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((m) => [m.id, m.name, m.email, m.role, m.token_hash, m.created_at, m.revoked_at, m.author_id]);
  return sha256(JSON.stringify(rows));
}

export async function summarize(store: ServerStore): Promise<StoreSummary> {
  const checksums: Record<string, string> = {};
  const names = await store.documentNames();
  for (const name of names) checksums[name] = sha256(mergedState(await store.load(name)));
  const members = await store.members();
  return { documents: names.length, members: members.length, checksums, membersChecksum: membersChecksum(members) };
}

/** Compares what was copied (`expected`) with what is now there (`actual`). */
export function compareSummaries(expected: StoreSummary, actual: StoreSummary, labels: [string, string]): Comparison {
  const [from, to] = labels;
  const lines = [`documents: ${expected.documents} in ${from}, ${actual.documents} in ${to}`, `members: ${expected.members} in ${from}, ${actual.members} in ${to}`];
  const problems: string[] = [];
  for (const [name, sum] of Object.entries(expected.checksums)) {
    const got = actual.checksums[name];
    if (got === undefined) problems.push(`missing in ${to}: ${name}`);
    else if (got !== sum) problems.push(`checksum differs: ${name} (${sum.slice(0, 12)} in ${from}, ${got.slice(0, 12)} in ${to})`);
  }
  for (const name of Object.keys(actual.checksums)) if (!(name in expected.checksums)) problems.push(`only in ${to}: ${name}`);
  if (expected.membersChecksum !== actual.membersChecksum) problems.push(`members differ (checksum ${expected.membersChecksum.slice(0, 12)} in ${from}, ${actual.membersChecksum.slice(0, 12)} in ${to})`);
  const ok = problems.length === 0 && expected.documents === actual.documents && expected.members === actual.members;
  const total = sha256(JSON.stringify(Object.entries(expected.checksums).sort()));
  lines.push(...problems.slice(0, 50));
  if (problems.length > 50) lines.push(`… and ${problems.length - 50} more differences`);
  lines.push(ok ? `OK: every document's checksum matches (all documents: ${total.slice(0, 16)}).` : `MISMATCH: ${problems.length} difference(s) between ${from} and ${to}.`);
  return { ok, lines };
}
