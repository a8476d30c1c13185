/**
 * Graceful drain (SIGTERM, or close()): the instance stops taking connections, stores what it
 * holds, and closes its members' connections with 1012 (service restart), so that their apps
 * reconnect, through the load balancer, to another instance. It keeps listening until the end, so
 * that a newcomer is answered 503 with the reason (team-server.ts) rather than refused by the
 * kernel, and a balancer polling /ready sees `draining`. Every update acknowledged so far is
 * already on disk (the group commit); what arrives while closing is stored before the file closes.
 */
import type http from 'node:http';
import type { Hocuspocus } from '@hocuspocus/server';
import type { WebSocketServer } from 'ws';
import type { GroupCommit } from './group-commit';
import type { Logger } from './logging';

export interface DrainParts {
  server: http.Server;
  wss: WebSocketServer;
  hocuspocus: Hocuspocus;
  commit: GroupCommit;
  closeStore(): void | Promise<void>;
  log: Logger;
  /** How long members get to close their side before their sockets are cut. */
  graceMs?: number;
}

export async function drain(p: DrainParts): Promise<void> {
  const started = Date.now();
  const connections = p.wss.clients.size;
  const documents = p.hocuspocus.getDocumentsCount();
  p.log.info('drain.start', { connections, documents });
  await p.commit.flush();
  for (const [documentName, document] of p.hocuspocus.documents) {
    // Compacts what is loaded (the Redis extension takes its lock first); acknowledged updates are stored already.
    const payload = { document, documentName, instance: p.hocuspocus, clientsCount: document.getConnectionsCount(), context: {}, requestHeaders: new Headers(), requestParameters: new URLSearchParams(), socketId: 'drain' };
    await p.hocuspocus.hooks('onStoreDocument', payload as never).catch(() => undefined);
    await p.hocuspocus.hooks('afterStoreDocument', payload as never).catch(() => undefined);
  }
  for (const ws of p.wss.clients) ws.close(1012, 'server restarting: reconnect to another instance');
  const deadline = Date.now() + (p.graceMs ?? 3000);
  while (p.wss.clients.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  for (const ws of p.wss.clients) ws.terminate();
  p.wss.close();
  p.server.close();
  p.server.closeAllConnections();
  await p.hocuspocus.hooks('onDestroy', { instance: p.hocuspocus } as never).catch(() => undefined);
  await p.commit.flush();
  await p.closeStore();
  p.log.info('drain.done', { connections, documents, ms: Date.now() - started });
}
