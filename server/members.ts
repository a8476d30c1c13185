/** Members of a team and their tokens. Only a token's hash is stored; the token is shown once. */
import crypto from 'node:crypto';
import { AppError } from '../common/errors';
import { uuidv7 } from '../common/ids';
import { ROLES, type Role } from '../common/sync/documents';
import type { TeamStore } from './store';

export interface Member {
  id: string;
  name: string;
  /** '' when invited without one; laptops match their people to members by it. */
  email: string;
  role: Role;
  createdAt: string;
  revokedAt: string | null;
}

interface MemberRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  created_at: string;
  revoked_at: string | null;
}

const hash = (token: string) => crypto.createHash('sha256').update(token, 'utf8').digest('hex');
const toMember = (r: MemberRow): Member => ({ id: r.id, name: r.name, email: r.email, role: r.role, createdAt: r.created_at, revokedAt: r.revoked_at });

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const COLUMNS = 'id, name, email, role, created_at, revoked_at';

export function inviteMember(store: TeamStore, input: { name: string; role: string; email?: string }): { token: string; member: Member } {
  const name = input.name.trim();
  const email = (input.email ?? '').trim();
  if (email && (email.length > 320 || !EMAIL.test(email))) throw new AppError('BAD_INPUT', `"${email}" is not an e-mail address (--email name@example.org); nobody was invited.`);
  if (email) {
    const taken = store.db.prepare('SELECT name FROM members WHERE email = ? COLLATE NOCASE AND revoked_at IS NULL').pluck().get(email) as string | undefined;
    if (taken) throw new AppError('CONFLICT', `${email} is already ${taken}'s address in this workspace; each member has their own. Nobody was invited.`);
  }
  if (!name) throw new AppError('BAD_INPUT', 'A member needs a name (--name "Ann Smith").');
  if (name.length > 200) throw new AppError('BAD_INPUT', `A member's name is at most 200 characters; this one has ${name.length}.`);
  if (!(ROLES as readonly string[]).includes(input.role)) {
    throw new AppError('BAD_INPUT', `Unknown role "${input.role}": use one of ${ROLES.join(', ')}.`);
  }
  const token = `wbt_${crypto.randomBytes(32).toString('base64url')}`;
  const row: MemberRow = { id: uuidv7(), name, email, role: input.role as Role, created_at: new Date().toISOString(), revoked_at: null };
  store.db
    .prepare('INSERT INTO members (id, name, email, role, token_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(row.id, row.name, row.email, row.role, hash(token), row.created_at);
  return { token, member: toMember(row) };
}

export function listMembers(store: TeamStore): Member[] {
  return (store.db.prepare(`SELECT ${COLUMNS} FROM members ORDER BY created_at, id`).all() as MemberRow[]).map(toMember);
}

/** The member a token belongs to, or null for an unknown or revoked token. */
export function memberForToken(store: TeamStore, token: string): Member | null {
  const row = store.db
    .prepare(`SELECT ${COLUMNS} FROM members WHERE token_hash = ? AND revoked_at IS NULL`)
    .get(hash(token)) as MemberRow | undefined;
  return row ? toMember(row) : null;
}

/** Revokes by id, or by name where exactly one active member has it. */
export function revokeMember(store: TeamStore, who: string): Member {
  const active = store.db.prepare(`SELECT ${COLUMNS} FROM members WHERE revoked_at IS NULL AND (id = ? OR name = ?)`).all(who, who) as MemberRow[];
  if (active.length === 0) throw new AppError('NOT_FOUND', `No active member is called or has the id "${who}" (see \`workbench sync-server members\`).`);
  if (active.length > 1) throw new AppError('BAD_INPUT', `${active.length} members are called "${who}": revoke one by its id (see \`workbench sync-server members\`).`);
  const at = new Date().toISOString();
  store.db.prepare('UPDATE members SET revoked_at = ? WHERE id = ?').run(at, active[0].id);
  return toMember({ ...active[0], revoked_at: at });
}

export function revokedMemberIds(store: TeamStore): Set<string> {
  return new Set((store.db.prepare('SELECT id FROM members WHERE revoked_at IS NOT NULL').all() as { id: string }[]).map((r) => r.id));
}

/**
 * What any member may see of the others (GET /members), never tokens. Revoked members are listed
 * too, as no longer active: posts they owned still name them, and every laptop must know who that is.
 */
export function memberDirectory(store: TeamStore): Array<Pick<Member, 'id' | 'name' | 'email' | 'role'> & { active: boolean }> {
  return listMembers(store).map((m) => ({ id: m.id, name: m.name, email: m.email, role: m.role, active: m.revokedAt === null }));
}
