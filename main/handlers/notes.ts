/** Editorial notes on drafts: threads whose anchors are marks in the body (db/repos/notes.ts). */
import type { Handlers } from '../../common/api';
import type { Ctx } from '../context';
import type { DB } from '../../db/connection';
import { getMe } from '../../db/repos/people';
import { reviewSummary } from '../../db/repos/review-summary';
import { forYou, markNoteRead, mentionable } from '../../db/repos/note-mentions';
import { createNote, deleteNoteMessage, editNoteMessage, listNotes, replyToNote, resolveNote, type NoteAuthor } from '../../db/repos/notes';

type NoteMethods = 'notes.list' | 'notes.create' | 'notes.reply' | 'notes.editMessage' | 'notes.deleteMessage' | 'notes.resolve' | 'notes.mentionable' | 'notes.forYou' | 'notes.markRead' | 'notes.summary';

/** Whoever is "I am" here (the joined member in a workspace); nobody chosen is one local author. */
function author(db: DB): NoteAuthor {
  const me = getMe(db);
  return me ? { id: me.id, name: me.name } : { id: null, name: '' };
}

export const notesHandlers: Pick<Handlers<Ctx>, NoteMethods> = {
  'notes.list': (input, ctx) => listNotes(ctx.db, input.postId, author(ctx.db)),
  'notes.create': (input, ctx) => createNote(ctx.db, input, author(ctx.db)),
  'notes.reply': (input, ctx) => replyToNote(ctx.db, input.noteId, input.body, author(ctx.db)),
  'notes.editMessage': (input, ctx) => editNoteMessage(ctx.db, input.id, input.body, author(ctx.db)),
  'notes.deleteMessage': (input, ctx) => deleteNoteMessage(ctx.db, input.id, author(ctx.db)),
  'notes.resolve': (input, ctx) => resolveNote(ctx.db, input.id, input.resolved, author(ctx.db)),
  'notes.mentionable': (_input, ctx) => mentionable(ctx.db, author(ctx.db).id),
  'notes.forYou': (_input, ctx) => forYou(ctx.db, author(ctx.db).id),
  'notes.markRead': (input, ctx) => markNoteRead(ctx.db, input.noteId),
  'notes.summary': (input, ctx) => reviewSummary(ctx.db, input.postId),
};
