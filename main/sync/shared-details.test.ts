/**
 * A post's guest authors, pictures, annotation tags, annotations and reply drafts travel between
 * two laptops (real SQLite files) through a real team server process: made, changed, deleted and
 * restored on either side, both stores end with the same rows.
 */
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createPost } from '../../db/repos/posts';
import { createAuthor, setPostAuthors } from '../../db/repos/authors';
import { saveAsset } from '../../db/repos/assets';
import { featuredImageOf, setFeaturedImage } from '../../db/repos/checklist';
import { addRule, removeRule, setRuleEnabled } from '../../db/repos/moderation-rules';
import { createTag, deleteTag, listTags } from '../../db/repos/tags';
import { createAnnotation, deleteAnnotation, getAnnotation, updateAnnotation } from '../../db/repos/annotations';
import { getReply, saveReply } from '../../db/repos/replies';
import { insertRawComment } from '../../db/testing/raw-rows';
import type { DB } from '../../db/connection';
import { invite } from './testing/team-server-process';
import { useSyncTestKit, type Laptop } from './testing/laptops';
import { joinWorkspace, syncWorkspace } from './workspace';
import { BLOB_PART_BYTES } from './blobs';

const kit = useSyncTestKit();
const sync = (l: Laptop) => syncWorkspace(l.db, kit.vault(), 60_000);

/** The shared detail rows as data, with comments named by source id (their local ids differ). */
export function detailDump(db: DB) {
  return {
    bylines: db.prepare('SELECT post_id, author_id, position, deleted_at FROM post_authors ORDER BY post_id, author_id').all(),
    assets: (db.prepare('SELECT id, post_id, file_name, mime, sha256, size, deleted_at, data FROM assets ORDER BY id').all() as Array<Record<string, unknown>>).map(({ data, ...a }) => ({
      ...a,
      bytesHash: crypto.createHash('sha256').update(data as Buffer).digest('hex'),
    })),
    tags: db.prepare('SELECT id, name, color, deleted_at FROM tags ORDER BY id').all(),
    annotations: db
      .prepare('SELECT a.id, c.source_id, a.start, a."end", a.quote, a.tag_id, a.note, a.reviewer, a.deleted_at FROM annotations a JOIN comments c ON c.id = a.comment_id ORDER BY a.id')
      .all(),
    rules: db.prepare('SELECT id, kind, params, enabled, deleted_at FROM moderation_rules ORDER BY id').all(),
    replies: db.prepare('SELECT r.id, c.source_id, r.body, r.body_text, r.status, r.deleted_at FROM reply_drafts r JOIN comments c ON c.id = r.comment_id ORDER BY r.id').all(),
  };
}

/** A PNG by its signature, big enough to need two blob parts. */
function bigPicture(): Buffer {
  const body = crypto.randomBytes(BLOB_PART_BYTES + 1000);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(body);
  return body;
}

const commentId = (db: DB, sourceId: string) => db.prepare('SELECT id FROM comments WHERE source_id = ?').pluck().get(sourceId) as string;

describe('shared details of posts and comments', { timeout: 300_000 }, () => {
  it('carries guest authors, pictures, tags, annotations and reply drafts both ways, with deletes and restores', async () => {
    const data = kit.dir();
    const [annToken, bobToken] = invite(data, ['Ann Admin', 'admin'], ['Bob Admin', 'admin']);
    const server = await kit.server(data);

    const a = kit.laptop('a');
    const post = createPost(a.db, { title: 'Nursing at home' });
    const ada = createAuthor(a.db, { name: 'Dr Ada Guest', role: 'Nurse' });
    const ben = createAuthor(a.db, { name: 'Ben Second' });
    setPostAuthors(a.db, post.id, [ben.id, ada.id]);
    const picture = bigPicture();
    const asset = saveAsset(a.db, { postId: post.id, fileName: 'ward.png', data: picture });
    setFeaturedImage(a.db, post.id, asset.id, 'A nurse on a home visit');
    insertRawComment(a.db, { id: '0190a0b2-7c1d-7000-8000-00000000c101', postId: post.id, sourceId: 'c1', status: 'pending' });
    const urgent = createTag(a.db, { name: 'urgent', color: 'red' });
    const onA = createAnnotation(a.db, { commentId: commentId(a.db, 'c1'), start: 0, end: 2, quote: 'hi', tagId: urgent.id, note: 'Reply today', reviewer: 'Ann' });
    saveReply(a.db, { commentId: commentId(a.db, 'c1'), baseRevision: 0, body: '{"root":1}', text: 'Thank you', status: 'draft' });
    const holdFirst = addRule(a.db, { kind: 'banned', params: { phrases: ['cheap meds'] } });
    const links = addRule(a.db, { kind: 'links', params: { max: 5 } });
    await joinWorkspace(a.db, kit.vault(), { url: server.url, token: annToken });
    await sync(a);

    // Bob's store already has the starter tags (made here with other ids) before it joins.
    const b = kit.laptop('b');
    expect(listTags(b.db).map((t) => t.name)).toContain('needs reply');
    await joinWorkspace(b.db, kit.vault(), { url: server.url, token: bobToken });
    await sync(b);
    await sync(a);
    await sync(b);
    expect(detailDump(b.db)).toEqual(detailDump(a.db));
    expect(b.db.prepare('SELECT author_id FROM post_authors WHERE post_id = ? ORDER BY position').pluck().all(post.id)).toEqual([ben.id, ada.id]);
    expect((b.db.prepare('SELECT data FROM assets WHERE id = ?').pluck().get(asset.id) as Buffer).equals(picture)).toBe(true);
    expect(featuredImageOf(b.db, post.id)).toEqual({ assetId: asset.id, alt: 'A nurse on a home visit' });
    expect(getAnnotation(b.db, onA.id)).toMatchObject({ note: 'Reply today', tagName: 'urgent', quote: 'hi' });
    expect(getReply(b.db, commentId(b.db, 'c1'))).toMatchObject({ text: 'Thank you', status: 'draft' });
    // One tag per name on both laptops: the starter tags made apart became one each.
    expect(listTags(b.db).map((t) => t.name).sort()).toEqual(['needs reply', 'off-topic', 'patient safety', 'quote-worthy', 'urgent']);
    // Each store's three starter rules, made apart, are kept once.
    expect(b.db.prepare('SELECT count(*) FROM moderation_rules').pluck().get()).toBe(5);
    const tagsOf = (db: DB) => listTags(db).map(({ updatedAt: _u, ...t }) => t);
    expect(tagsOf(b.db)).toEqual(tagsOf(a.db));

    // Bob removes a guest author, edits and deletes annotations, removes a tag, readies the reply.
    setPostAuthors(b.db, post.id, [ada.id]);
    const note = getAnnotation(b.db, onA.id);
    updateAnnotation(b.db, { id: onA.id, baseRevision: note.revision, note: 'Replied by phone' });
    const second = createAnnotation(b.db, { commentId: commentId(b.db, 'c1'), start: 0, end: 1, quote: 'h', note: 'gone soon' });
    deleteAnnotation(b.db, second.id);
    const offTopic = listTags(b.db).find((t) => t.name === 'off-topic')!;
    deleteTag(b.db, offTopic.id);
    setRuleEnabled(b.db, holdFirst.id, false);
    removeRule(b.db, links.id);
    const reply = getReply(b.db, commentId(b.db, 'c1'))!;
    saveReply(b.db, { commentId: commentId(b.db, 'c1'), baseRevision: reply.revision, body: '{"root":2}', text: 'Thank you, we will', status: 'ready' });
    await sync(b);
    await sync(a);
    expect(detailDump(a.db)).toEqual(detailDump(b.db));
    expect(a.db.prepare('SELECT author_id FROM post_authors WHERE post_id = ? AND deleted_at IS NULL').pluck().all(post.id)).toEqual([ada.id]);
    expect(getAnnotation(a.db, onA.id).note).toBe('Replied by phone');
    expect(() => getAnnotation(a.db, second.id)).toThrow(/No annotation/);
    expect(listTags(a.db).map((t) => t.name)).not.toContain('off-topic');
    expect(a.db.prepare('SELECT id, enabled, deleted_at IS NOT NULL AS removed FROM moderation_rules WHERE id IN (?, ?) ORDER BY id').all(holdFirst.id, links.id)).toEqual([
      { id: holdFirst.id, enabled: 0, removed: 0 },
      { id: links.id, enabled: 1, removed: 1 },
    ]);
    expect(getReply(a.db, commentId(a.db, 'c1'))).toMatchObject({ status: 'ready', text: 'Thank you, we will' });

    // Ann restores both: the guest author back first in the byline, the tag by its name.
    setPostAuthors(a.db, post.id, [ben.id, ada.id]);
    createTag(a.db, { name: 'off-topic', color: 'grey' });
    await sync(a);
    await sync(b);
    expect(detailDump(b.db)).toEqual(detailDump(a.db));
    expect(b.db.prepare('SELECT author_id FROM post_authors WHERE post_id = ? AND deleted_at IS NULL ORDER BY position').pluck().all(post.id)).toEqual([ben.id, ada.id]);
    expect(listTags(b.db).find((t) => t.name === 'off-topic')?.id).toBe(offTopic.id);
  });
});
