/** People who own and review posts. Removing one soft-deletes it and clears it from the posts it held. */
import type { DB } from '../connection';
import type { Person } from '../../common/api/people';
import { AppError } from '../../common/errors';
import type { Role } from '../../common/sync/documents';
import { uuidv7 } from '../../common/ids';
import { nowIso } from '../clock';
import { getSetting, setSetting } from './settings';

interface PersonRow {
  id: string;
  name: string;
  email: string;
  member_id: string | null;
  member_role: Role | null;
  created_at: string;
  updated_at: string;
}

const toPerson = (r: PersonRow): Person => ({ id: r.id, name: r.name, email: r.email, memberId: r.member_id, memberRole: r.member_role, createdAt: r.created_at, updatedAt: r.updated_at });

export const ME_SETTING = 'people.me';

export function listPeople(db: DB): Person[] {
  return (db.prepare('SELECT * FROM people WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE').all() as PersonRow[]).map(toPerson);
}

export function getPerson(db: DB, id: string): Person {
  const row = db.prepare('SELECT * FROM people WHERE id = ? AND deleted_at IS NULL').get(id) as PersonRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `No person with id ${id}; add them in Planning → People first.`);
  return toPerson(row);
}

/** The member this store joined a team workspace as, or null for a local-only store. */
export function joinedAs(db: DB): string | null {
  return (db.prepare('SELECT member_id FROM sync_workspace WHERE id = 1').pluck().get() as string | undefined) ?? null;
}

/** A member's name and e-mail are the team server's; a laptop only keeps them. */
function refuseMember(p: Person, what: string): void {
  if (p.memberRole) throw new AppError('FORBIDDEN', `${p.name} is a member of the team workspace, so ${what} on the team server (workbench sync-server); nothing was changed.`);
}

export function savePerson(db: DB, f: { id?: string; name: string; email: string }): Person {
  return db.transaction(() => {
    if (f.id) refuseMember(getPerson(db, f.id), 'their name and e-mail address are set');
    const email = f.email.trim();
    if (email) {
      const taken = db.prepare('SELECT name FROM people WHERE email = ? COLLATE NOCASE AND deleted_at IS NULL AND id IS NOT ?').get(email, f.id ?? null) as { name: string } | undefined;
      if (taken) throw new AppError('CONFLICT', `${email} is already ${taken.name}'s address; each person has their own. Nothing was saved.`);
    }
    const now = nowIso();
    if (f.id) {
      getPerson(db, f.id);
      db.prepare('UPDATE people SET name = ?, email = ?, updated_at = ? WHERE id = ?').run(f.name.trim(), email, now, f.id);
      return getPerson(db, f.id);
    }
    const id = uuidv7();
    db.prepare('INSERT INTO people (id, created_at, updated_at, name, email) VALUES (?, ?, ?, ?, ?)').run(id, now, now, f.name.trim(), email);
    return getPerson(db, id);
  })();
}

export function deletePerson(db: DB, id: string): { id: string } {
  return db.transaction(() => {
    refuseMember(getPerson(db, id), 'they are removed');
    const now = nowIso();
    db.prepare('UPDATE people SET deleted_at = ?, updated_at = ? WHERE id = ?').run(now, now, id);
    db.prepare('UPDATE posts SET owner_id = NULL WHERE owner_id = ?').run(id);
    db.prepare('UPDATE posts SET reviewer_id = NULL WHERE reviewer_id = ?').run(id);
    if (getSetting<string>(db, ME_SETTING) === id) setSetting(db, ME_SETTING, null);
    return { id };
  })();
}

export function getMe(db: DB): Person | null {
  const id = getSetting<string>(db, ME_SETTING);
  if (!id) return null;
  const row = db.prepare('SELECT * FROM people WHERE id = ? AND deleted_at IS NULL').get(id) as PersonRow | undefined;
  return row ? toPerson(row) : null;
}

export function setMe(db: DB, id: string | null): Person | null {
  if (id) getPerson(db, id);
  const joined = joinedAs(db);
  if (joined && id !== joined) throw new AppError('FORBIDDEN', `In a team workspace "me" is the member this laptop joined as, ${getMe(db)?.name ?? joined}; nothing was changed.`);
  setSetting(db, ME_SETTING, id);
  return getMe(db);
}

/** In a team workspace only its members own and review posts; anyone else stays on this laptop. */
export function refuseNonMember(db: DB, id: string): void {
  const p = getPerson(db, id);
  if (joinedAs(db) && !p.memberRole) {
    throw new AppError(
      'FORBIDDEN',
      `${p.name} is not a member of the team workspace: there, posts are owned and reviewed by its members. Choose a member, or ask an admin to invite ${p.name}${p.email ? ` with ${p.email}` : ''}; nothing was changed.`,
    );
  }
}
