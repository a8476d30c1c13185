/**
 * A small team in the SQLite file for the migration and backup tests: members (one revoked),
 * documents stored as compacted states, as updates, and as both.
 */
import * as Y from 'yjs';
import { inviteMemberNow, revokeMember } from '../members';
import { TeamStore } from '../store';
import { mergedState } from '../store-check';
import type { ServerStore } from '../store-api';

export const SAMPLE_DOCUMENTS = 24;

export async function makeSampleTeam(dataDir: string): Promise<{ tokens: string[] }> {
  const store = new TeamStore(dataDir);
  try {
    const tokens = [inviteMemberNow(store, { name: 'Ann Admin', role: 'admin', email: 'ann@example.org' }), inviteMemberNow(store, { name: 'Ed Itor', role: 'editor' }), inviteMemberNow(store, { name: 'Gone Member', role: 'reviewer' })];
    await revokeMember(store, 'Gone Member');
    for (let i = 0; i < SAMPLE_DOCUMENTS; i++) {
      const name = `post/0190a0b2-7c1d-7000-8000-${String(i).padStart(12, '0')}`;
      const doc = new Y.Doc();
      const updates: Uint8Array[] = [];
      doc.on('update', (u: Uint8Array) => updates.push(u));
      doc.getMap('fields').set('title', `Post ${i}`);
      if (i % 3 !== 1) store.write([{ name, state: Y.encodeStateAsUpdate(doc) }]);
      updates.length = 0;
      doc.getText('body').insert(0, `Body of post ${i}, ünïcödé and all. `.repeat(i + 1));
      if (i % 2 === 0) doc.getMap('fields').set('status', 'draft');
      store.write(updates.map((update) => ({ name, update })));
    }
    return { tokens };
  } finally {
    store.close();
  }
}

/** Every document's content, for comparing two stores by what a member would see. */
export async function contents(store: ServerStore): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const name of await store.documentNames()) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, mergedState(await store.load(name)));
    out[name] = { fields: doc.getMap('fields').toJSON(), body: doc.getText('body').toString() };
  }
  return out;
}
