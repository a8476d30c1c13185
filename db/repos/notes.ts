/**
 * Editorial note threads on drafts. The anchor is a MarkNode in the post's body carrying the
 * note's id; whether a note is detached (its words deleted) is read from the stored body, so it
 * can never disagree with the text, and a detached note's thread stays here untouched.
 */
import type { DB } from '../connection';
import type { Note, NoteMessage } from '../../common/api/notes';
import { noteIdsInBody } from '../../common/editor/note-marks';
import { mentionedIds } from '../../common/notes/mentions';
import { AppError } from '../../common/errors';
import { uuidv7 } from '../../common/ids';
import { nowIso } from '../clock';

/** Who writes: the "I am" person (null id on a laptop where nobody chose one). */
export interface NoteAuthor {
  id: string | null;
  name: string;
}

interface NoteRow {
  id: string;
  post_id: string;
  quote: string;
  author_name: string;
  created_at: string;
  resolved_at: string | null;
  resolved_by: string | null;
}

interface MessageRow {
  id: string;
  note_id: string;
  author_id: string | null;
  author_name: string;
  body: string;
  created_at: string;
  edited_at: string | null;
  deleted_at: string | null;
  mentions: string;
}

function toMessage(r: MessageRow, me: NoteAuthor): NoteMessage {
  const deleted = r.deleted_at !== null;
  return {
    id: r.id,
    authorId: r.author_id,
    authorName: r.author_name,
    body: deleted ? '' : r.body,
    createdAt: r.created_at,
    editedAt: r.edited_at,
    deleted,
    mine: r.author_id === me.id,
    mentions: deleted ? [] : (JSON.parse(r.mentions) as string[]),
  };
}

/** The ids anchored in the post's stored body (read only when the post has notes). */
function anchoredIds(db: DB, postId: string): Set<string> {
  const body = db.prepare('SELECT body FROM posts WHERE id = ?').pluck().get(postId) as string | undefined;
  if (!body) return new Set();
  try {
    return new Set(noteIdsInBody(JSON.parse(body)));
  } catch {
    return new Set();
  }
}

function toNotes(db: DB, rows: NoteRow[], me: NoteAuthor): Note[] {
  if (rows.length === 0) return [];
  const anchored = anchoredIds(db, rows[0].post_id);
  const messages = db.prepare('SELECT * FROM note_messages WHERE note_id = ? ORDER BY created_at, id');
  return rows.map((r) => ({
    id: r.id,
    postId: r.post_id,
    quote: r.quote,
    authorName: r.author_name,
    createdAt: r.created_at,
    resolvedAt: r.resolved_at,
    resolvedBy: r.resolved_at === null ? null : r.resolved_by,
    detached: !anchored.has(r.id),
    messages: (messages.all(r.id) as MessageRow[]).map((m) => toMessage(m, me)),
  }));
}

export function listNotes(db: DB, postId: string, me: NoteAuthor): Note[] {
  const rows = db.prepare('SELECT * FROM notes WHERE post_id = ? ORDER BY created_at, id').all(postId) as NoteRow[];
  return toNotes(db, rows, me);
}

export function getNote(db: DB, id: string, me: NoteAuthor): Note {
  const row = db.prepare('SELECT * FROM notes WHERE id = ?').get(id) as NoteRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `No note ${id}; it may have been removed with its draft.`);
  return toNotes(db, [row], me)[0];
}

export function createNote(db: DB, f: { postId: string; id: string; quote: string; body: string }, me: NoteAuthor): Note {
  return db.transaction(() => {
    if (!db.prepare('SELECT 1 FROM posts WHERE id = ? AND deleted_at IS NULL').get(f.postId)) {
      throw new AppError('NOT_FOUND', `No draft ${f.postId} to add a note to (it may be in the trash); nothing was saved.`);
    }
    if (db.prepare('SELECT 1 FROM notes WHERE id = ?').get(f.id)) throw new AppError('CONFLICT', `A note ${f.id} already exists; nothing was saved.`);
    const now = nowIso();
    db.prepare('INSERT INTO notes (id, post_id, quote, author_id, author_name, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(f.id, f.postId, f.quote, me.id, me.name, now);
    insertMessage(db, f.id, f.body, me, now);
    return getNote(db, f.id, me);
  })();
}

function insertMessage(db: DB, noteId: string, body: string, me: NoteAuthor, now: string): void {
  db.prepare('INSERT INTO note_messages (id, note_id, author_id, author_name, body, mentions, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(uuidv7(), noteId, me.id, me.name, body, JSON.stringify(mentionedIds(body)), now);
}

export function replyToNote(db: DB, noteId: string, body: string, me: NoteAuthor): Note {
  return db.transaction(() => {
    getNote(db, noteId, me);
    insertMessage(db, noteId, body, me, nowIso());
    return getNote(db, noteId, me);
  })();
}

/** A message its author may change: refused for anyone else's, or one already deleted. */
function ownMessage(db: DB, id: string, me: NoteAuthor, doing: string): MessageRow {
  const row = db.prepare('SELECT * FROM note_messages WHERE id = ?').get(id) as MessageRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `No note message ${id}; nothing was changed.`);
  if (row.deleted_at) throw new AppError('NOT_FOUND', `That message was deleted; nothing was changed.`);
  if (row.author_id !== me.id) throw new AppError('FORBIDDEN', `Only ${row.author_name || 'its author'} can ${doing} that message; nothing was changed.`);
  return row;
}

export function editNoteMessage(db: DB, id: string, body: string, me: NoteAuthor): Note {
  return db.transaction(() => {
    const row = ownMessage(db, id, me, 'edit');
    db.prepare('UPDATE note_messages SET body = ?, mentions = ?, edited_at = ? WHERE id = ?').run(body, JSON.stringify(mentionedIds(body)), nowIso(), id);
    return getNote(db, row.note_id, me);
  })();
}

export function deleteNoteMessage(db: DB, id: string, me: NoteAuthor): Note {
  return db.transaction(() => {
    const row = ownMessage(db, id, me, 'delete');
    db.prepare("UPDATE note_messages SET deleted_at = ?, body = '', mentions = '[]' WHERE id = ?").run(nowIso(), id);
    return getNote(db, row.note_id, me);
  })();
}

export function resolveNote(db: DB, id: string, resolved: boolean, me: NoteAuthor): Note {
  return db.transaction(() => {
    getNote(db, id, me);
    if (resolved) db.prepare('UPDATE notes SET resolved_at = ?, resolved_by = ? WHERE id = ? AND resolved_at IS NULL').run(nowIso(), me.name, id);
    else db.prepare('UPDATE notes SET resolved_at = NULL, resolved_by = NULL WHERE id = ? AND resolved_at IS NOT NULL').run(id);
    return getNote(db, id, me);
  })();
}
