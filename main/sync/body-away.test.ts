/**
 * "Changed while you were away" on real stores: what a colleague changed in a body while this
 * member had it closed and was offline, found when the draft is opened again (after a restart of
 * the app: the last-seen mark is on disk), with who changed which paragraph, the member's own
 * changes left out, and nothing once it has been seen.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createPost } from '../../db/repos/posts';
import { awayChanges, markSeen, recordAuthor } from './body-away';
import { editFrom } from './body-binding';
import { bodyDocName } from './body-docs';
import { LocalDocs } from './local-docs';
import { bodyOf } from './testing/bodies';
import { useSyncTestKit } from './testing/laptops';

const kit = useSyncTestKit();
const ANN = { id: 'm-ann', name: 'Ann Editor' };
const ED = { id: 'm-ed', name: 'Ed Itor' };

/** An edit as a window makes it, recorded with its author as main records a window's update. */
function edit(doc: Y.Doc, paragraphs: string[], who: typeof ANN): Uint8Array {
  const update = editFrom(Y.encodeStateAsUpdate(doc), bodyOf(paragraphs) as never);
  Y.applyUpdate(doc, update, 'window');
  recordAuthor(doc, update, who);
  return update;
}

describe('changed while you were away', () => {
  it("lists others' changes since the member last had the draft open, after a period offline, with who made each", () => {
    const ann = kit.laptop('ann');
    const post = createPost(ann.db, { title: 'Rivers' });
    const name = bodyDocName(post.id);
    let docs = new LocalDocs(ann.db);
    const mine = docs.get(name);
    edit(mine, ['Alpha one here.', 'Beta two here.', 'Gamma three here.'], ANN);
    expect(awayChanges(ann.db, ANN, post.id, mine)).toBeNull(); // never had it open: nothing to compare with
    markSeen(ann.db, ANN.id, post.id, mine);

    // Ed's laptop has the body; Ann closes the draft and is offline. Ed changes two paragraphs
    // and removes the third; Ann, offline, changes the first paragraph herself.
    const eds = new Y.Doc({ gc: false });
    Y.applyUpdate(eds, Y.encodeStateAsUpdate(mine));
    edit(eds, ['Alpha one here.', 'Beta two changed by Ed.'], ED);
    edit(mine, ['Alpha one, Ann again.', 'Beta two here.', 'Gamma three here.'], ANN);

    // Back online: Ed's updates arrive. Ann restarts the app and opens the draft.
    Y.applyUpdate(mine, Y.encodeStateAsUpdate(eds, Y.encodeStateVector(mine)), 'team');
    docs.destroy();
    ann.restart();
    docs = new LocalDocs(ann.db);
    const away = awayChanges(ann.db, ANN, post.id, docs.get(name));
    expect(away).not.toBeNull();
    expect(away!.blocks).toBe(2);
    expect(away!.changes.map((c) => ({ paragraph: c.paragraph, by: c.by }))).toEqual([
      { paragraph: 1, by: ['Ed Itor'] },
      { paragraph: null, by: ['Ed Itor'] },
    ]);
    const beta = away!.changes[0]!.parts;
    expect(beta.filter((p) => p.added).map((p) => p.text).join('').trim()).toBe('changed by Ed');
    expect(beta.filter((p) => p.removed).map((p) => p.text).join('').trim()).toBe('here');
    expect(beta.map((p) => (p.removed ? '' : p.text)).join('')).toBe('Beta two changed by Ed.');
    expect(away!.changes[1]!.parts).toEqual([{ text: 'Gamma three here.', removed: true }]);

    // Seen: closing the draft marks it, and nothing is left to show.
    markSeen(ann.db, ANN.id, post.id, docs.get(name));
    expect(awayChanges(ann.db, ANN, post.id, docs.get(name))).toBeNull();
    docs.destroy();
  });
});
