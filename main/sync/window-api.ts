/**
 * The window's workspace methods, loaded on first use (main/handlers/workspace.ts) so that the
 * sync engine stays out of a local-only app's start.
 */
import type { Handlers } from '../../common/api';
import type { DB } from '../../db/connection';
import type { Ctx } from '../context';
import { conflictWords } from './conflict-words';
import { liveSession as startedSession, stopLive } from './live';
import { feedFromSession } from '../changes/session-changes';
import type { Conflict } from './registers';
import type { SyncSession } from './session';
import { tokenVault } from './token-vault';
import { discardRefused, joinWorkspace, leaveWorkspace, listRefused, openSession, resolveConflict, workspaceStatus } from './workspace';

export type WorkspaceMethods = 'workspace.status' | 'workspace.join' | 'workspace.leave' | 'workspace.conflicts' | 'workspace.resolve' | 'workspace.refused' | 'workspace.discardRefused';

/** The live session (started on the window's first look at the status), its changes told to the windows. */
const liveSession = (ctx: Ctx) => feedFromSession(ctx, startedSession(ctx));

/** A conflict in the words of the window: what was decided, about which item, each value as a person knows it. */
function describe(db: DB, c: Conflict, session: SyncSession) {
  const w = conflictWords(db, session.docs, session.member.role, c);
  const choices = c.choices.map((ch, i) => ({ value: ch.value, shown: w.shown[i], by: ch.by, at: ch.at }));
  return { id: c.id, what: w.what, subject: w.subject, base: c.base, baseShown: w.baseShown, current: c.current, currentShown: w.currentShown, choices, canDecide: w.canDecide };
}

/** The live session, or a short-lived one for a context without one (tests' API harness, the CLI). */
function withSession<T>(ctx: Ctx, fn: (s: SyncSession) => T): T {
  const live = liveSession(ctx);
  if (live) return fn(live);
  const s = openSession(ctx.db, tokenVault());
  try {
    return fn(s);
  } finally {
    s.close();
  }
}

const conflicts = (ctx: Ctx) => withSession(ctx, (s) => s.conflicts().map((c) => describe(ctx.db, c, s)));

export const workspaceHandlers: Pick<Handlers<Ctx>, WorkspaceMethods> = {
  'workspace.status': (_input, ctx) => workspaceStatus(ctx.db, liveSession(ctx)),
  'workspace.join': async (input, ctx) => {
    await joinWorkspace(ctx.db, tokenVault(), input);
    return workspaceStatus(ctx.db, liveSession(ctx));
  },
  'workspace.leave': (_input, ctx) => {
    stopLive(ctx);
    leaveWorkspace(ctx.db);
    return workspaceStatus(ctx.db);
  },
  'workspace.conflicts': (_input, ctx) => (workspaceStatus(ctx.db).joined ? conflicts(ctx) : []),
  'workspace.resolve': (input, ctx) => {
    withSession(ctx, (s) => resolveConflict(ctx.db, s, input.id, input.pick));
    return conflicts(ctx);
  },
  'workspace.refused': (_input, ctx) => listRefused(ctx.db),
  'workspace.discardRefused': (_input, ctx) => ({ discarded: withSession(ctx, (s) => discardRefused(ctx.db, s)) }),
};
