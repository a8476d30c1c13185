/** The team's annotation tags. Names are unique among live tags; a removed name can be reused. */
import type { DB } from '../connection';
import type { Tag } from '../../common/api/comments';
import { AppError } from '../../common/errors';
import { uuidv7 } from '../../common/ids';
import { nowIso } from '../clock';

interface TagRow {
  id: string;
  name: string;
  color: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

const toTag = (r: TagRow): Tag => ({ id: r.id, name: r.name, color: r.color, createdAt: r.created_at, updatedAt: r.updated_at });

export const STARTER_TAGS: readonly { name: string; color: string }[] = [
  { name: 'needs reply', color: 'blue' },
  { name: 'quote-worthy', color: 'green' },
  { name: 'patient safety', color: 'red' },
  { name: 'off-topic', color: 'grey' },
];

/** A workspace that has never had a tag starts with the common vocabulary; removed ones stay removed. */
function ensureStarterTags(db: DB): void {
  if (db.prepare('SELECT 1 FROM tags LIMIT 1').get()) return;
  const now = nowIso();
  const insert = db.prepare('INSERT OR IGNORE INTO tags (id, created_at, updated_at, name, color) VALUES (?, ?, ?, ?, ?)');
  db.transaction(() => STARTER_TAGS.forEach((t) => insert.run(uuidv7(), now, now, t.name, t.color)))();
}

export function listTags(db: DB): Tag[] {
  ensureStarterTags(db);
  return (db.prepare('SELECT * FROM tags WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE').all() as TagRow[]).map(toTag);
}

export function getTag(db: DB, id: string): Tag {
  const row = db.prepare('SELECT * FROM tags WHERE id = ? AND deleted_at IS NULL').get(id) as TagRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `No tag with id ${id}.`);
  return toTag(row);
}

function byName(db: DB, name: string): TagRow | undefined {
  return db.prepare('SELECT * FROM tags WHERE name = ? COLLATE NOCASE').get(name) as TagRow | undefined;
}

export function createTag(db: DB, f: { name: string; color?: string }): Tag {
  const name = f.name.trim();
  if (!name) throw new AppError('BAD_INPUT', 'A tag needs a name.');
  return db.transaction(() => {
    const now = nowIso();
    const existing = byName(db, name);
    if (existing && !existing.deleted_at) throw new AppError('CONFLICT', `There is already a tag called “${existing.name}”.`);
    if (existing) {
      // The UNIQUE name column keeps removed tags; bring the old row back rather than fail.
      db.prepare('UPDATE tags SET deleted_at = NULL, name = ?, color = ?, updated_at = ? WHERE id = ?').run(name, f.color ?? '', now, existing.id);
      return getTag(db, existing.id);
    }
    const id = uuidv7();
    db.prepare('INSERT INTO tags (id, created_at, updated_at, name, color) VALUES (?, ?, ?, ?, ?)').run(id, now, now, name, f.color ?? '');
    return getTag(db, id);
  })();
}

export function updateTag(db: DB, f: { id: string; name?: string; color?: string }): Tag {
  return db.transaction(() => {
    const tag = getTag(db, f.id);
    const name = f.name?.trim() ?? tag.name;
    if (!name) throw new AppError('BAD_INPUT', 'A tag needs a name.');
    const clash = byName(db, name);
    if (clash && clash.id !== f.id) {
      if (!clash.deleted_at) throw new AppError('CONFLICT', `There is already a tag called “${clash.name}”.`);
      // Free the name held by a removed tag.
      db.prepare('UPDATE tags SET name = ? WHERE id = ?').run(`${clash.name} (removed ${clash.id})`, clash.id);
    }
    db.prepare('UPDATE tags SET name = ?, color = ?, updated_at = ? WHERE id = ?').run(name, f.color ?? tag.color, nowIso(), f.id);
    return getTag(db, f.id);
  })();
}

export function deleteTag(db: DB, id: string): { id: string } {
  getTag(db, id);
  db.prepare('UPDATE tags SET deleted_at = ?, updated_at = ? WHERE id = ?').run(nowIso(), nowIso(), id);
  return { id };
}
