/**
 * Who decided a comment's status when a file is imported again: the file's own status changes
 * (decided in WordPress, not here) are never taken for a person's decision, so the next import
 * may change them again and the rules still see the comment as undecided; a status a person or a
 * rule decided here is never undone by an import. New pending comments get the model's score.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../../db/connection';
import { setStatus } from '../../db/repos/comment-review';
import { runImport } from '../importers/pipeline';
import { createPost } from '../../db/repos/posts';
import { seedComments } from '../../db/repos/testing/seed-comments';
import { trainAndScore } from './spam-training';
import { storePerTest } from '../testing/store-per-test';

const store = storePerTest('wb-import-decisions-');
const dir = store.dir;
let n = 0;

/** A WXR with one comment whose WordPress status is `approved` ('1', '0' or 'spam'). */
function wxr(approved: string): string {
  const file = path.join(dir, `file-${++n}.xml`);
  fs.writeFileSync(
    file,
    `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel>
<item><title>Post</title><link>https://blog.example/post/</link><wp:post_id>5</wp:post_id><wp:post_name>post</wp:post_name><wp:post_type>post</wp:post_type>
<wp:comment><wp:comment_id>7</wp:comment_id><wp:comment_author>Ann</wp:comment_author><wp:comment_author_email>ann@example.org</wp:comment_author_email>
<wp:comment_date_gmt>2025-01-02 03:04:05</wp:comment_date_gmt><wp:comment_content>Thanks for the figures.</wp:comment_content>
<wp:comment_approved>${approved}</wp:comment_approved><wp:comment_parent>0</wp:comment_parent></wp:comment>
</item></channel></rss>
`,
  );
  return file;
}

const importFile = (approved: string) => runImport({ filePath: wxr(approved) }, { openDb: () => openDatabase(store.path), rules: false });
function state(): { status: string; decided_by: string | null; revision: number; id: string } {
  const db: DB = openDatabase(store.path);
  try {
    return db.prepare('SELECT c.id, c.status, c.revision, v.decided_by FROM comments c LEFT JOIN comment_verdicts v ON v.comment_id = c.id').get() as ReturnType<typeof state>;
  } finally {
    db.close();
  }
}

describe('a re-imported status', () => {
  it('is the file\'s, not a person\'s: the next import changes it again', async () => {
    await importFile('0');
    expect(state()).toMatchObject({ status: 'pending', decided_by: null });
    await importFile('1');
    expect(state()).toMatchObject({ status: 'approved', decided_by: null });
    await importFile('spam');
    expect(state()).toMatchObject({ status: 'spam', decided_by: null });
  });

  it('never undoes a person\'s decision made here', async () => {
    await importFile('0');
    const db = openDatabase(store.path);
    const { id, revision } = state();
    setStatus(db, [{ id, revision }], 'spam');
    db.close();
    expect(state()).toMatchObject({ status: 'spam', decided_by: 'person' });
    await importFile('1');
    expect(state()).toMatchObject({ status: 'spam', decided_by: 'person' });
  });
});

describe('an import into a store with a spam model', () => {
  it('scores the new pending comments with the model in use, the words behind each included', async () => {
    const db = openDatabase(store.path);
    const post = createPost(db, { title: 'Earlier' }).id;
    const rows = [];
    for (let i = 0; i < 20; i++) {
      rows.push({ postId: post, text: `Cheap meds and casino bonus ${i}, click now`, status: 'spam' as const });
      rows.push({ postId: post, text: `Thanks for the figures on ward ${i}, they match ours`, status: 'approved' as const });
    }
    seedComments(db, rows);
    expect(trainAndScore(db)).not.toBeNull();
    db.close();
    await importFile('0');
    const s = openDatabase(store.path);
    const score = s.prepare("SELECT s.score, s.words FROM comment_scores s JOIN comments c ON c.rowid = s.comment_rowid WHERE c.source_id = '7'").get() as { score: number; words: string } | undefined;
    s.close();
    expect(score).toBeDefined();
    expect(score!.score).toBeLessThan(0.5);
    expect(JSON.parse(score!.words).length).toBeGreaterThan(0);
  });
});
