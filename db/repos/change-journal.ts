/** The change journal (migration 0220): written by a process that is not the app, read by the app. */
import type { Changes } from '../../common/changes';
import { changesSchema } from '../../common/changes-schema';
import type { DB } from '../connection';

/** How many rows are kept: far more than the app can fall behind between two looks. */
const KEEP = 500;

export function recordChanges(db: DB, changes: Changes, at = new Date().toISOString()): void {
  if (Object.keys(changes).length === 0) return;
  const { seq } = db.prepare('INSERT INTO change_journal (at, changes) VALUES (?, ?) RETURNING seq').get(at, JSON.stringify(changes)) as { seq: number };
  if (seq % 50 === 0) db.prepare('DELETE FROM change_journal WHERE seq <= ?').run(seq - KEEP);
}

export function lastJournalSeq(db: DB): number {
  return (db.prepare('SELECT coalesce(max(seq), 0) FROM change_journal').pluck().get() as number) ?? 0;
}

/** The rows after `seq`, oldest first; a row that does not parse (a newer app's) counts as everything. */
export function journalSince(db: DB, seq: number): { seq: number; changes: Changes | null }[] {
  const rows = db.prepare('SELECT seq, changes FROM change_journal WHERE seq > ? ORDER BY seq').all(seq) as { seq: number; changes: string }[];
  return rows.map((r) => {
    const parsed = changesSchema.safeParse(JSON.parse(r.changes));
    return { seq: r.seq, changes: parsed.success ? parsed.data : null };
  });
}
