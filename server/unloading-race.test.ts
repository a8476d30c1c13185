/**
 * Hocuspocus 4's unloading races, in process (server/unloading-race.ts): a document reopened right
 * after its last connection went must stay the one the server holds, so that whoever reads it
 * (the guests' credits) hears every later change.
 */
import { describe, expect, it } from 'vitest';
import { Hocuspocus } from '@hocuspocus/server';
import * as Y from 'yjs';
import { GuardedHocuspocus } from './unloading-race';

/** A server whose documents live in a map, as the store keeps them between loads. */
function serverWithStore(Kind: typeof Hocuspocus) {
  const stored = new Map<string, Uint8Array>();
  return new Kind({
    quiet: true,
    extensions: [
      {
        async onLoadDocument({ documentName, document }) {
          const state = stored.get(documentName);
          if (state) Y.applyUpdate(document, state);
        },
        async onStoreDocument({ documentName, document }) {
          stored.set(documentName, Y.encodeStateAsUpdate(document));
        },
      },
    ],
  });
}

const aTurnLater = () => new Promise((resolve) => setTimeout(resolve, 20));

/** The credits' story: a reader closes, another opens at once, then a member writes. */
async function reopenThenWrite(hocuspocus: Hocuspocus) {
  const first = await hocuspocus.openDirectConnection('bylines');
  await first.disconnect();
  const reader = await hocuspocus.openDirectConnection('bylines');
  await aTurnLater();
  const writer = await hocuspocus.openDirectConnection('bylines');
  await writer.transact((doc) => doc.getMap('fields').set('byline:p|author_id', { v: 'gus' }));
  const seen = reader.document!.getMap('fields').get('byline:p|author_id');
  const held = hocuspocus.documents.get('bylines') === reader.document;
  await Promise.all([reader.disconnect(), writer.disconnect()]);
  return { seen, held };
}

describe('unloading races', () => {
  it('a late unload of a document already unloaded leaves the one reopened since alone (the reader hears the write)', async () => {
    expect(await reopenThenWrite(serverWithStore(GuardedHocuspocus))).toEqual({ seen: { v: 'gus' }, held: true });
  });

  it('(the flaw it guards against: plain Hocuspocus 4 drops the reopened document from its map, and its reader hears nothing more)', async () => {
    expect(await reopenThenWrite(serverWithStore(Hocuspocus))).toEqual({ seen: undefined, held: false });
  });
});
