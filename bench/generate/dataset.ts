/**
 * The full data set as a user would have it: guest authors, series, drafts (one of them the
 * 36,000-word long read), the published posts the comments belong to, the comments themselves
 * and some tagged annotations. Drafts go through the product's own repository functions, so body
 * text, word counts and search rows are what the app computes.
 */
import { build } from '../../common/editor/serialized';
import type { SerializedEditorState } from '../../common/editor/serialized';
import { DEFAULT_WORKFLOW, type EditorState } from '../../common/domain';
import { uuidv7 } from '../../common/ids';
import { openDatabase } from '../../db/connection';
import { createAuthor } from '../../db/repos/authors';
import { createPost } from '../../db/repos/posts';
import { catchUpCommenterKeys } from '../../db/repos/commenters';
import type { Sizes } from '../lib/sizes';
import { commentRows, insertCommentRows } from './comment-rows';
import { generateDraft } from './draft';
import { mulberry32 } from './prng';
import { ORGANISATIONS, personName, ROLES, sentence, title } from './words';

export const LONG_DRAFT_TITLE = 'The long read: what thirty years of community care taught us';
export const REVIEW_TAGS = ['needs reply', 'quote-worthy', 'patient safety', 'off-topic'];

export interface DatasetInfo {
  longDraftId: string;
  longDraftSlug: string;
  drafts: number;
  commentPosts: number;
  comments: number;
  annotations: number;
}

export function longDraftState(sizes: Sizes): SerializedEditorState {
  return generateDraft(mulberry32(sizes.seed).fork(7), sizes.longDraft);
}

/** The builders' precise types, as the store's loosely checked JSON. */
export const stored = (s: SerializedEditorState) => s as unknown as EditorState;

export function buildDataset(file: string, sizes: Sizes): DatasetInfo {
  const rng = mulberry32(sizes.seed);
  const db = openDatabase(file);
  try {
    const info = db.transaction((): DatasetInfo => {
      const a = rng.fork(1);
      const authors = Array.from({ length: sizes.authors }, () => {
        const name = personName(a);
        return createAuthor(db, { name, role: a.pick(ROLES), organisation: a.pick(ORGANISATIONS), bio: sentence(a, 20) }).id;
      });

      const s = rng.fork(2);
      const now = new Date().toISOString();
      const insertSeries = db.prepare(
        'INSERT INTO series (id, created_at, updated_at, slug, title, description, topic, cadence) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      );
      const series = Array.from({ length: sizes.series }, (_, i) => {
        const id = uuidv7();
        const t = title(s, 4);
        insertSeries.run(id, now, now, `series-${i + 1}`, t, sentence(s, 25), t.toLowerCase(), s.pick(['weekly', 'fortnightly', 'monthly']));
        return { id, used: 0 };
      });

      const d = rng.fork(3);
      const setSeries = db.prepare('UPDATE posts SET series_id = ?, position = ?, planned_date = ? WHERE id = ?');
      const long = createPost(db, {
        title: LONG_DRAFT_TITLE,
        standfirst: sentence(d, 30),
        body: stored(longDraftState(sizes)),
        status: 'in-review',
        tags: ['community care', 'long read'],
        authorIds: [authors[0]],
      });
      for (let i = 1; i < sizes.drafts; i++) {
        const words = d.int(sizes.draftWords[0], sizes.draftWords[1]);
        const post = createPost(db, {
          title: title(d),
          standfirst: sentence(d, d.int(15, 40)),
          body: stored(generateDraft(d.fork(i), { words, blocks: Math.max(4, Math.round(words / 36)) })),
          status: d.pick(DEFAULT_WORKFLOW),
          tags: [d.pick(['policy', 'workforce', 'primary care', 'mental health', 'research', 'funding'])],
          authorIds: d.chance(0.2) ? [d.pick(authors), d.pick(authors)].filter((x, j, all) => all.indexOf(x) === j) : [d.pick(authors)],
        });
        if (d.chance(0.4) && series.length) {
          const target = series[d.int(0, series.length - 1)];
          target.used++;
          setSeries.run(target.id, target.used, `2027-${String(1 + (target.used % 12)).padStart(2, '0')}-15`, post.id);
        }
      }

      // Planned dates spread over two years (2027-2028) for nine drafts in ten, in a series or not,
      // the rest left for the planning tray. A fork of its own, so the other data stays as it was.
      const plan = rng.fork(5);
      const setPlanned = db.prepare('UPDATE posts SET planned_date = ? WHERE id = ?');
      const draftIds = db.prepare("SELECT id FROM posts WHERE source IS NULL AND id != ? ORDER BY rowid").pluck().all(long.id) as string[];
      const firstDay = Date.UTC(2027, 0, 1);
      for (const id of draftIds) {
        const date = plan.chance(0.9) ? new Date(firstDay + plan.int(0, 729) * 86_400_000).toISOString().slice(0, 10) : null;
        setPlanned.run(date, id);
      }

      // The published posts the comments hang on, then the comments with the baseline's own insert.
      const shape = { posts: sizes.commentPosts, comments: sizes.comments, seed: sizes.seed };
      const postIds: string[] = [];
      const rows = commentRows(shape, (p) => {
        const post = createPost(db, {
          title: p.title,
          slug: p.slug,
          body: stored(build.root([build.paragraph([build.text(p.html.replace(/<[^>]+>/g, ' ').trim())])])),
          status: 'published',
          publishedAt: `${p.date.replace(' ', 'T')}.000Z`,
          source: 'wxr',
          sourceId: String(p.wpId),
          sourceUrl: p.link,
        });
        postIds.push(post.id);
        return post.id;
      });
      insertCommentRows(db, rows);
      // Every writer keyed, as the importer keys the rows it writes: what a user's store holds.
      catchUpCommenterKeys(db);

      const t = rng.fork(4);
      // The review migration may already have created the team's starter tags: reuse them by name.
      const insertTag = db.prepare('INSERT OR IGNORE INTO tags (id, created_at, updated_at, name) VALUES (?, ?, ?, ?)');
      const tagId = db.prepare('SELECT id FROM tags WHERE name = ?');
      const tagIds = REVIEW_TAGS.map((name) => {
        insertTag.run(uuidv7(), now, now, name);
        return (tagId.get(name) as { id: string }).id;
      });
      const insertAnnotation = db.prepare(
        `INSERT INTO annotations (id, created_at, updated_at, comment_id, start, end, quote, tag_id, note, reviewer)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'bench')`,
      );
      let annotations = 0;
      for (let i = 0; i < sizes.annotations; i++) {
        const row = rows[t.int(0, rows.length - 1)];
        const end = Math.min(row.body_text.length, t.int(10, 60));
        if (end < 1) continue;
        insertAnnotation.run(uuidv7(), now, now, row.id, 0, end, row.body_text.slice(0, end), t.pick(tagIds), t.chance(0.5) ? sentence(t, 8) : '');
        annotations++;
      }
      // The draft being worked on is the most recently changed one: first in the drafts list.
      db.prepare("UPDATE posts SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '+1 second') WHERE id = ?").run(long.id);
      return {
        longDraftId: long.id,
        longDraftSlug: long.slug,
        drafts: sizes.drafts,
        commentPosts: postIds.length,
        comments: rows.length,
        annotations,
      };
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.exec('ANALYZE');
    return info;
  } finally {
    db.close();
  }
}
