/**
 * The team sync's part in the change events: whenever the live session's state may have moved
 * (connected, synced, changes waiting) the status bar re-reads, and whatever documents it applied
 * to the tables name the posts, series and comments the windows re-read.
 */
import type { Ctx } from '../context';
import type { SyncSession } from '../sync/session';
import { changeFeed } from './change-feed';
import { syncChanges } from './sync-changes';

const watched = new WeakSet<SyncSession>();

/** Ties a live session to the app's change feed, once per session; returns the session. */
export function feedFromSession<S extends SyncSession | undefined>(ctx: Ctx, session: S): S {
  if (!session || watched.has(session)) return session;
  watched.add(session);
  const feed = changeFeed(ctx);
  session.onChange((applied) => {
    feed.note({ sync: 'all' });
    if (applied.length > 0) feed.note(syncChanges(applied));
  });
  return session;
}
