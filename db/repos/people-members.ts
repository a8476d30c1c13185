/**
 * In a team workspace the people are its members (issue 22). Each member is one person whose id
 * is the member's id, so a post's owner or reviewer names the same person on every laptop. A
 * person this laptop already had under a member's e-mail address is merged into that member:
 * the posts they own or review, and "me", move to the member, and the old row is kept,
 * soft-deleted. People who match no member stay, as people known only on this laptop.
 */
import type { DB } from '../connection';
import type { Role } from '../../common/sync/documents';
import { nowIso } from '../clock';
import { ME_SETTING } from './people';
import { setSetting } from './settings';

export interface WorkspaceMember {
  id: string;
  name: string;
  email: string;
  role: Role;
  /** false for a revoked member: kept as a person (posts may still name them), with no role. */
  active?: boolean;
}

export interface MembersApplied {
  added: number;
  changed: number;
  merged: Array<{ from: string; into: string }>;
  /** People who were members and are no longer (revoked): kept, with no role. */
  gone: number;
}

interface Row {
  id: string;
  name: string;
  email: string;
  member_id: string | null;
  member_role: Role | null;
  deleted_at: string | null;
}

/** Makes the people list the workspace's members, and `meId` (the member this store joined as) "me". */
export function applyMembers(db: DB, listed: readonly WorkspaceMember[], meId: string): MembersApplied {
  const members = listed.filter((m) => m.active !== false);
  return db.transaction(() => {
    const now = nowIso();
    const out: MembersApplied = { added: 0, changed: 0, merged: [], gone: 0 };
    const ids = new Set(members.map((m) => m.id));
    const byId = db.prepare('SELECT id, name, email, member_id, member_role, deleted_at FROM people WHERE id = ?');
    // Members who changed address give it up first, so two members swapping addresses are not taken for a merge.
    const stale = db.prepare("UPDATE people SET email = '' WHERE id = ? AND email != ? COLLATE NOCASE");
    for (const m of members) stale.run(m.id, m.email);
    const sameEmail = db.prepare(
      "SELECT id FROM people WHERE deleted_at IS NULL AND email != '' AND email = ? COLLATE NOCASE AND id != ?",
    );
    const retire = db.prepare('UPDATE people SET deleted_at = ?, updated_at = ? WHERE id = ?');
    const repointOwner = db.prepare('UPDATE posts SET owner_id = ?, updated_at = ? WHERE owner_id = ?');
    const repointReviewer = db.prepare('UPDATE posts SET reviewer_id = ?, updated_at = ? WHERE reviewer_id = ?');
    const insert = db.prepare('INSERT INTO people (id, created_at, updated_at, name, email, member_id, member_role) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const update = db.prepare('UPDATE people SET name = ?, email = ?, member_id = ?, member_role = ?, deleted_at = NULL, updated_at = ? WHERE id = ?');
    for (const m of members) {
      // Another member's person is never merged: only people known on this laptop alone, or from an earlier workspace.
      const twins = m.email ? (sameEmail.pluck().all(m.email, m.id) as string[]).filter((id) => !ids.has(id)) : [];
      for (const twin of twins) retire.run(now, now, twin);
      const row = byId.get(m.id) as Row | undefined;
      if (!row) {
        insert.run(m.id, now, now, m.name, m.email, m.id, m.role);
        out.added++;
      } else if (row.name !== m.name || row.email !== m.email || row.member_id !== m.id || row.member_role !== m.role || row.deleted_at !== null) {
        update.run(m.name, m.email, m.id, m.role, now, m.id);
        out.changed++;
      }
      for (const twin of twins) {
        repointOwner.run(m.id, now, twin);
        repointReviewer.run(m.id, now, twin);
        out.merged.push({ from: twin, into: m.id });
      }
    }
    // A former member is known on every laptop too, so a post that still names them applies everywhere.
    const emailTaken = db.prepare("SELECT 1 FROM people WHERE deleted_at IS NULL AND email != '' AND email = ? COLLATE NOCASE");
    for (const m of listed.filter((f) => f.active === false && !byId.get(f.id))) {
      insert.run(m.id, now, now, m.name, m.email && !emailTaken.get(m.email) ? m.email : '', m.id, null);
      out.added++;
    }
    const placeholders = members.map(() => '?').join(', ');
    out.gone = db
      .prepare(`UPDATE people SET member_role = NULL, updated_at = ? WHERE member_role IS NOT NULL${members.length ? ` AND id NOT IN (${placeholders})` : ''}`)
      .run(now, ...members.map((m) => m.id)).changes;
    // In a workspace "me" is the member this store joined as, whoever was chosen before.
    setSetting(db, ME_SETTING, meId);
    return out;
  })();
}

/** On leaving the workspace: everyone stays, as a local list with no roles. */
export function forgetMemberRoles(db: DB): void {
  db.prepare('UPDATE people SET member_role = NULL, updated_at = ? WHERE member_role IS NOT NULL').run(nowIso());
}
