/**
 * "Changed while you were away": what other members changed in a draft body since this member
 * last had it open, paragraph by paragraph, with who changed each and a word diff.
 *
 * - Who: the body document carries `authors`, each Yjs client id that wrote to it with its member
 *   (written by main as a window's or a save's update comes in), and `deleted`, per member, the
 *   Yjs delete set of what they removed (Yjs records who inserted an item, not who deleted it).
 * - Since when: sync_body_seen (migration 0230) keeps a Yjs snapshot of the document when the
 *   member last closed the draft. It is on disk, so the changes that arrive after a day offline
 *   are found like any others when the draft is next opened.
 */
import { diffArrays, diffWords } from 'diff';
import * as Y from 'yjs';
import type { AwayChanges } from '../../common/api/co-editing';
import type { EditorState } from '../../common/domain';
import { editorStateText } from '../../common/editor/state-text';
import type { DB } from '../../db/connection';
import { stateAt } from './body-bases';
import { readBody, readDocBody } from './body-binding';
import { LOCAL } from './local-docs';

/** Yjs's delete set (not exported as a type by name). */
type DeleteSet = Y.Snapshot['ds'];

export interface Author {
  id: string;
  name: string;
}

const authorsOf = (doc: Y.Doc) => doc.getMap<Author>('authors');
const deletedOf = (doc: Y.Doc) => doc.getMap<Uint8Array>('deleted');

/**
 * Records who made an update applied to the body: its new client ids, and what it deleted. Runs
 * after the update is in; its own writes are LOCAL (pushed to the team, never re-projected).
 */
export function recordAuthor(doc: Y.Doc, update: Uint8Array, author: Author): void {
  const { from, to } = Y.parseUpdateMeta(update);
  const authors = authorsOf(doc);
  const fresh = [...to.keys()].filter((c) => (to.get(c) ?? 0) > (from.get(c) ?? 0) && authors.get(String(c))?.id !== author.id);
  const { ds } = Y.decodeUpdate(update);
  if (fresh.length === 0 && ds.clients.size === 0) return;
  doc.transact(() => {
    for (const c of fresh) authors.set(String(c), author);
    if (ds.clients.size > 0) {
      const had = deletedOf(doc).get(author.id);
      const merged = had ? Y.mergeDeleteSets([Y.decodeSnapshot(had).ds, ds]) : ds;
      deletedOf(doc).set(author.id, Y.encodeSnapshot(Y.createSnapshot(merged, new Map())));
    }
  }, LOCAL);
}

/** The document as the member has now seen it (they closed the draft). */
export function markSeen(db: DB, memberId: string, postId: string, doc: Y.Doc): void {
  db.prepare('INSERT OR REPLACE INTO sync_body_seen (member_id, post_id, snapshot, at) VALUES (?, ?, ?, ?)').run(
    memberId, postId, Buffer.from(Y.encodeSnapshot(Y.snapshot(doc))), new Date().toISOString(),
  );
}

const paragraphs = (body: EditorState): string[] => body.root.children.map((child) => editorStateText({ root: { ...body.root, children: [child] } } as EditorState));

const before = (item: Y.Item, s: Y.Snapshot) => item.id.clock < (s.sv.get(item.id.client) ?? 0);
const visibleAt = (item: Y.Item, s: Y.Snapshot) => before(item, s) && !Y.isDeleted(s.ds, item.id);

/** The members who inserted or deleted anything under a block since the snapshot. */
function changers(type: Y.AbstractType<unknown>, since: Y.Snapshot, doc: Y.Doc, deleters: Array<[string, DeleteSet]>, out: Set<string>): void {
  const authors = authorsOf(doc);
  for (let item = type._start; item; item = item.right) {
    if (!before(item, since) && !item.deleted) out.add(authors.get(String(item.id.client))?.id ?? '');
    else if (item.deleted && visibleAt(item, since)) {
      const who = deleters.filter(([, ds]) => Y.isDeleted(ds, item.id)).map(([id]) => id);
      for (const id of who.length > 0 ? who : ['']) out.add(id);
    }
    if (item.content instanceof Y.ContentType) changers(item.content.type as Y.AbstractType<unknown>, since, doc, deleters, out);
  }
}

/** Whether the member ever closed the draft here (nothing to compare with otherwise). */
export function hasSeen(db: DB, memberId: string, postId: string): boolean {
  return db.prepare('SELECT 1 FROM sync_body_seen WHERE member_id = ? AND post_id = ?').get(memberId, postId) !== undefined;
}

/**
 * Others' changes to the body since the member last had it open, or null when they never had it
 * open here (nothing to compare with) or nobody else changed it.
 */
export function awayChanges(db: DB, member: Author, postId: string, doc: Y.Doc): AwayChanges | null {
  const seen = db.prepare('SELECT snapshot, at FROM sync_body_seen WHERE member_id = ? AND post_id = ?').get(member.id, postId) as { snapshot: Buffer; at: string } | undefined;
  if (!seen) return null;
  const since = Y.decodeSnapshot(new Uint8Array(seen.snapshot));
  // Nothing happened since (a draft closed and opened again, the usual case): no need to replay the
  // body twice, which on a 36,000-word draft held the main process, and so the window's stream
  // that brings the text, for most of a second.
  if (Y.equalSnapshots(since, Y.snapshot(doc))) return null;
  const then = paragraphs(readBody(stateAt(doc, since)) as unknown as EditorState);
  const now = paragraphs(readDocBody(doc) as unknown as EditorState);
  // The root's blocks as Yjs items, in the order of the body's paragraphs then and now.
  const root = doc.get('root', Y.XmlText);
  const oldItems: Y.Item[] = [];
  const newItems: Y.Item[] = [];
  for (let item = root._start; item; item = item.right) {
    if (visibleAt(item, since)) oldItems.push(item);
    if (!item.deleted) newItems.push(item);
  }
  const aligned = oldItems.length === then.length && newItems.length === now.length;
  const deleters = [...deletedOf(doc).entries()].map(([id, bytes]) => [id, Y.decodeSnapshot(bytes).ds] as [string, DeleteSet]);
  const names = new Map<string, string>([...authorsOf(doc).values()].map((a) => [a.id, a.name]));
  const whoChanged = (blocks: Array<Y.Item | undefined>): string[] | null => {
    if (!aligned) return [];
    const ids = new Set<string>();
    for (const b of blocks) {
      if (!b) continue;
      if (b.content instanceof Y.ContentType) changers(b.content.type as Y.AbstractType<unknown>, since, doc, deleters, ids);
      if (!before(b, since)) ids.add(authorsOf(doc).get(String(b.id.client))?.id ?? '');
      if (b.deleted && visibleAt(b, since)) for (const [id, ds] of deleters) if (Y.isDeleted(ds, b.id)) ids.add(id);
    }
    ids.delete(member.id);
    if (ids.size === 0) return null;
    return [...ids].map((id) => (id ? names.get(id) ?? 'a colleague' : 'a colleague')).filter((n, i, all) => all.indexOf(n) === i).sort();
  };

  const changes: AwayChanges['changes'] = [];
  const steps = diffArrays(then, now);
  let i = 0;
  let j = 0;
  for (let s = 0; s < steps.length; s++) {
    const step = steps[s]!;
    const n = step.count ?? step.value.length;
    if (!step.added && !step.removed) {
      i += n;
      j += n;
      continue;
    }
    const removed = step.removed ? n : 0;
    const next = step.removed && steps[s + 1]?.added ? steps[++s]! : step.added ? step : undefined;
    const added = next ? next.count ?? next.value.length : 0;
    for (let k = 0; k < Math.max(removed, added); k++) {
      const was = k < removed ? then[i + k]! : '';
      const is = k < added ? now[j + k]! : '';
      const by = whoChanged([k < removed ? oldItems[i + k] : undefined, k < added ? newItems[j + k] : undefined]);
      if (!by) continue;
      const parts = diffWords(was, is).map((p) => ({ text: p.value, ...(p.added ? { added: true } : {}), ...(p.removed ? { removed: true } : {}) }));
      changes.push({ paragraph: k < added ? j + k : null, by, parts });
    }
    i += removed;
    j += added;
  }
  return changes.length > 0 ? { since: seen.at, blocks: now.length, changes } : null;
}
