/**
 * Editorial notes on a draft (issue 17): threads anchored to the text by a MarkNode that carries
 * the note's id in the body. The thread is stored here; the anchor travels with the text.
 */
import { z } from 'zod';
import { Id, IsoTime, Line } from '../domain';
import { mutation, query, type MethodSpec } from './method';

/** A message's text: what the editor typed, trimmed; never empty. */
const MessageText = z.string().trim().min(1, 'a note needs some text').max(5000, 'a note message holds at most 5,000 characters');

export const NoteMessage = z.object({
  id: Id,
  authorId: Id.nullable(),
  authorName: z.string(),
  body: z.string(),
  createdAt: IsoTime,
  editedAt: IsoTime.nullable(),
  /** Deleted by its author: kept as a "deleted" line so the replies after it still read in order. */
  deleted: z.boolean(),
  /** Written by whoever is "I am" on this laptop: only they may edit or delete it. */
  mine: z.boolean(),
  /** The member ids the message mentions (common/notes/mentions.ts); empty once deleted. */
  mentions: z.array(Id),
});
export type NoteMessage = z.infer<typeof NoteMessage>;

export const Note = z.object({
  id: Id,
  postId: Id,
  /** The noted words when the note was made (shown for a detached note). */
  quote: z.string(),
  authorName: z.string(),
  createdAt: IsoTime,
  resolvedAt: IsoTime.nullable(),
  resolvedBy: z.string().nullable(),
  /** No mark in the stored body carries this note's id any more: its words were deleted. */
  detached: z.boolean(),
  messages: z.array(NoteMessage),
});
export type Note = z.infer<typeof Note>;

/** Whom a note can mention: the workspace's members, or (local-only) the people kept on this laptop. */
export const Mentionable = z.object({
  workspace: z.boolean(),
  people: z.array(z.object({ id: Id, name: z.string(), role: z.string().nullable() })),
});
export type Mentionable = z.infer<typeof Mentionable>;

/** One thread in "For you": an open note that mentions me, with its latest message. */
export const ForYouEntry = z.object({
  noteId: Id,
  postId: Id,
  postTitle: z.string(),
  quote: z.string(),
  mentionedBy: z.string(),
  lastAuthor: z.string(),
  /** The latest message, mentions shown as @Name. */
  lastText: z.string(),
  at: IsoTime,
});
export type ForYouEntry = z.infer<typeof ForYouEntry>;

/** common/notes/review-summary.ts's ReviewSummary, parsed. */
export const ReviewSummarySchema = z.object({
  openNotes: z.array(z.object({ id: Id, quote: z.string() })),
  unresolvedMentions: z.array(z.object({ noteId: Id, name: z.string() })),
  pendingSuggestions: z.array(z.object({ authorName: z.string(), count: z.number().int().positive() })),
});

export const notesApi = {
  'notes.list': query(
    "A draft's notes with their messages, oldest first; detached ones are those whose words are no longer in the stored body.",
    z.object({ postId: Id }).strict(),
    z.array(Note),
  ),
  'notes.create': mutation(
    'Starts a note on a draft with its first message. The id is the one the editor gives the mark around the noted words.',
    z.object({ postId: Id, id: Id, quote: Line(2000), body: MessageText }).strict(),
    Note,
  ),
  'notes.reply': mutation('Adds a reply to a note.', z.object({ noteId: Id, body: MessageText }).strict(), Note),
  'notes.editMessage': mutation('Changes the text of one of your own messages.', z.object({ id: Id, body: MessageText }).strict(), Note),
  'notes.deleteMessage': mutation('Deletes one of your own messages (the thread keeps a "deleted" line in its place).', z.object({ id: Id }).strict(), Note),
  'notes.resolve': mutation('Resolves a note (resolved: true) or reopens it (resolved: false).', z.object({ id: Id, resolved: z.boolean() }).strict(), Note),
  'notes.mentionable': query('Whom a note can @mention: the workspace members, or in a local-only store the people kept here; never yourself.', z.object({}).strict(), Mentionable),
  'notes.forYou': query('Open notes that mention you (and their replies), newest first; a thread marked read stays out until someone else writes in it.', z.object({}).strict(), z.array(ForYouEntry)),
  'notes.summary': query("A draft's review summary: its open notes, the mentions waiting in them, and its pending suggestions by author.", z.object({ postId: Id }).strict(), ReviewSummarySchema),
  'notes.markRead': mutation('Takes a thread out of For you on this laptop until someone else writes in it.', z.object({ noteId: Id }).strict(), z.object({ noteId: Id })),
} satisfies Record<string, MethodSpec>;
