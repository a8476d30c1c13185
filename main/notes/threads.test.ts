/** Note threads through the real API on a SQLite file: replies, own edits and deletes, resolve and reopen. */
import { describe, expect, it } from 'vitest';
import type { Note } from '../../common/api/notes';
import type { Post } from '../../common/domain';
import { build } from '../../common/editor/serialized';
import { uuidv7 } from '../../common/ids';
import { useApiHarness } from '../testing/api-harness';

const api = useApiHarness('wb-notes-threads-');
const ok = api.value;

async function draftWithNote() {
  const post = await ok<Post>('posts.create', { title: 'T', body: build.root([build.paragraph([build.text('Some words.')])]) });
  const note = await ok<Note>('notes.create', { postId: post.id, id: uuidv7(), quote: 'words', body: '  Which words?  ' });
  return { post, note };
}

describe('a note thread', () => {
  it('takes replies in order, and resolves and reopens', async () => {
    const { post, note } = await draftWithNote();
    expect(note.messages).toMatchObject([{ body: 'Which words?', mine: true, deleted: false, editedAt: null }]);
    await ok('notes.reply', { noteId: note.id, body: 'These ones.' });
    let [n] = await ok<Note[]>('notes.list', { postId: post.id });
    expect(n.messages.map((m) => m.body)).toEqual(['Which words?', 'These ones.']);
    n = await ok<Note>('notes.resolve', { id: note.id, resolved: true });
    expect(n.resolvedAt).not.toBeNull();
    n = await ok<Note>('notes.resolve', { id: note.id, resolved: false });
    expect(n).toMatchObject({ resolvedAt: null, resolvedBy: null });
    // The body's words carry no mark for this note (it was made through the API only): detached.
    expect(n.detached).toBe(true);
  });

  it("lets its author edit and delete their own messages, and refuses anyone else's, changing nothing", async () => {
    const ann = await ok<{ id: string }>('people.save', { name: 'Ann Editor', email: 'ann@example.org' });
    const bo = await ok<{ id: string }>('people.save', { name: 'Bo Manager', email: 'bo@example.org' });
    await ok('people.setMe', { id: ann.id });
    const { note } = await draftWithNote();
    expect(note).toMatchObject({ authorName: 'Ann Editor' });
    const first = note.messages[0].id;
    let n = await ok<Note>('notes.editMessage', { id: first, body: 'Which words exactly?' });
    expect(n.messages[0]).toMatchObject({ body: 'Which words exactly?', mine: true });
    expect(n.messages[0].editedAt).not.toBeNull();

    await ok('people.setMe', { id: bo.id });
    n = await ok<Note>('notes.reply', { noteId: note.id, body: 'The second sentence.' });
    expect(n.messages.map((m) => [m.authorName, m.mine])).toEqual([['Ann Editor', false], ['Bo Manager', true]]);
    const refused = await api.failure('notes.editMessage', { id: first, body: 'Bo was here' });
    expect(refused).toMatchObject({ code: 'FORBIDDEN', message: 'Only Ann Editor can edit that message; nothing was changed.' });
    expect(await api.failure('notes.deleteMessage', { id: first })).toMatchObject({ code: 'FORBIDDEN' });

    await ok('people.setMe', { id: ann.id });
    n = await ok<Note>('notes.deleteMessage', { id: first });
    expect(n.messages.map((m) => [m.deleted, m.body])).toEqual([[true, ''], [false, 'The second sentence.']]);
    expect(await api.failure('notes.editMessage', { id: first, body: 'back' })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses empty text, an unknown draft and a second note with the same id, saving nothing', async () => {
    const { post, note } = await draftWithNote();
    expect(await api.failure('notes.reply', { noteId: note.id, body: '   ' })).toMatchObject({ code: 'BAD_INPUT' });
    expect((await api.failure('notes.reply', { noteId: note.id, body: '   ' })).message).toContain('a note needs some text');
    expect(await api.failure('notes.create', { postId: uuidv7(), id: uuidv7(), quote: 'x', body: 'y' })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await api.failure('notes.create', { postId: post.id, id: note.id, quote: 'x', body: 'y' })).toMatchObject({ code: 'CONFLICT' });
    const notes = await ok<Note[]>('notes.list', { postId: post.id });
    expect(notes).toHaveLength(1);
    expect(notes[0].messages).toHaveLength(1);
  });
});
