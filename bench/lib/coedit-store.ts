/**
 * The stores the co-editing bench and its profiles open: the long draft alone, once joined to a
 * real team server (its body seeded as a Yjs document) and once left out of any workspace.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../db/connection';
import { createPost, getPost } from '../../db/repos/posts';
import { invite, startServerProcess } from '../../main/sync/testing/team-server-process';
import { KeyFileVault } from '../../main/sync/token-vault';
import { joinWorkspace, syncWorkspace } from '../../main/sync/workspace';
import { LONG_DRAFT_TITLE } from '../generate/dataset';

/** A store holding only the long draft (the whole data set would make seeding the workspace the bench). */
function longDraftStore(src: string, dest: string): void {
  const from = openDatabase(src, { readonly: true });
  const to = openDatabase(dest);
  try {
    const id = (from.prepare('SELECT id FROM posts WHERE title = ?').pluck().get(LONG_DRAFT_TITLE) as string | undefined) ?? '';
    createPost(to, { title: LONG_DRAFT_TITLE, body: getPost(from, { id }).body });
  } finally {
    from.close();
    to.close();
  }
}

export interface CoEditStores {
  /** The long draft in a store joined to the team server: co-editing on. */
  onDb: string;
  /** The same draft in a store of no workspace: co-editing off. */
  offDb: string;
  /** The app's key file (WORKBENCH_KEY_FILE), holding the member's token. */
  keyFile: string;
  /** Stops the team server. */
  stop: () => Promise<void>;
}

/** Makes both stores in `work` (emptied first) from the data set's store `src`, with a team server running. */
export async function coEditStores(src: string, work: string): Promise<CoEditStores> {
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  const offDb = path.join(work, 'off.sqlite');
  const onDb = path.join(work, 'on.sqlite');
  longDraftStore(src, offDb);
  longDraftStore(src, onDb);
  const keyFile = path.join(work, 'workspace.key');
  const team = await startServerProcess(path.join(work, 'server'));
  const stop = async () => {
    team.child.kill('SIGTERM');
    await team.exited;
  };
  try {
    const [token] = invite(path.join(work, 'server'), ['Ann Admin', 'admin']);
    const vault = new KeyFileVault(keyFile);
    const db = openDatabase(onDb);
    try {
      await joinWorkspace(db, vault, { url: team.url, token });
      await syncWorkspace(db, vault, 120_000);
      const postId = db.prepare('SELECT id FROM posts').pluck().get() as string;
      if (!db.prepare('SELECT 1 FROM sync_doc_updates WHERE doc = ?').get(`body/${postId}`)) throw new Error('the long draft was not seeded as a body document');
    } finally {
      db.close();
    }
  } catch (e) {
    await stop();
    throw e;
  }
  return { onDb, offDb, keyFile, stop };
}
