/**
 * Note threads travel through the team workspace (issue 17): three laptops (real SQLite files)
 * on a real team server process. Replies and notes made apart are all kept; a resolve against a
 * reopen, and two edits of one message, are listed under Needs decision, never settled silently;
 * only a message's author may change it.
 */
import { describe, expect, it } from 'vitest';
import type { DB } from '../../db/connection';
import { uuidv7 } from '../../common/ids';
import { mentionToken } from '../../common/notes/mentions';
import { createPost } from '../../db/repos/posts';
import { getMe } from '../../db/repos/people';
import { createNote, editNoteMessage, listNotes, replyToNote, resolveNote, type NoteAuthor } from '../../db/repos/notes';
import { forYou } from '../../db/repos/note-mentions';
import { invite } from '../sync/testing/team-server-process';
import { useSyncTestKit, type Laptop } from '../sync/testing/laptops';
import { joinWorkspace, openSession, resolveConflict, syncWorkspace } from '../sync/workspace';

const kit = useSyncTestKit();
const sync = (l: Laptop, ms = 60_000) => syncWorkspace(l.db, kit.vault(), ms);

function me(db: DB): NoteAuthor & { id: string } {
  const p = getMe(db)!;
  return { id: p.id, name: p.name };
}

/** The threads as data, the same on every laptop once synced. */
const threads = (db: DB, postId: string) =>
  listNotes(db, postId, { id: null, name: '' }).map((n) => ({
    id: n.id,
    quote: n.quote,
    resolved: n.resolvedAt !== null,
    messages: n.messages.map((m) => ({ id: m.id, by: m.authorName, body: m.body, mentions: m.mentions, deleted: m.deleted })),
  }));

function conflicts(l: Laptop) {
  const s = openSession(l.db, kit.vault());
  try {
    return s.conflicts();
  } finally {
    s.close();
  }
}

function decide(l: Laptop, id: string, value: string | null) {
  const s = openSession(l.db, kit.vault());
  try {
    const c = s.conflicts().find((x) => x.id === id)!;
    resolveConflict(l.db, s, id, c.choices.findIndex((ch) => ch.value === value) + 1);
  } finally {
    s.close();
  }
}

describe('note threads in the team workspace', { timeout: 300_000 }, () => {
  it('carries notes, replies and mentions both ways, keeps what was written apart, and lists resolve against reopen and two edits of a message as decisions', async () => {
    const data = kit.dir();
    const [edToken, samToken] = invite(data, ['Ed Itor', 'editor'], ['Sam Reviewer', 'reviewer']);
    let server = await kit.server(data);

    const ed = kit.laptop('ed');
    const post = createPost(ed.db, { title: 'Nursing at home' });
    await joinWorkspace(ed.db, kit.vault(), { url: server.url, token: edToken });
    await sync(ed);
    const sam = kit.laptop('sam');
    await joinWorkspace(sam.db, kit.vault(), { url: server.url, token: samToken });
    await sync(sam);
    // Ed's second laptop, the same member.
    const ed2 = kit.laptop('ed2');
    await joinWorkspace(ed2.db, kit.vault(), { url: server.url, token: edToken });
    await sync(ed2);

    const samMember = me(sam.db);
    const n1 = uuidv7();
    createNote(ed.db, { postId: post.id, id: n1, quote: 'ninety', body: `${mentionToken(samMember)} source for this figure?` }, me(ed.db));
    await sync(ed);
    await sync(sam);
    const onSam = listNotes(sam.db, post.id, me(sam.db));
    expect(onSam).toHaveLength(1);
    expect(onSam[0].messages[0]).toMatchObject({ authorName: 'Ed Itor', mine: false, mentions: [samMember.id], body: `@[Sam Reviewer](${samMember.id}) source for this figure?` });
    const firstMessage = onSam[0].messages[0].id;
    // A reviewer may write notes (every role may), and may not change Ed's message.
    expect(() => editNoteMessage(sam.db, firstMessage, 'changed by Sam', me(sam.db))).toThrow(/Only Ed Itor can edit/);

    // Apart (the server is down): both reply, Ed starts a second note, Sam resolves the first.
    server.child.kill('SIGKILL');
    await server.exited;
    replyToNote(ed.db, n1, 'Also the date.', me(ed.db));
    replyToNote(sam.db, n1, 'Office for National Statistics, March.', me(sam.db));
    resolveNote(sam.db, n1, true, me(sam.db));
    const n2 = uuidv7();
    createNote(ed.db, { postId: post.id, id: n2, quote: 'standfirst', body: `Shorter? ${mentionToken(samMember)}` }, me(ed.db));
    await expect(sync(ed, 1500)).rejects.toThrow(/did not finish syncing/);

    server = await kit.server(data, server.port);
    for (const l of [ed, sam, ed2, ed]) await sync(l);
    expect(threads(ed.db, post.id)).toEqual(threads(sam.db, post.id));
    expect(threads(ed2.db, post.id)).toEqual(threads(sam.db, post.id));
    const both = threads(sam.db, post.id);
    expect(both.map((n) => [n.id, n.resolved])).toEqual([[n1, true], [n2, false]]);
    expect(both[0].messages.map((m) => m.body).slice(1).sort()).toEqual(['Also the date.', 'Office for National Statistics, March.']);
    expect(conflicts(ed)).toEqual([]);
    // The mention made offline reached Sam's For you on reconnect; the resolved note left it.
    expect(forYou(sam.db, samMember.id).map((e) => [e.noteId, e.mentionedBy, e.lastText])).toEqual([[n2, 'Ed Itor', 'Shorter? @Sam Reviewer']]);
    expect(forYou(ed.db, me(ed.db).id)).toEqual([]);

    // Apart again: Ed reopens the resolved note; Sam reopens and resolves it once more.
    // Ed, on two laptops, edits his first message two ways.
    resolveNote(ed.db, n1, false, me(ed.db));
    resolveNote(sam.db, n1, false, me(sam.db));
    resolveNote(sam.db, n1, true, me(sam.db));
    editNoteMessage(ed.db, firstMessage, 'Which source is this figure from?', me(ed.db));
    editNoteMessage(ed2.db, firstMessage, 'Source, please.', me(ed2.db));
    for (const l of [ed, sam, ed2, ed, sam]) await sync(l);

    const listed = conflicts(ed);
    expect(conflicts(sam)).toEqual(listed);
    expect(conflicts(ed2)).toEqual(listed);
    const state = listed.find((c) => c.key === `note:${n1}|resolved_at`)!;
    expect(state.choices.map((c) => [c.value === null ? 'open' : 'resolved', c.by]).sort()).toEqual([['open', 'Ed Itor'], ['resolved', 'Sam Reviewer']]);
    const body = listed.find((c) => c.key === `notemsg:${firstMessage}|body`)!;
    expect(body.choices.map((c) => c.value).sort()).toEqual(['Source, please.', 'Which source is this figure from?']);
    expect(listed).toHaveLength(2);

    // A person decides; every laptop then agrees, and nothing is listed.
    decide(sam, state.id, null);
    decide(ed, body.id, 'Which source is this figure from?');
    for (const l of [sam, ed, ed2, sam]) await sync(l);
    for (const l of [ed, sam, ed2]) expect(conflicts(l)).toEqual([]);
    expect(threads(ed.db, post.id)).toEqual(threads(sam.db, post.id));
    expect(threads(ed2.db, post.id)).toEqual(threads(sam.db, post.id));
    const final = threads(sam.db, post.id)[0];
    expect(final.resolved).toBe(false);
    expect(final.messages[0].body).toBe('Which source is this figure from?');

    // Both resolve it apart, at different times: the same decision, so nothing to decide.
    resolveNote(ed.db, n1, true, me(ed.db));
    resolveNote(sam.db, n1, true, me(sam.db));
    for (const l of [ed, sam, ed2, ed]) await sync(l);
    for (const l of [ed, sam, ed2]) expect(conflicts(l)).toEqual([]);
    expect(threads(ed.db, post.id)[0].resolved).toBe(true);
    expect(threads(sam.db, post.id)).toEqual(threads(ed.db, post.id));
  });
});
