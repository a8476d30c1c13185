/** Members of a team and their tokens. Only a token's hash is stored; the token is shown once. */
import crypto from 'node:crypto';
import * as Y from 'yjs';
import { AppError } from '../common/errors';
import { uuidv7 } from '../common/ids';
import { ROLES, type Role } from '../common/sync/documents';
import { authorsMatching } from '../common/sync/credits';
import type { TeamStore } from './store';
import type { MemberRecord, ServerStore } from './store-api';

export interface Member {
  id: string;
  name: string;
  /** '' when invited without one; laptops match their people to members by it. */
  email: string;
  role: Role;
  createdAt: string;
  revokedAt: string | null;
  /** A guest author's author (the person credited on posts); null for the other roles. */
  authorId: string | null;
}

export const hashToken = (token: string) => crypto.createHash('sha256').update(token, 'utf8').digest('hex');
const toMember = (r: MemberRecord): Member => ({ id: r.id, name: r.name, email: r.email, role: r.role, createdAt: r.created_at, revokedAt: r.revoked_at, authorId: r.author_id });

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export interface Invitation {
  name: string;
  role: string;
  email?: string;
  /** For a guest author: the author (id or exact name in the workspace's authors list) they are credited as. */
  author?: string;
}

/**
 * The author a guest author is invited as, from the workspace's authors document (its stored
 * parts); null for the other roles, who may not name one.
 */
export function invitedAuthor(input: Invitation, authorsParts: Uint8Array[]): string | null {
  const who = (input.author ?? '').trim();
  if (input.role !== 'guest-author') {
    if (who) throw new AppError('BAD_INPUT', `Only a guest author is linked to an author (--author); a ${input.role} is not. Nobody was invited.`);
    return null;
  }
  if (!who) throw new AppError('BAD_INPUT', 'A guest author is linked to the author they are credited as: add --author "<name or id in the authors list>". Nobody was invited.');
  const doc = new Y.Doc();
  for (const part of authorsParts) Y.applyUpdate(doc, part);
  const found = authorsMatching(doc, who);
  doc.destroy();
  if (found.length === 0) throw new AppError('NOT_FOUND', `No author in the workspace's authors list has the name or id "${who}"; add them to the authors list first. Nobody was invited.`);
  if (found.length > 1) throw new AppError('BAD_INPUT', `${found.length} authors are called "${who}": name one by its id (${found.map((a) => a.id).join(', ')}). Nobody was invited.`);
  return found[0].id;
}

/** Checks an invitation and draws its token; stores nothing. */
export function newInvitation(input: Invitation, authorId: string | null = null): { token: string; record: MemberRecord } {
  const name = input.name.trim();
  const email = (input.email ?? '').trim();
  if (email && (email.length > 320 || !EMAIL.test(email))) throw new AppError('BAD_INPUT', `"${email}" is not an e-mail address (--email name@example.org); nobody was invited.`);
  if (!name) throw new AppError('BAD_INPUT', 'A member needs a name (--name "Ann Smith").');
  if (name.length > 200) throw new AppError('BAD_INPUT', `A member's name is at most 200 characters; this one has ${name.length}.`);
  if (!(ROLES as readonly string[]).includes(input.role)) {
    throw new AppError('BAD_INPUT', `Unknown role "${input.role}": use one of ${ROLES.join(', ')}.`);
  }
  const token = `wbt_${crypto.randomBytes(32).toString('base64url')}`;
  return { token, record: { id: uuidv7(), name, email, role: input.role as Role, token_hash: hashToken(token), created_at: new Date().toISOString(), revoked_at: null, author_id: authorId } };
}

const emailTaken = (email: string, taken: string) => new AppError('CONFLICT', `${email} is already ${taken}'s address in this workspace; each member has their own. Nobody was invited.`);

export async function inviteMember(store: ServerStore, input: Invitation): Promise<{ token: string; member: Member }> {
  newInvitation(input); // the name, e-mail and role are checked before the author is looked up
  const { token, record } = newInvitation(input, invitedAuthor(input, await store.load('authors')));
  const taken = record.email ? await store.activeMemberWithEmail(record.email) : undefined;
  if (taken) throw emailTaken(record.email, taken);
  await store.insertMember(record);
  return { token, member: toMember(record) };
}

/** The same on the SQLite file, answered at once (tests invite before they start a server). */
export function inviteMemberNow(store: TeamStore, input: Invitation): string {
  newInvitation(input); // the name, e-mail and role are checked before the author is looked up
  const { token, record } = newInvitation(input, invitedAuthor(input, store.load('authors')));
  const taken = record.email ? store.activeMemberWithEmail(record.email) : undefined;
  if (taken) throw emailTaken(record.email, taken);
  store.insertMember(record);
  return token;
}

export async function listMembers(store: ServerStore): Promise<Member[]> {
  return (await store.members()).map(toMember);
}

/** The member a token belongs to, or null for an unknown or revoked token. */
export async function memberForToken(store: ServerStore, token: string): Promise<Member | null> {
  const row = await store.memberByTokenHash(hashToken(token));
  return row && row.revoked_at === null ? toMember(row) : null;
}

/** Revokes by id, or by name where exactly one active member has it. */
export async function revokeMember(store: ServerStore, who: string): Promise<Member> {
  const active = (await store.members()).filter((m) => m.revoked_at === null && (m.id === who || m.name === who));
  if (active.length === 0) throw new AppError('NOT_FOUND', `No active member is called or has the id "${who}" (see \`workbench sync-server members\`).`);
  if (active.length > 1) throw new AppError('BAD_INPUT', `${active.length} members are called "${who}": revoke one by its id (see \`workbench sync-server members\`).`);
  const at = new Date().toISOString();
  await store.setRevoked(active[0].id, at);
  return toMember({ ...active[0], revoked_at: at });
}

export async function revokedMemberIds(store: ServerStore): Promise<Set<string>> {
  return new Set((await store.members()).filter((m) => m.revoked_at !== null).map((m) => m.id));
}

/**
 * What any member may see of the others (GET /members), never tokens. Revoked members are listed
 * too, as no longer active: posts they owned still name them, and every laptop must know who that is.
 */
export async function memberDirectory(store: ServerStore): Promise<Array<Pick<Member, 'id' | 'name' | 'email' | 'role'> & { active: boolean }>> {
  return (await listMembers(store)).map((m) => ({ id: m.id, name: m.name, email: m.email, role: m.role, active: m.revokedAt === null }));
}
