/**
 * Draft bodies through the real team server: seeded exactly once, a joining member's own copy of
 * a post never doubled, remote edits projected into the posts table with no window open (and so
 * into `workbench export` and search), and whole-body saves merged with concurrent edits.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openDatabase, type DB } from '../../db/connection';
import { createPost, getPost } from '../../db/repos/posts';
import { listRevisions, getRevision } from '../../db/repos/revisions';
import { editorStateText } from '../../common/editor/state-text';
import { editFrom, readBody } from './body-binding';
import { BodyDocs } from './body-docs';
import { projectBody } from './body-projection';
import { LocalDocs } from './local-docs';
import { bodyOf, docParagraphs, paragraphsOf, rowText, until } from './testing/bodies';
import { useSyncTestKit, type Laptop } from './testing/laptops';
import { invite, workbench } from './testing/team-server-process';
import type { SyncSession } from './session';
import { discardRefused, joinWorkspace, listConflicts, listRefused, openSession, resolveConflict, syncWorkspace } from './workspace';
import { updatePost } from '../../db/repos/posts';

const kit = useSyncTestKit();
const sync = (db: DB) => syncWorkspace(db, kit.vault(), 60_000);
const THREE = ['Alpha one here.', 'Beta two here.', 'Gamma three here.'];

/** A second store holding a copy of a laptop's file as it is now (the same posts, the same ids). */
function copyOf(l: Laptop, name: string): { file: string; db: DB } {
  const file = path.join(kit.dir(), `${name}.sqlite`);
  l.db.exec(`VACUUM INTO '${file}'`);
  return { file, db: openDatabase(file) };
}

async function team() {
  const data = kit.dir();
  const server = await kit.server(data);
  const [admin, editor] = invite(data, ['Ann Admin', 'admin'], ['Ed Itor', 'editor']);
  return { data, server, admin: admin!, editor: editor! };
}

describe('draft bodies as shared documents', { timeout: 240_000 }, () => {
  it('seeds a body once, and a member joining with the same post takes it as is, never doubled', async () => {
    const { server, admin, editor } = await team();
    const a = kit.laptop('a');
    const post = createPost(a.db, { title: 'Shared', body: bodyOf(THREE) });
    const e = copyOf(a, 'e');
    try {
      await joinWorkspace(a.db, kit.vault(), { url: server.url, token: admin });
      await sync(a.db);
      await joinWorkspace(e.db, kit.vault(), { url: server.url, token: editor });
      await sync(e.db);
      await sync(a.db);
      for (const db of [a.db, e.db]) {
        expect(rowText(db, post.id)).toBe(THREE.join('\n'));
        const docs = new LocalDocs(db);
        expect(docParagraphs(docs.get(`body/${post.id}`))).toEqual(THREE);
        docs.destroy();
      }
      expect(getPost(e.db, { id: post.id }).wordCount).toBe(9);
      const s = openSession(e.db, kit.vault());
      expect(listConflicts(s)).toEqual([]);
      s.close();
    } finally {
      e.db.close();
    }
  });

  it('keeps a joining member’s different text as a revision, takes the workspace’s, and raises the choice', async () => {
    const { server, admin, editor } = await team();
    const a = kit.laptop('a');
    const post = createPost(a.db, { title: 'Shared', body: bodyOf(THREE) });
    const e = copyOf(a, 'e');
    try {
      e.db.prepare('UPDATE posts SET body = ?, body_text = ? WHERE id = ?').run(JSON.stringify(bodyOf(['Alpha one here.', 'Beta changed on my laptop.', 'Gamma three here.'])), 'x', post.id);
      await joinWorkspace(a.db, kit.vault(), { url: server.url, token: admin });
      await sync(a.db);
      await joinWorkspace(e.db, kit.vault(), { url: server.url, token: editor });
      await sync(e.db);
      await sync(a.db);
      for (const db of [a.db, e.db]) expect(rowText(db, post.id)).toBe(THREE.join('\n'));
      const kept = listRevisions(e.db, post.id).find((r) => r.reason.includes('before joining'));
      expect(paragraphsOf(getRevision(e.db, kept!.id).body as never)).toContain('Beta changed on my laptop.');
      const s = openSession(a.db, kit.vault());
      const [conflict, ...more] = listConflicts(s);
      s.close();
      expect(more).toEqual([]);
      const values = conflict!.choices.map((c) => String(c.value)).sort();
      expect(values).toEqual(['the workspace’s text', expect.stringContaining(`kept as revision ${kept!.id}`)]);

      // Picking this laptop's text restores it as an ordinary edit, which syncs.
      const se = openSession(e.db, kit.vault());
      const mine = listConflicts(se)[0]!.choices.findIndex((c) => String(c.value).includes(kept!.id)) + 1;
      resolveConflict(e.db, se, conflict!.id, mine);
      se.close();
      await sync(e.db);
      await sync(a.db);
      const want = ['Alpha one here.', 'Beta changed on my laptop.', 'Gamma three here.'].join('\n');
      for (const db of [a.db, e.db]) expect(rowText(db, post.id)).toBe(want);
      const sa = openSession(a.db, kit.vault());
      expect(listConflicts(sa)).toEqual([]);
      sa.close();
    } finally {
      e.db.close();
    }
  });

  it('projects a colleague’s edit into the posts table with no window open; export and search read it', async () => {
    const { server, admin, editor } = await team();
    const a = kit.laptop('a');
    const b = kit.laptop('b');
    const post = createPost(a.db, { title: 'Synced text', body: bodyOf(THREE) });
    await joinWorkspace(a.db, kit.vault(), { url: server.url, token: admin });
    await sync(a.db);
    await joinWorkspace(b.db, kit.vault(), { url: server.url, token: editor });
    await sync(b.db);
    const [sa, sb] = [a, b].map((l) => openSession(l.db, kit.vault()));
    try {
      sb!.startLive();
      sa!.connect();
      const doc = sa!.bodies.open(post.id);
      const edited = readBody(Y.encodeStateAsUpdate(doc));
      (edited.root.children[1] as unknown as { children: Array<{ text: string }> }).children[0]!.text = 'Beta now mentions zebrafish.';
      // As a window's edit arrives: any origin but main's own LOCAL one, so the projection follows.
      Y.applyUpdate(doc, editFrom(Y.encodeStateAsUpdate(doc), edited), 'window');
      await until('B’s posts row to follow', () => rowText(b.db, post.id).includes('zebrafish'));
      expect(b.db.prepare("SELECT count(*) FROM posts_fts WHERE posts_fts MATCH 'zebrafish'").pluck().get()).toBe(1);
      await until('A’s own row to follow its document', () => rowText(a.db, post.id).includes('zebrafish'));
    } finally {
      sa!.close();
      sb!.close();
    }
    const out = path.join(kit.dir(), 'synced.html');
    const r = workbench(['export', post.slug, '--out', out, '--db', b.file]);
    expect(r.status, r.stderr).toBe(0);
    const html = fs.readFileSync(out, 'utf8');
    expect(html).toContain('Beta now mentions zebrafish.');
    expect(html.match(/Alpha one here\./g)).toHaveLength(1);
  });

  /** A laptop live on a post whose body a window holds, typing `keys` keys 40 ms apart. */
  async function typeInWindow(keys: number, during: (session: SyncSession, postId: string, db: DB) => { after(): void }) {
    const { server, admin } = await team();
    const a = kit.laptop('a');
    const post = createPost(a.db, { title: 'Typed text', body: bodyOf(THREE) });
    await joinWorkspace(a.db, kit.vault(), { url: server.url, token: admin });
    await sync(a.db);
    const session = openSession(a.db, kit.vault());
    try {
      session.startLive();
      await until('the live session to be up to date', () => session.state() === 'up-to-date');
      // A window holds the body; each keystroke arrives as one update with the window's origin.
      const doc = session.bodies.open(post.id);
      const first = (doc.get('root', Y.XmlText).toDelta() as Array<{ insert: unknown }>).find((d) => d.insert instanceof Y.XmlText)!.insert as Y.XmlText;
      const probe = during(session, post.id, a.db);
      for (let i = 0; i < keys; i++) {
        doc.transact(() => first.insert(first.length, 'q'), 'window');
        // Slower than the old per-change settle (20 ms), faster than a pause in typing.
        await new Promise((r) => setTimeout(r, 40));
      }
      probe.after();
    } finally {
      session.close();
    }
    return a;
  }

  it('projects a window’s typing into the row once it pauses, not per keystroke, and at once when the window closes', async () => {
    const KEYS = 20;
    let before = 0;
    await typeInWindow(KEYS, (session, postId, db) => {
      const revision = () => db.prepare('SELECT revision FROM posts WHERE id = ?').pluck().get(postId) as number;
      before = revision();
      return {
        after() {
          // Each projection moves the revision on: one per keystroke was the old behaviour.
          expect(revision() - before).toBeLessThanOrEqual(KEYS / 4);
          session.bodies.release(postId);
          // The last window closed: the row has every key, without waiting.
          expect(rowText(db, postId)).toContain(`Alpha one here.${'q'.repeat(KEYS)}`);
        },
      };
    });
  });

  it('tells the windows the sync state once it settles, not at every keystroke of live typing', async () => {
    const KEYS = 20;
    await typeInWindow(KEYS, (session) => {
      let told = 0;
      const off = session.onChange((applied) => void (applied.length === 0 && told++));
      return {
        after() {
          off();
          // Each key went out and was acknowledged; the state flipped to syncing and back each time,
          // and the old session told the windows (which then re-read the status) at every flip.
          expect(told).toBeLessThanOrEqual(KEYS / 4);
        },
      };
    });
  });

  it('merges a whole-body posts.update made offline with a colleague’s offline edit of another paragraph', async () => {
    const { data, server, admin, editor } = await team();
    const a = kit.laptop('a');
    const e = kit.laptop('e');
    const post = createPost(a.db, { title: 'Two edits', body: bodyOf(THREE) });
    await joinWorkspace(a.db, kit.vault(), { url: server.url, token: admin });
    await sync(a.db);
    await joinWorkspace(e.db, kit.vault(), { url: server.url, token: editor });
    await sync(e.db);
    server.child.kill('SIGKILL');
    await server.exited;

    // A: a script's whole-body save, changing the first paragraph.
    const rev = getPost(a.db, { id: post.id }).revision;
    const input = { id: post.id, baseRevision: rev, body: bodyOf(['Alpha rewritten by a script.', THREE[1]!, THREE[2]!]) };
    const call = workbench(['call', 'posts.update', JSON.stringify(input), '--db', a.file], { ...process.env, WORKBENCH_KEY_FILE: path.join(kit.dir(), 'k') });
    expect(call.status, call.stderr).toBe(0);
    // A second script still holding the old revision: merged too, not refused, not overwriting the first.
    const stale = { id: post.id, baseRevision: rev, body: bodyOf([THREE[0]!, 'Beta edited on a stale base.', THREE[2]!]) };
    const again = workbench(['call', 'posts.update', JSON.stringify(stale), '--db', a.file], { ...process.env, WORKBENCH_KEY_FILE: path.join(kit.dir(), 'k') });
    expect(again.status, again.stderr).toBe(0);
    expect(rowText(a.db, post.id)).toBe(['Alpha rewritten by a script.', 'Beta edited on a stale base.', THREE[2]].join('\n'));
    // E: the last paragraph, through the body document as the editor changes it.
    const docs = new LocalDocs(e.db);
    const doc = new BodyDocs(docs).open(post.id);
    const edited = readBody(Y.encodeStateAsUpdate(doc));
    (edited.root.children[2] as unknown as { children: Array<{ text: string }> }).children[0]!.text = 'Gamma changed in the editor.';
    Y.applyUpdate(doc, editFrom(Y.encodeStateAsUpdate(doc), edited), 'window');
    expect(projectBody(e.db, docs, post.id)).toBe('written');
    docs.destroy();

    await kit.server(data, server.port);
    await sync(a.db);
    await sync(e.db);
    await sync(a.db);
    const want = ['Alpha rewritten by a script.', 'Beta edited on a stale base.', 'Gamma changed in the editor.'].join('\n');
    for (const db of [a.db, e.db]) expect(rowText(db, post.id)).toBe(want);
    expect(editorStateText(getPost(e.db, { id: post.id }).body)).toBe(want);
  });

  it('lists a reviewer’s change to a body as refused, never sends it, and puts the team’s text back on discard', async () => {
    const { data, server, admin } = await team();
    const [reviewer] = invite(data, ['Rae Viewer', 'reviewer']);
    const a = kit.laptop('a');
    const r = kit.laptop('r');
    const post = createPost(a.db, { title: 'Guarded', body: bodyOf(THREE) });
    await joinWorkspace(a.db, kit.vault(), { url: server.url, token: admin });
    await sync(a.db);
    await joinWorkspace(r.db, kit.vault(), { url: server.url, token: reviewer! });
    await sync(r.db);
    const p = getPost(r.db, { id: post.id });
    updatePost(r.db, { id: post.id, baseRevision: p.revision, body: bodyOf(['Reviewer rewrote it.']) });
    await sync(r.db);
    await sync(a.db);
    expect(listRefused(r.db)).toEqual([expect.objectContaining({ table: 'posts', field: 'body', value: 'Reviewer rewrote it.' })]);
    expect(rowText(a.db, post.id)).toBe(THREE.join('\n'));
    expect(rowText(r.db, post.id)).toBe('Reviewer rewrote it.');
    const s = openSession(r.db, kit.vault());
    expect(discardRefused(r.db, s)).toBe(1);
    s.close();
    expect(rowText(r.db, post.id)).toBe(THREE.join('\n'));
  });
});
