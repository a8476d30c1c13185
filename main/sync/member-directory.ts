/**
 * The workspace's members, asked of the team server (GET /member, GET /members), and the people
 * list kept equal to them: when a laptop joins, at every `workspace sync`, and every few seconds
 * while the app keeps a live session, so a member invited later appears without a restart.
 */
import { z } from 'zod';
import { AppError } from '../../common/errors';
import { Id } from '../../common/domain';
import { ROLES } from '../../common/sync/documents';
import type { DB } from '../../db/connection';
import { applyMembers, type MembersApplied, type WorkspaceMember } from '../../db/repos/people-members';
import type { SyncSession } from './session';
import type { TokenVault } from './token-vault';
import { readWorkspace } from './workspace-row';

const Member = z.object({ id: Id, name: z.string().min(1).max(200), email: z.string().max(320).default(''), role: z.enum(ROLES), active: z.boolean().default(true), authorId: Id.nullable().optional() });

const httpUrl = (wsUrl: string, path: string) => wsUrl.replace(/^ws(s?):\/\//, 'http$1://').replace(/\/+$/, '') + path;

/** GET `path` on the team server with the member's token; its JSON body, or a clear error. */
async function ask(url: string, path: string, token: string, timeoutMs: number): Promise<unknown> {
  let res: Response | undefined;
  const get = () => fetch(httpUrl(url, path), { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(timeoutMs) });
  try {
    // Once more on a failure: a pooled keep-alive connection may have been closed by the server just then.
    res = await get().catch(() => get());
  } catch (err) {
    const cause = (err as Error).cause as Error | undefined;
    throw new AppError('NOT_FOUND', `Cannot reach the team server at ${url} (${cause ? String(cause.message ?? cause) : (err as Error).message}); nothing was changed.`);
  }
  const body = (await res.json().catch(() => ({}))) as { error?: string };
  if (res.status === 401) throw new AppError('FORBIDDEN', `The team server refused the token: ${body.error ?? 'unknown token'}; nothing was changed.`);
  if (!res.ok) throw new AppError('BAD_INPUT', `${url} did not answer as a workbench team server (HTTP ${res.status}); nothing was changed.`);
  return body;
}

const notTeamServer = (url: string) => new AppError('BAD_INPUT', `${url} did not answer as a workbench team server (its member list is not one); nothing was changed.`);

/** Who the token belongs to. */
export async function whoAmI(url: string, token: string, timeoutMs: number): Promise<WorkspaceMember & { authorId?: string | null }> {
  const parsed = Member.safeParse(await ask(url, '/member', token, timeoutMs));
  if (!parsed.success) throw notTeamServer(url);
  return parsed.data;
}

/** Every member of the workspace, revoked ones marked not active. */
export async function fetchMembers(url: string, token: string, timeoutMs: number): Promise<WorkspaceMember[]> {
  const parsed = z.array(Member).max(10_000).safeParse(await ask(url, '/members', token, timeoutMs));
  if (!parsed.success) throw notTeamServer(url);
  return parsed.data;
}

/** Brings the people list up to the workspace's members; null when this store has not joined. */
export async function refreshMembers(db: DB, token: string, timeoutMs = 10_000): Promise<MembersApplied | null> {
  const ws = readWorkspace(db);
  if (!ws) return null;
  const members = await fetchMembers(ws.url, token, timeoutMs);
  // The store may have left (or closed) while the answer was on its way.
  const still = db.open ? readWorkspace(db) : undefined;
  if (!still || still.url !== ws.url) return null;
  return applyMembers(db, members, still.member_id);
}

const MEMBERS_EVERY_MS = 15_000;
const refreshers = new WeakMap<SyncSession, NodeJS.Timeout>();

/**
 * While the app keeps a live session: the members now and every 15 s. When a member arrives,
 * posts that waited for them (owned by someone this laptop did not know yet) are applied again.
 */
export function keepMembersFresh(db: DB, vault: TokenVault, session: SyncSession): void {
  const token = vault.open(session.workspace.token_sealed);
  let busy = false;
  const refresh = async () => {
    if (busy || !db.open) return;
    busy = true;
    try {
      const applied = await refreshMembers(db, token, 5_000);
      if (applied && applied.added + applied.changed + applied.merged.length + applied.gone > 0 && db.open) session.applyRemote([]);
    } catch {
      // Offline or refused: the session's own state says so; the people list stays as it was.
    } finally {
      busy = false;
    }
  };
  void refresh();
  const timer = setInterval(() => void refresh(), MEMBERS_EVERY_MS);
  timer.unref();
  refreshers.set(session, timer);
}

export function stopMembersFresh(session: SyncSession): void {
  clearInterval(refreshers.get(session));
  refreshers.delete(session);
}
