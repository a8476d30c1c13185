/**
 * The small database the start-up rows compare against: one draft (titled like the data set's
 * long draft, so the same wait finds it), one series holding it and one reader comment on it.
 * Every area has a row to show, and nothing more.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build } from '../../common/editor/serialized';
import { openDatabase } from '../../db/connection';
import { createPost } from '../../db/repos/posts';
import { createSeries } from '../../db/repos/series';
import { commentRows, insertCommentRows } from '../generate/comment-rows';
import { LONG_DRAFT_TITLE, stored } from '../generate/dataset';
import type { BenchData } from '../generate/index';

export function oneDraftDatabase(data: BenchData, name: string): string {
  const file = path.join(data.dir, 'work', `${name}.sqlite`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (const s of ['', '-wal', '-shm']) fs.rmSync(file + s, { force: true });
  const db = openDatabase(file);
  try {
    const post = createPost(db, { title: LONG_DRAFT_TITLE, body: stored(build.root([build.paragraph([build.text('One short draft.')])])) });
    createSeries(db, { title: 'One series' }, new Date().toISOString().slice(0, 10));
    const rows = commentRows({ posts: 1, comments: 1, seed: data.sizes.seed }, () => post.id).map((r) => ({ ...r, status: 'approved' }));
    insertCommentRows(db, rows);
  } finally {
    db.close();
  }
  return file;
}
