/**
 * The main process's body documents: loaded from the store's SQLite file, written to it before
 * anything is acknowledged, and kept syncing through the session's socket with the real team server.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { everyNodeBody } from '../../common/publish/sample-drafts';
import { roundTrip } from '../../common/editor/nodes/roundtrip';
import { editFrom, readBody } from './body-binding';
import { BodyDocs } from './body-docs';
import { LocalDocs, LOCAL } from './local-docs';
import { useSyncTestKit } from './testing/laptops';
import { invite } from './testing/team-server-process';
import { joinWorkspace, openSession, syncWorkspace } from './workspace';

const kit = useSyncTestKit();
const POST = '0190a0b0-0000-7000-8000-00000000abcd';
const text = (doc: Y.Doc) => JSON.stringify(readBody(Y.encodeStateAsUpdate(doc)));

async function until(what: string, ok: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('body documents in the main process', { timeout: 120_000 }, () => {
  it('holds a body written through the binding in the SQLite file, and loads it again after a restart', () => {
    const l = kit.laptop('a');
    const body = everyNodeBody();
    const doc = new BodyDocs(new LocalDocs(l.db)).open(POST);
    Y.applyUpdate(doc, editFrom(null, body as never), LOCAL);
    // On disk before anything else happens: the update event wrote it synchronously.
    expect(l.db.prepare("SELECT count(*) FROM sync_doc_updates WHERE doc = ?").pluck().get(`body/${POST}`)).toBe(1);
    l.restart();
    const again = new BodyDocs(new LocalDocs(l.db)).open(POST);
    expect(readBody(Y.encodeStateAsUpdate(again))).toEqual(roundTrip(body));
  });

  it('refuses a name that is not a post id, and counts its holders', () => {
    const bodies = new BodyDocs(new LocalDocs(kit.laptop('a').db));
    expect(() => bodies.open('../x')).toThrow(/not a post id/);
    bodies.open(POST);
    bodies.open(POST);
    bodies.release(POST);
    expect(bodies.holdersOf(POST)).toBe(1);
    bodies.release(POST);
    expect(bodies.holdersOf(POST)).toBe(0);
  });

  it('keeps an open body syncing with another laptop through the team server, both ways', async () => {
    const data = kit.dir();
    const server = await kit.server(data);
    const tokens = invite(data, ['Ann Admin', 'admin'], ['Ed Itor', 'editor']);
    const [a, b] = ['a', 'b'].map((n) => kit.laptop(n));
    for (const [i, l] of [a, b].entries()) {
      await joinWorkspace(l.db, kit.vault(), { url: server.url, token: tokens[i]! });
      await syncWorkspace(l.db, kit.vault(), 60_000);
    }
    const [sa, sb] = [a, b].map((l) => openSession(l.db, kit.vault()));
    try {
      sa!.connect();
      sb!.connect();
      const da = sa!.bodies.open(POST);
      const db = sb!.bodies.open(POST);
      Y.applyUpdate(da, editFrom(null, everyNodeBody() as never), LOCAL);
      await until('B to receive A\'s body', () => text(db) === text(da));
      const edited = readBody(Y.encodeStateAsUpdate(db));
      (edited.root.children[0] as unknown as { children: Array<{ text: string }> }).children[0]!.text += ' and more from B';
      Y.applyUpdate(db, editFrom(Y.encodeStateAsUpdate(db), edited), LOCAL);
      await until('A to receive B\'s edit', () => text(da).includes('and more from B'));
      expect(text(da)).toBe(text(db));
    } finally {
      sa!.close();
      sb!.close();
    }
  });
});
