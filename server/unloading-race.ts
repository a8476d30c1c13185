/**
 * A guard against a race in Hocuspocus 4's unloading of documents.
 *
 * When a document's last connection goes, Hocuspocus unloads it: it checks the document has no
 * connection, awaits the beforeUnloadDocument hooks, checks again, then removes it from its map
 * and destroys it. A connection that arrives meanwhile (a guest's credits read through a direct
 * connection, a laptop reopening a document it just closed) gets the instance still in the map,
 * and if the unload's second check runs before the connection has counted itself in, the
 * connection is left on a destroyed document nobody else has. It hears no change from anyone,
 * and what it writes reaches no one. Seen here as a guest author refused a draft they had just
 * been credited on: the server's copy of the credits had been read from such a document.
 *
 * Both ways in are checked a turn of the event loop after they open (when an unload in flight
 * has finished), against the document the server now holds by that name.
 */
import type { Document, Hocuspocus } from '@hocuspocus/server';

type HeldDirectConnection = Awaited<ReturnType<Hocuspocus['openDirectConnection']>>;

const ATTEMPTS = 5;
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** Whether the server still holds this instance under its name (false: it was unloaded). */
export async function stillHeld(hocuspocus: Hocuspocus, document: Document): Promise<boolean> {
  await nextTurn();
  return hocuspocus.documents.get(document.name) === document;
}

/** A direct connection to the document the server holds, opened again if the first one raced an unload. */
export async function openHeldDirectConnection(hocuspocus: Hocuspocus, name: string): Promise<HeldDirectConnection> {
  for (let attempt = 1; ; attempt++) {
    const connection = await hocuspocus.openDirectConnection(name, {});
    if (await stillHeld(hocuspocus, connection.document!)) return connection;
    await connection.disconnect();
    if (attempt >= ATTEMPTS) throw new Error(`the document "${name}" was unloaded under ${ATTEMPTS} direct connections in a row`);
  }
}
