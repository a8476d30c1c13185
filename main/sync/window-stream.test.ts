/**
 * The window's stream, against a real browser-mode HTTP server on 127.0.0.1 and real Hocuspocus
 * providers (as the page runs them) and a main document kept in a real SQLite file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../../db/connection';
import { startServer, type RunningServer } from '../http';
import { STREAM_PATH } from '../../common/transport';
import { lendableDoc } from './lendable-doc';
import { LocalDocs } from './local-docs';
import { refuse, WindowStream, type StreamSource } from './window-stream';
import { until as waitFor } from './testing/co-editors';
import { streamClient } from './testing/stream-client';
import { bindHeadlessEditor } from '../../common/editor/headless-binding';
import { $suggestInsertText } from '../../common/editor/suggestion-edits';
import { $find } from '../../common/editor/testing/words';
import { mayWriteBody } from '../../common/sync/body-writes';
import { parseRefusal } from '../../common/sync/window-refusal';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';

const until = (check: () => boolean, what: string) => waitFor(what, check, 10_000);

const NAME = 'body/0190a0b2-7c1d-7000-8000-000000000001';
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(o: { readOnly?: boolean; mayWrite?: ReturnType<StreamSource['check']>['mayWrite'] } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-stream-'));
  fs.mkdirSync(path.join(dir, 'www'));
  fs.writeFileSync(path.join(dir, 'www', 'index.html'), '<html><head></head></html>');
  const db: DB = openDatabase(path.join(dir, 'store.sqlite'));
  const heard: string[] = [];
  // The session projects what LocalDocs reports here into the posts table.
  const docs = new LocalDocs(db, (name) => heard.push(name), lendableDoc);
  const team = new Awareness(docs.get(NAME));
  team.setLocalState(null);
  let holds = 0;
  const source: StreamSource = {
    check: (name) => {
      if (name !== NAME) throw refuse(`unknown-document: ${name}`);
      return { readOnly: o.readOnly ?? false, mayWrite: o.mayWrite };
    },
    open: (name) => {
      holds++;
      return { doc: docs.get(name), awareness: team, release: () => holds-- };
    },
  };
  let stream: WindowStream | undefined;
  const server: RunningServer = await startServer({
    dispatch: async () => ({ ok: true, value: null }),
    rendererDir: path.join(dir, 'www'),
    upgrade: (req, socket, head, secret) => {
      stream ??= new WindowStream(source, secret);
      stream.handleUpgrade(req, socket, head);
    },
  });
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  cleanups.push(() => db.close());
  cleanups.push(() => server.close());
  cleanups.push(() => stream?.close());
  return { db, docs, team, server, heard, holds: () => holds, mainDoc: docs.get(NAME) };
}

/** A page's provider: the page's origin on the socket, as a browser sends it. */
function windowClient(server: RunningServer, token: string, origin = `http://127.0.0.1:${server.port}`, attempts = 1, attach = true) {
  const client = streamClient(`ws://127.0.0.1:${server.port}${STREAM_PATH}`, NAME, token, origin, attempts, attach);
  cleanups.push(() => client.destroy());
  return client;
}

describe('the window stream', () => {
  it('carries typing from one window to main (on disk before the acknowledgement) and to a second window', async () => {
    const s = await setup();
    const a = windowClient(s.server, s.server.secret);
    const b = windowClient(s.server, s.server.secret);
    await until(() => a.provider.isSynced && b.provider.isSynced, 'both windows synced');
    const stored = () => s.db.prepare('SELECT count(*) FROM sync_doc_updates WHERE doc = ?').pluck().get(NAME) as number;
    const before = stored();
    // Checked at the moment the provider hears the acknowledgement: the update is already in SQLite.
    let storedAtAck = -1;
    a.provider.on('unsyncedChanges', ({ number }: { number: number }) => {
      if (number === 0) storedAtAck = stored();
    });
    a.doc.get('root', Y.XmlText).insert(0, 'Hello from A');
    await until(() => b.text() === 'Hello from A', 'B to see A');
    await until(() => storedAtAck !== -1, 'the acknowledgement');
    expect(storedAtAck).toBeGreaterThan(before);
    expect(s.mainDoc.get('root', Y.XmlText).toString()).toBe('Hello from A');
    // Reported for projection into the posts table, as a colleague's change is.
    expect(s.heard).toContain(NAME);
    // And a change main receives (from the team server) reaches both windows.
    s.mainDoc.get('root', Y.XmlText).insert(0, '» ');
    await until(() => a.text() === '» Hello from A' && b.text() === '» Hello from A', 'main to reach the windows');
    // A restart of main replays the file: nothing acknowledged is lost.
    const again = new LocalDocs(s.db).get(NAME);
    expect(again.get('root', Y.XmlText).toString()).toBe('» Hello from A');
  });

  it('a window that opens a draft the moment another closed it hears main, every time (not the copy being unloaded)', async () => {
    const s = await setup();
    s.mainDoc.get('root', Y.XmlText).insert(0, 'Seeded');
    // A window that resyncs (a guest's refused change) closes the body and opens it again at once.
    // The second connection can be handed the copy the first one's close is unloading (Hocuspocus
    // 4's race, common/sync/unloading-race.ts): it must be reset and reconnect to the copy held.
    // (The race is rare here: this test passed on the unguarded stream too; it checks the path.)
    for (let round = 1; round <= 25; round++) {
      const first = windowClient(s.server, s.server.secret, undefined, 10);
      const second = windowClient(s.server, s.server.secret, undefined, 10, false);
      await until(() => first.provider.isSynced && second.socket.status === 'connected', `round ${round}: the first window synced, the second's socket open`);
      // In one turn: the first closes the draft, the second opens it.
      first.destroy();
      second.provider.attach();
      await until(() => second.provider.isSynced && second.text() === s.mainDoc.get('root', Y.XmlText).toString(), `round ${round}: the second window to have main's text`);
      s.mainDoc.get('root', Y.XmlText).insert(0, `${round} `);
      await until(() => second.text().startsWith(`${round} `), `round ${round}: the second window to hear main's next change`);
      second.destroy();
    }
    expect(s.holds()).toBeLessThanOrEqual(1);
  });

  it("relays each window's awareness to the team side and the team's to every window, never echoing a window to itself", async () => {
    const s = await setup();
    const a = windowClient(s.server, s.server.secret);
    const b = windowClient(s.server, s.server.secret);
    await until(() => a.provider.isSynced && b.provider.isSynced, 'both windows synced');
    a.provider.awareness!.setLocalStateField('name', 'Ann');
    await until(() => [...s.team.getStates().values()].some((st) => st.name === 'Ann'), 'Ann on the team side');
    await until(() => [...b.provider.awareness!.getStates().values()].some((st) => st.name === 'Ann'), 'Ann in window B');
    // A colleague on another laptop, as the team server delivers them.
    const colleague = new Awareness(new Y.Doc());
    colleague.setLocalState({ name: 'Ed', color: '#0a5' });
    const { applyAwarenessUpdate, encodeAwarenessUpdate } = await import('y-protocols/awareness');
    applyAwarenessUpdate(s.team, encodeAwarenessUpdate(colleague, [colleague.clientID]), 'team-server');
    await until(() => [a, b].every((w) => [...w.provider.awareness!.getStates().values()].some((st) => st.name === 'Ed')), 'Ed in both windows');
    expect([...a.provider.awareness!.getStates().keys()].filter((k) => k === a.doc.clientID)).toHaveLength(1);
  });

  it('refuses a wrong secret, another document, and a page from another origin', async () => {
    const s = await setup();
    const wrong = windowClient(s.server, 'not-the-secret');
    await until(() => wrong.failures.length > 0, 'the refusal');
    expect(wrong.failures[0]).toMatch(/invalid-secret/);
    expect(wrong.text()).toBe('');
    const evil = windowClient(s.server, s.server.secret, 'http://evil.example');
    await new Promise((r) => setTimeout(r, 300));
    expect(evil.provider.isSynced).toBe(false);
    const refused = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${s.server.port}${STREAM_PATH}`, { origin: 'http://evil.example' });
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => resolve(101));
    });
    expect(refused).toBe(403);
    expect(s.holds()).toBe(0);
  });

  it("keeps a read-only member's window from changing main's document", async () => {
    const s = await setup({ readOnly: true });
    s.mainDoc.get('root', Y.XmlText).insert(0, 'Stored text');
    const a = windowClient(s.server, s.server.secret);
    await until(() => a.provider.isSynced, 'synced');
    expect(a.text()).toBe('Stored text');
    a.doc.get('root', Y.XmlText).insert(0, 'NOT ALLOWED ');
    await new Promise((r) => setTimeout(r, 300));
    expect(s.mainDoc.get('root', Y.XmlText).toString()).toBe('Stored text');
  });

  it("tells a guest author's window why it refused an update, and the window's next allowed update, once resynced, is applied", async () => {
    const GUS = { id: 'm-gus', name: 'Gus Guest' };
    const s = await setup({ mayWrite: (update, current) => mayWriteBody({ role: 'guest-author', memberId: GUS.id }, update, current) });
    // The draft as an editor wrote it, through a Lexical editor bound as a window's is.
    const seed = bindHeadlessEditor();
    seed.editor.update(() => $getRoot().append($createParagraphNode().append($createTextNode('Gus wrote this.'))), { discrete: true });
    Y.applyUpdate(s.mainDoc, Y.encodeStateAsUpdate(seed.doc));
    const stored = Y.encodeStateAsUpdate(s.mainDoc);

    const a = windowClient(s.server, s.server.secret);
    const refusals: string[] = [];
    a.provider.on('stateless', ({ payload }: { payload: string }) => {
      const reason = parseRefusal(payload);
      if (reason !== null) refusals.push(reason);
    });
    await until(() => a.provider.isSynced, 'synced');
    // The paragraph deleted outright: a change to the text itself.
    a.doc.get('root', Y.XmlText).delete(0, 1);
    await until(() => refusals.length > 0, 'the refusal');
    expect(refusals[0]).toMatch(/^A guest author may suggest changes.*changes the text itself/);
    expect(Y.encodeStateAsUpdate(s.mainDoc)).toEqual(stored);

    // The window drops its copy and opens the body again (CoEditPlugin), then suggests: applied.
    a.destroy();
    const again = windowClient(s.server, s.server.secret);
    await until(() => again.provider.isSynced, 'resynced');
    const window = bindHeadlessEditor();
    Y.applyUpdate(window.doc, Y.encodeStateAsUpdate(again.doc));
    window.editor.read(() => undefined);
    const known = Y.encodeStateVector(again.doc);
    window.editor.update(() => {
      const [text, at] = $find(0, 'wrote');
      text.select(at, at);
      $suggestInsertText('really ', GUS);
    }, { discrete: true });
    Y.applyUpdate(again.doc, Y.encodeStateAsUpdate(window.doc, known));
    await until(() => s.mainDoc.get('root', Y.XmlText).toString().includes('really '), "the suggestion in main's document");
    await until(() => !again.provider.hasUnsyncedChanges, 'the acknowledgement');
  });
});

describe('the window stream when main fails on an update', () => {
  it("keeps relaying a window's typing to main and to disk after one write of main's fails", async () => {
    const s = await setup();
    // One write of main's document to SQLite fails (as a full disk or a locked file would), once.
    let failNext = false;
    s.db.function('wb_fail_once', () => (failNext ? ((failNext = false), 1) : 0));
    s.db.exec("CREATE TEMP TRIGGER wb_fail BEFORE INSERT ON sync_doc_updates WHEN wb_fail_once() = 1 BEGIN SELECT RAISE(ABORT, 'injected: the write failed'); END");
    const a = windowClient(s.server, s.server.secret);
    const b = windowClient(s.server, s.server.secret);
    await until(() => a.provider.isSynced && b.provider.isSynced, 'both windows synced');
    const text = a.doc.get('root', Y.XmlText);
    text.insert(0, 'Ann writes f');
    await until(() => s.mainDoc.get('root', Y.XmlText).toString() === 'Ann writes f', 'the first words in main');
    failNext = true;
    text.insert(text.length, 'i');
    text.insert(text.length, 'rst.');
    await until(() => b.text() === 'Ann writes first.', 'the rest in the other window');
    await until(() => s.mainDoc.get('root', Y.XmlText).toString() === 'Ann writes first.', 'the rest in main');
    // Main keeps telling its listeners (the team server's provider is one): a change of its own reaches both windows.
    s.mainDoc.get('root', Y.XmlText).insert(0, '» ');
    await until(() => a.text() === '» Ann writes first.' && b.text() === '» Ann writes first.', "main's change in both windows");
    // The failed write was made good: a restart of main replays the whole text.
    expect(new LocalDocs(s.db).get(NAME).get('root', Y.XmlText).toString()).toBe('» Ann writes first.');
  });

  it('keeps the windows on a draft and main hearing each other when a listener of main fails on an update', async () => {
    const s = await setup();
    let failNext = false;
    s.mainDoc.on('update', () => {
      if (failNext) {
        failNext = false;
        throw new Error('injected: a listener of main failed');
      }
    });
    const a = windowClient(s.server, s.server.secret);
    const b = windowClient(s.server, s.server.secret);
    await until(() => a.provider.isSynced && b.provider.isSynced, 'both windows synced');
    const text = b.doc.get('root', Y.XmlText);
    text.insert(0, 'Then wi');
    await until(() => a.text() === 'Then wi', 'the first words in window A');
    failNext = true;
    text.insert(text.length, 'n');
    text.insert(text.length, 'dow B.');
    await until(() => a.text() === 'Then window B.', 'the rest in window A');
    // The windows share main's document: it must not go deaf either (on disk, and main's own changes out).
    expect(new LocalDocs(s.db).get(NAME).get('root', Y.XmlText).toString()).toBe('Then window B.');
    s.mainDoc.get('root', Y.XmlText).insert(0, '» ');
    await until(() => a.text() === '» Then window B.' && b.text() === '» Then window B.', "main's change in both windows");
  });
});
