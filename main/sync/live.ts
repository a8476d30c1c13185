/**
 * The app's one live link to its workspace: started on the window's first look at the status
 * (browser mode and the desktop app; a CLI command syncs once instead), stopped on leave.
 */
import type { Ctx } from '../context';
import { tokenVault } from './token-vault';
import type { SyncSession } from './session';
import { readWorkspace } from './workspace-row';
import { openSession } from './workspace';
import { lendableDoc } from './lendable-doc';
import { keepMembersFresh, stopMembersFresh } from './member-directory';

const sessions = new WeakMap<Ctx, SyncSession>();

/** The running session of a joined store, started if need be; none for the CLI or a local-only store. */
export function liveSession(ctx: Ctx): SyncSession | undefined {
  const running = sessions.get(ctx);
  if (running) return running;
  if (ctx.mode === 'cli' || !readWorkspace(ctx.db)) return undefined;
  // Its bodies are made so that the window stream can serve them as they are (lendable-doc.ts).
  const session = openSession(ctx.db, tokenVault(), lendableDoc);
  session.startLive();
  keepMembersFresh(ctx.db, tokenVault(), session);
  sessions.set(ctx, session);
  return session;
}

export function stopLive(ctx: Ctx): void {
  const session = sessions.get(ctx);
  if (session) stopMembersFresh(session);
  session?.close();
  sessions.delete(ctx);
}
