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
import { getPost, updatePost } from '../../db/repos/posts';
import { createAuthor, type AuthorFields } from '../../db/repos/authors';
import { build } from '../../common/editor/serialized';
import type { EditorState } from '../../common/domain';
import { readDraftFile, storeDraft } from '../draft-import';
import { DEMO_PAGE_FILE } from './paths';

export const DEMO_SERIES = {
  slug: 'clinical-leadership-guest-blogs',
  title: 'Clinical leadership guest blogs',
  topic: 'current issues and opportunities for clinical and medical leaders',
  description: 'Guest blogs from clinicians on why medical leadership matters and how to grow it.',
} as const;

/** Guest authors of the demo's other posts (invented people, for the demo only). */
const DEMO_AUTHORS: AuthorFields[] = [
  { name: 'Dr Amira Osei', role: 'Specialty registrar in geriatric medicine', organisation: 'A teaching hospital in the North West' },
  { name: 'Mr Tomasz Nowak', role: 'Clinical director, surgery', organisation: 'A district general hospital' },
  { name: 'Grace Whitfield', role: 'Director of nursing', organisation: 'An integrated care board' },
];

/** Short texts for the two published posts, so their word counts are not zero. */
const DEMO_TEXTS: string[][] = [
  [
    'Trainees spend years learning to manage patients and very little time learning to manage the services those patients depend on.',
    'Leadership roles during training, even small ones, show how decisions are made and who makes them; this post describes three that changed how I practise.',
  ],
  [
    'When I became a clinical director I expected the hard part to be the budget. It was not: it was the conversations with colleagues I had trained beside.',
    'Here is what I would tell my earlier self about time, about listening, and about asking for help before the rota collapses.',
  ],
];

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
    // The demo must not contradict itself: a published post has text and a byline, and a
    // commissioned one names the guest author it was commissioned from.
    const plan: { title?: string; postId?: string; status: string; days: number; author?: AuthorFields; text?: string[] }[] = [
      { title: 'Leading while still in training', status: 'published', days: -14, author: DEMO_AUTHORS[0], text: DEMO_TEXTS[0] },
      { title: 'What clinical directors wish they had known', status: 'published', days: -7, author: DEMO_AUTHORS[1], text: DEMO_TEXTS[1] },
      { postId: draft.post.id, status: 'in-review', days: 0 },
      { title: 'Nurses as system leaders', status: 'commissioned', days: 7, author: DEMO_AUTHORS[2] },
      { title: 'Leadership and patient safety', status: 'idea', days: 14 },
    ];
    plan.forEach((entry, i) => {
      const detail = addPostToSeries(db, { seriesId: series.id, position: i + 1, ...(entry.postId ? { postId: entry.postId } : { title: entry.title! }) }, today);
      const added = detail.posts[i];
      if (entry.author || entry.text) {
        const current = getPost(db, { id: added.id });
        updatePost(db, {
          id: added.id,
          baseRevision: current.revision,
          ...(entry.text ? { body: build.root(entry.text.map((t) => build.paragraph([build.text(t)]))) as unknown as EditorState } : {}),
          ...(entry.author ? { authorIds: [createAuthor(db, entry.author).id] } : {}),
        });
      }
      setPostDates(db, added.id, addDays(today, entry.days), entry.status === 'commissioned' ? addDays(today, entry.days - 3) : undefined, today);
      setPostStatus(db, added.id, entry.status, today);
    });
    return { created: true, postId: draft.post.id, postSlug: draft.post.slug, seriesId: series.id, seriesSlug: series.slug, comments: draft.comments };
  })();
}
