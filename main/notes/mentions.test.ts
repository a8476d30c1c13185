/**
 * @mentions, For you and the review summary through the real API on a SQLite file (a local-only
 * store, where the people kept here are whom a note can mention).
 */
import { describe, expect, it } from 'vitest';
import type { ForYouEntry, Note } from '../../common/api/notes';
import type { Person } from '../../common/api/people';
import type { Post } from '../../common/domain';
import { uuidv7 } from '../../common/ids';
import { mentionToken } from '../../common/notes/mentions';
import { useApiHarness } from '../testing/api-harness';

const api = useApiHarness('wb-notes-mentions-');
const ok = api.value;

async function people() {
  const ed = await ok<Person>('people.save', { name: 'Ed Itor' });
  const sam = await ok<Person>('people.save', { name: 'Sam Reviewer' });
  await ok('people.setMe', { id: ed.id });
  return { ed, sam };
}

const forYou = () => ok<ForYouEntry[]>('notes.forYou', {});
const note = (postId: string, quote: string, body: string) => ok<Note>('notes.create', { postId, id: uuidv7(), quote, body });

describe('mentions in notes', () => {
  it('offers the people kept here (not me) in a local-only store, and stores a mention by id', async () => {
    const { ed, sam } = await people();
    expect(await ok('notes.mentionable', {})).toEqual({ workspace: false, people: [{ id: sam.id, name: 'Sam Reviewer', role: null }] });
    const post = await ok<Post>('posts.create', { title: 'Nursing at home' });
    const n = await note(post.id, 'ninety', `${mentionToken(sam)} source?`);
    expect(n.messages[0]).toMatchObject({ mentions: [sam.id], authorId: ed.id });
    // An edit that drops the mention drops it from the message.
    const edited = await ok<Note>('notes.editMessage', { id: n.messages[0].id, body: 'Source?' });
    expect(edited.messages[0].mentions).toEqual([]);
  });

  it('lists open threads that mention me in For you, newest first; marked read or resolved, they leave; a new reply brings a read one back', async () => {
    const { ed, sam } = await people();
    const post = await ok<Post>('posts.create', { title: 'Nursing at home' });
    const first = await note(post.id, 'ninety', `${mentionToken(sam)} source for this figure?`);
    await note(post.id, 'standfirst', 'No mention here.');
    const second = await note(post.id, 'March', `Date? ${mentionToken(sam)}`);
    expect(await forYou()).toEqual([]); // I am Ed: nothing mentions Ed.

    await ok('people.setMe', { id: sam.id });
    let list = await forYou();
    expect(list.map((e) => e.noteId)).toEqual([second.id, first.id]);
    expect(list[1]).toMatchObject({ postId: post.id, postTitle: 'Nursing at home', quote: 'ninety', mentionedBy: 'Ed Itor', lastAuthor: 'Ed Itor', lastText: '@Sam Reviewer source for this figure?' });

    // A reply in a thread that mentions me moves it to the top, with the reply shown.
    await ok('people.setMe', { id: ed.id });
    await ok('notes.reply', { noteId: first.id, body: 'Also the year.' });
    await ok('people.setMe', { id: sam.id });
    list = await forYou();
    expect(list.map((e) => [e.noteId, e.lastText])).toEqual([[first.id, 'Also the year.'], [second.id, 'Date? @Sam Reviewer']]);

    await ok('notes.markRead', { noteId: second.id });
    expect((await forYou()).map((e) => e.noteId)).toEqual([first.id]);
    // My own reply does not bring it back; someone else's does.
    await ok('notes.reply', { noteId: second.id, body: 'March 2026.' });
    expect((await forYou()).map((e) => e.noteId)).toEqual([first.id]);
    await ok('people.setMe', { id: ed.id });
    await ok('notes.reply', { noteId: second.id, body: 'Thanks.' });
    await ok('people.setMe', { id: sam.id });
    expect((await forYou()).map((e) => e.noteId)).toEqual([second.id, first.id]);

    await ok('notes.resolve', { id: first.id, resolved: true });
    expect((await forYou()).map((e) => e.noteId)).toEqual([second.id]);
    expect((await api.failure('notes.markRead', { noteId: uuidv7() })).code).toBe('NOT_FOUND');
  });

  it('sums up a draft’s open notes and mentions, and the move to scheduled warns with them until they are resolved', async () => {
    const { sam } = await people();
    const post = await ok<Post>('posts.create', { title: 'Nursing at home' });
    const a = await note(post.id, 'Admissions rose by ninety', `${mentionToken(sam)} source?`);
    const b = await note(post.id, 'standfirst', 'Shorter?');
    await note(post.id, 'March', 'Which year?');
    await note(post.id, 'the ward', 'Which one?');
    expect(await ok('notes.summary', { postId: post.id })).toEqual({
      openNotes: expect.arrayContaining([{ id: a.id, quote: 'Admissions rose by ninety' }]),
      unresolvedMentions: [{ noteId: a.id, name: 'Sam Reviewer' }],
      pendingSuggestions: [],
    });

    const refused = await api.failure('posts.update', { id: post.id, baseRevision: post.revision, status: 'scheduled' });
    expect(refused.code).toBe('NEEDS_CONFIRMATION');
    expect(refused.message).toContain('No open notes, unresolved mentions or pending suggestions (4 open notes: “Admissions rose by ninety”, “standfirst”, “March” and 1 more; 1 unresolved mention (Sam Reviewer))');
    expect((await ok<Post>('posts.get', { id: post.id })).status).not.toBe('scheduled');

    for (const n of await ok<Note[]>('notes.list', { postId: post.id })) if (n.id !== b.id) await ok('notes.resolve', { id: n.id, resolved: true });
    const check = await ok('checklist.check', { id: post.id });
    expect(check.report.results.find((r: { id: string }) => r.id === 'open-notes')).toMatchObject({ ok: false, message: '1 open note: “standfirst”.' });
    await ok('notes.resolve', { id: b.id, resolved: true });
    const clear = await ok('checklist.check', { id: post.id });
    expect(clear.report.results.find((r: { id: string }) => r.id === 'open-notes')).toMatchObject({ ok: true, message: 'No open notes or pending suggestions.' });
    const moved = await ok<Post>('posts.update', { id: post.id, baseRevision: post.revision, status: 'scheduled', acceptWarnings: true });
    expect(moved.status).toBe('scheduled');
  });
});
