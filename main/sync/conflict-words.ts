/**
 * A Needs decision item in the words of the person who decides it (the window and
 * `workbench workspace conflicts --json` alike): what was decided, about which item, and each value
 * as they know it. A running-order position travels as a fractional key (`a1`, running-order.ts),
 * which means nothing to a person: it is shown as the place it gives the post among the others
 * ("3rd in the series, after “Title”"). An owner or reviewer is shown by name. The raw values stay
 * beside the words.
 */
import { ordinalSuffix } from '../../common/series/ordinal';
import { canWrite, parseDocumentName, type Role } from '../../common/sync/documents';
import type { DB } from '../../db/connection';
import type { LocalDocs } from './local-docs';
import type { Conflict, Value } from './registers';
import { sharedRank } from './running-order';

const FIELD_WORDS: Record<string, string> = {
  status: 'status', title: 'title', series_id: 'series', rank: 'position', position: 'position', planned_date: 'planned date', deadline: 'deadline',
  deleted_at: 'deleted or kept', cadence: 'cadence', name: 'name', owner_id: 'owner', reviewer_id: 'reviewer',
  resolved_at: 'resolved or open', body: 'text',
};
const KIND_WORDS: Record<string, string> = { comment: 'Comment', post: 'Post', series: 'Series', author: 'Author', note: 'Note', notemsg: 'Note message' };

export interface ConflictWords {
  what: string;
  subject: string;
  baseShown: string;
  currentShown: string;
  /** The choices' values in words, in the conflict's order. */
  shown: string[];
  canDecide: boolean;
}

const quoted = (title: string | null | undefined) => `“${title || 'Untitled'}”`;

/** Where a post would stand in its series with this key, among the other posts' shared keys. */
function positionWords(db: DB, docs: LocalDocs, postId: string, rank: Value | undefined): string {
  if (typeof rank !== 'string') return 'not placed';
  const seriesId = db.prepare('SELECT series_id FROM posts WHERE id = ?').pluck().get(postId) as string | null | undefined;
  if (!seriesId) return 'not in a series';
  const others = (db.prepare('SELECT id, title FROM posts WHERE series_id = ? AND deleted_at IS NULL AND id != ?').all(seriesId, postId) as Array<{ id: string; title: string }>)
    .map((p) => ({ ...p, rank: sharedRank(docs, p.id) }))
    // The same order renumberSeries gives: by key, ties by id.
    .filter((p) => p.rank !== undefined && (p.rank < rank || (p.rank === rank && p.id < postId)))
    .sort((a, b) => (a.rank! < b.rank! ? -1 : a.rank! > b.rank! ? 1 : a.id < b.id ? -1 : 1));
  const n = others.length + 1;
  const place = `${n}${ordinalSuffix(n)} in the series`;
  return others.length === 0 ? `${place}, at the start` : `${place}, after ${quoted(others[others.length - 1].title)}`;
}

function valueWords(db: DB, docs: LocalDocs, kind: string, id: string, field: string, v: Value | undefined): string {
  if (kind === 'post' && field === 'rank') return positionWords(db, docs, id, v);
  if (kind === 'note' && field === 'resolved_at') return v == null ? 'open' : 'resolved';
  if (v === null || v === undefined) return '(none)';
  if (field === 'owner_id' || field === 'reviewer_id') return (db.prepare('SELECT name FROM people WHERE id = ?').pluck().get(v) as string | undefined) ?? String(v);
  return String(v);
}

function subjectOf(db: DB, c: Conflict, kind: string, id: string): string {
  if (kind === 'post') return quoted(db.prepare('SELECT title FROM posts WHERE id = ?').pluck().get(id) as string | undefined);
  if (kind === 'series') return `“${(db.prepare('SELECT title FROM series WHERE id = ?').pluck().get(id) as string | undefined) ?? id}”`;
  if (kind === 'author') return (db.prepare('SELECT name FROM authors WHERE id = ?').pluck().get(id) as string | undefined) ?? id;
  if (kind === 'note' || kind === 'notemsg') {
    const sql = kind === 'note' ? 'SELECT n.quote, p.title FROM notes n JOIN posts p ON p.id = n.post_id WHERE n.id = ?' : 'SELECT n.quote, p.title FROM note_messages m JOIN notes n ON n.id = m.note_id JOIN posts p ON p.id = n.post_id WHERE m.id = ?';
    const r = db.prepare(sql).get(id) as { quote: string; title: string } | undefined;
    return r ? `the note on “${r.quote.slice(0, 60)}” in ${quoted(r.title)}` : `note ${id}`;
  }
  if (kind === 'comment') {
    const postId = c.doc.slice(c.doc.indexOf('/') + 1);
    const sourceId = id.slice(id.indexOf(':') + 1);
    const r = db.prepare('SELECT c.author_name AS who, p.title AS post FROM comments c JOIN posts p ON p.id = c.post_id WHERE c.post_id = ? AND c.source_id = ?').get(postId, sourceId) as { who: string; post: string } | undefined;
    return r ? `${r.who || 'Anonymous'}’s comment on ${quoted(r.post)}` : `comment ${sourceId}`;
  }
  return id;
}

export function conflictWords(db: DB, docs: LocalDocs, role: Role, c: Conflict): ConflictWords {
  const [row, field] = c.key.split('|');
  const kind = row.slice(0, row.indexOf(':'));
  const id = row.slice(row.indexOf(':') + 1);
  const words = (v: Value | undefined) => valueWords(db, docs, kind, id, field, v);
  return {
    what: `${KIND_WORDS[kind] ?? kind} ${FIELD_WORDS[field] ?? field}`,
    subject: subjectOf(db, c, kind, id),
    baseShown: words(c.base),
    currentShown: words(c.current),
    shown: c.choices.map((ch) => words(ch.value)),
    canDecide: canWrite(role, parseDocumentName(c.doc)!.kind),
  };
}

/** A conflict as `workbench workspace conflicts --json` prints it: the raw log data with the words beside it. */
export function conflictForJson(db: DB, docs: LocalDocs, role: Role, c: Conflict) {
  const { what, subject, baseShown, currentShown, shown } = conflictWords(db, docs, role, c);
  return { ...c, what, subject, baseShown, currentShown, choices: c.choices.map((ch, i) => ({ ...ch, shown: shown[i] })) };
}
