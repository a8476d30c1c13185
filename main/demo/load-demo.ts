/**
 * The demo content a new user can load from the empty Drafts area: the copied guest blog page
 * becomes a draft with its five reader comments, placed third in a series of five planned guest
 * blogs, so every area (drafts, series, comments) has something real in it from the first minute.
 */
import fs from 'node:fs';
import type { DB } from '../../db/connection';
import { addDays } from '../../common/series/dates';
import { seriesNotice } from '../../common/series/ordinal';
import { createSeries, getSeriesDetail } from '../../db/repos/series';
import { addPostToSeries, setPostDates, setPostStatus } from '../../db/repos/series-posts';
import { updatePost } from '../../db/repos/posts';
import { readDraftFile, storeDraft } from '../draft-import';
import { DEMO_PAGE_FILE } from './paths';

export const DEMO_SERIES = {
  slug: 'clinical-leadership-guest-blogs',
  title: 'Clinical leadership guest blogs',
  topic: 'current issues and opportunities for clinical and medical leaders',
  description: 'Guest blogs from clinicians on why medical leadership matters and how to grow it.',
} as const;

/** The demo post's place in its series, as the page itself says ("the third in a series"). */
const DEMO_POSITION = 3;

export interface DemoResult {
  created: boolean;
  postId: string;
  postSlug: string;
  seriesId: string;
  seriesSlug: string;
  comments: number;
}

function existingDemo(db: DB, today: string): DemoResult | null {
  const row = db.prepare('SELECT id FROM series WHERE slug = ? AND deleted_at IS NULL').get(DEMO_SERIES.slug) as { id: string } | undefined;
  if (!row) return null;
  const detail = getSeriesDetail(db, { id: row.id }, today);
  const post = detail.posts.find((p) => p.position === DEMO_POSITION) ?? detail.posts[0];
  if (!post) return null;
  const comments = db.prepare('SELECT count(*) AS n FROM comments WHERE post_id = ? AND deleted_at IS NULL').get(post.id) as { n: number };
  return { created: false, postId: post.id, postSlug: post.slug, seriesId: row.id, seriesSlug: DEMO_SERIES.slug, comments: comments.n };
}

export async function loadDemo(db: DB, today: string): Promise<DemoResult> {
  const before = existingDemo(db, today);
  if (before) return before;
  const doc = await readDraftFile('guest-blog-page.txt', fs.readFileSync(DEMO_PAGE_FILE));
  return db.transaction((): DemoResult => {
    const series = createSeries(db, { ...DEMO_SERIES, cadence: 'weekly' }, today);
    const draft = storeDraft(db, 'guest-blog-page.txt', doc);
    // The page's standfirst carries the notice as published; the series now generates it, so
    // leaving it in would print it twice.
    const notice = seriesNotice(series.noticeTemplate, { position: DEMO_POSITION, topic: series.topic, title: series.title });
    if (draft.post.standfirst.includes(notice)) {
      updatePost(db, { id: draft.post.id, baseRevision: draft.post.revision, standfirst: draft.post.standfirst.replace(notice, '').replace(/\s{2,}/g, ' ').trim() });
    }
    const plan = [
      { title: 'Leading while still in training', status: 'published', days: -14 },
      { title: 'What clinical directors wish they had known', status: 'published', days: -7 },
      { postId: draft.post.id, status: 'in-review', days: 0 },
      { title: 'Nurses as system leaders', status: 'commissioned', days: 7 },
      { title: 'Leadership and patient safety', status: 'idea', days: 14 },
    ];
    plan.forEach((entry, i) => {
      const detail = addPostToSeries(db, { seriesId: series.id, position: i + 1, ...('postId' in entry ? { postId: entry.postId } : { title: entry.title }) }, today);
      const added = detail.posts[i];
      setPostDates(db, added.id, addDays(today, entry.days), entry.status === 'commissioned' ? addDays(today, entry.days - 3) : undefined, today);
      setPostStatus(db, added.id, entry.status, today);
    });
    return { created: true, postId: draft.post.id, postSlug: draft.post.slug, seriesId: series.id, seriesSlug: series.slug, comments: draft.comments };
  })();
}
