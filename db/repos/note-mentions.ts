/**
 * @mentions in note threads (issue 17, item 2): whom a note can mention, and "For you", the open
 * threads that mention me. A mention is a member id inside the message text
 * (common/notes/mentions.ts), kept also in note_messages.mentions when written, so it travels
 * with the message and For you is one query.
 *
 * Whom to offer: in a team workspace its members (the people the team server lists, each with
 * the member's id on every laptop, so a mention reaches them through the workspace). In a
 * local-only store there is nobody to deliver to but the people kept here (Planning → People);
 * they are offered so a note can still say who should act, and For you works for whoever is
 * "I am" on this laptop.
 */
import type { DB } from '../connection';
import type { ForYouEntry, Mentionable } from '../../common/api/notes';
import { plainMessage } from '../../common/notes/mentions';
import { AppError } from '../../common/errors';
import { nowIso } from '../clock';
import { joinedAs } from './people';

export function mentionable(db: DB, meId: string | null): Mentionable {
  const workspace = joinedAs(db) !== null;
  const people = db
    .prepare(`SELECT id, name, member_role AS role FROM people WHERE deleted_at IS NULL ${workspace ? 'AND member_role IS NOT NULL' : ''} AND id IS NOT ? ORDER BY name COLLATE NOCASE`)
    .all(meId) as Array<{ id: string; name: string; role: string | null }>;
  return { workspace, people };
}

interface ForYouRow {
  note_id: string;
  post_id: string;
  post_title: string;
  quote: string;
  mentioned_by: string;
  last_author: string;
  last_body: string;
  last_at: string;
}

/**
 * Open notes, on drafts not in the trash, with a live message mentioning me; newest activity
 * first. A thread I marked read stays out until someone else writes in it again.
 */
export function forYou(db: DB, meId: string | null): ForYouEntry[] {
  if (meId === null) return [];
  const rows = db
    .prepare(
      `WITH mine AS (
         SELECT n.id, min(m.created_at) AS first_at FROM notes n
         JOIN note_messages m ON m.note_id = n.id AND m.deleted_at IS NULL
         WHERE n.resolved_at IS NULL AND EXISTS (SELECT 1 FROM json_each(m.mentions) WHERE value = @me)
         GROUP BY n.id
       )
       SELECT n.id AS note_id, p.id AS post_id, p.title AS post_title, n.quote,
         (SELECT m.author_name FROM note_messages m WHERE m.note_id = n.id AND m.deleted_at IS NULL AND EXISTS (SELECT 1 FROM json_each(m.mentions) WHERE value = @me) ORDER BY m.created_at LIMIT 1) AS mentioned_by,
         last.author_name AS last_author, last.body AS last_body, last.created_at AS last_at
       FROM mine JOIN notes n ON n.id = mine.id JOIN posts p ON p.id = n.post_id AND p.deleted_at IS NULL
       JOIN note_messages last ON last.id = (SELECT m.id FROM note_messages m WHERE m.note_id = n.id AND m.deleted_at IS NULL ORDER BY m.created_at DESC, m.id DESC LIMIT 1)
       LEFT JOIN note_reads r ON r.note_id = n.id
       WHERE r.read_at IS NULL OR EXISTS (SELECT 1 FROM note_messages m WHERE m.note_id = n.id AND m.deleted_at IS NULL AND m.created_at > r.read_at AND m.author_id IS NOT @me)
       ORDER BY last.created_at DESC, n.id DESC`,
    )
    .all({ me: meId }) as ForYouRow[];
  return rows.map((r) => ({
    noteId: r.note_id,
    postId: r.post_id,
    postTitle: r.post_title,
    quote: r.quote,
    mentionedBy: r.mentioned_by,
    lastAuthor: r.last_author,
    lastText: plainMessage(r.last_body),
    at: r.last_at,
  }));
}

/** Takes a thread out of For you (on this laptop) until someone else writes in it. */
export function markNoteRead(db: DB, noteId: string): { noteId: string } {
  if (!db.prepare('SELECT 1 FROM notes WHERE id = ?').get(noteId)) throw new AppError('NOT_FOUND', `No note ${noteId}; nothing was marked.`);
  db.prepare('INSERT INTO note_reads (note_id, read_at) VALUES (?, ?) ON CONFLICT (note_id) DO UPDATE SET read_at = excluded.read_at').run(noteId, nowIso());
  return { noteId };
}
