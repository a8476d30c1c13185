/**
 * A live session pushes local changes from two places: its poll (pushLocal) and, before applying
 * what colleagues sent, applyRemote ("local changes go first so none is overwritten unseen").
 * Whichever runs first, a post created here must reach the server whole: its own documents, not
 * only the index entry naming it. In CI the window's first keystrokes on a new draft made
 * applyRemote run before the poll did, and the colleague never got the draft (co-edit-relay.test.ts).
 */
import { expect, it } from 'vitest';
import type { DB } from '../../db/connection';
import { createPost, getPost } from '../../db/repos/posts';
import { bodyOf, until } from './testing/bodies';
import { useSyncTestKit } from './testing/laptops';
import { invite } from './testing/team-server-process';
import { joinWorkspace, openSession, syncWorkspace } from './workspace';

const kit = useSyncTestKit();
const sync = (db: DB) => syncWorkspace(db, kit.vault(), 60_000);
/** A poll that never comes within the test: only applyRemote pushes. */
const NO_POLL_MS = 3_600_000;

it('sends a post created just before a colleague’s change is applied, its documents included', { timeout: 120_000 }, async () => {
  const data = kit.dir();
  const server = await kit.server(data);
  const [annToken, edToken] = invite(data, ['Ann Editor', 'editor'], ['Ed Itor', 'editor']);
  const ann = kit.laptop('ann');
  const ed = kit.laptop('ed');
  await joinWorkspace(ann.db, kit.vault(), { url: server.url, token: annToken! });
  await joinWorkspace(ed.db, kit.vault(), { url: server.url, token: edToken! });
  await sync(ed.db);

  const live = openSession(ann.db, kit.vault());
  try {
    live.startLive(NO_POLL_MS);
    await until("Ann's live session to be up to date", () => live.state() === 'up-to-date');
    const post = createPost(ann.db, { title: 'Written just now', body: bodyOf(['Ann’s first words.']) });
    // What a colleague's change arriving does: apply it, pushing what is waiting here first.
    live.applyRemote([]);
    await until("Ann's post to be on the server", () => live.state() === 'up-to-date', 30_000);
    await sync(ed.db);
    expect(getPost(ed.db, { id: post.id }).title).toBe('Written just now');
  } finally {
    live.close();
  }
});
