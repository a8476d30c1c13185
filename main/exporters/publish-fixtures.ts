/**
 * The stored drafts the publish tests export (the validation test and e2e/publish.spec.ts):
 * the fixture guest-blog page as a draft in its series with its five reader comments approved,
 * a draft using every node type with a stored picture, and a series of five. Written through
 * the real repos and plain SQL into a real database file.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { DB } from '../../db/connection';
import { build, type SerializedBlock, type SerializedEditorState } from '../../common/editor/serialized';
import type { EditorState } from '../../common/domain';
import { uuidv7 } from '../../common/ids';
import { createAuthor } from '../../db/repos/authors';
import { createPost } from '../../db/repos/posts';
import { everyNodeBody, TINY_PNG } from '../../common/publish/sample-drafts';
import { DEMO_PAGE_FILE } from '../demo/paths';

export const FIXTURE_PAGE = DEMO_PAGE_FILE;

export interface FixtureComment {
  sourceId: string;
  name: string;
  role: string;
  organisation: string;
  paragraphs: string[];
}

export interface FixturePage {
  title: string;
  paragraphs: string[];
  comments: FixtureComment[];
}

/** Reads the page as copied from a browser: title, "Guest blog", paragraphs, then `#id name` comments. */
export function readFixturePage(file = FIXTURE_PAGE): FixturePage {
  const lines = fs.readFileSync(file, 'utf8').replace(/\r\n?/g, '\n').split('\n');
  const title = lines[0].trim();
  const firstComment = lines.findIndex((l) => /^#\d+ /.test(l));
  const bodyLines = lines.slice(1, firstComment);
  const end = bodyLines.findIndex((l) => l.trim() === 'Keep up to date');
  const paragraphs = bodyLines
    .slice(0, end === -1 ? undefined : end)
    .join('\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p && p !== 'Guest blog');
  const comments: FixtureComment[] = [];
  let i = firstComment;
  while (i !== -1 && i < lines.length) {
    const head = /^#(\d+) (.+)$/.exec(lines[i]);
    if (!head) break;
    i++;
    const meta: string[] = [];
    while (i < lines.length && lines[i].trim() !== '') meta.push(lines[i++].trim());
    const body: string[] = [];
    while (i < lines.length && !/^#\d+ /.test(lines[i]) && lines[i].trim() !== 'Add new comment') body.push(lines[i++]);
    comments.push({
      sourceId: head[1],
      name: head[2].trim(),
      role: meta[0] ?? '',
      organisation: meta[1] ?? '',
      paragraphs: body.join('\n').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean),
    });
    if (i < lines.length && lines[i].trim() === 'Add new comment') break;
  }
  return { title, paragraphs, comments };
}

function insertSeries(db: DB, slug: string, title: string, topic: string): string {
  const id = uuidv7();
  const now = new Date().toISOString();
  db.prepare('INSERT INTO series (id, created_at, updated_at, slug, title, description, topic) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    id,
    now,
    now,
    slug,
    title,
    `Guest blogs on ${topic}.`,
    topic,
  );
  return id;
}

const state = (s: SerializedEditorState) => s as unknown as EditorState;
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface SeededPublishFixtures {
  guestSlug: string;
  everySlug: string;
  seriesSlug: string;
  seriesPostSlugs: string[];
  draftInSeriesSlug: string;
  assetId: string;
}

export function seedPublishFixtures(db: DB): SeededPublishFixtures {
  return db.transaction(() => {
    const page = readFixturePage();
    const leadership = insertSeries(db, 'clinical-leadership', 'Clinical leadership', 'current issues and opportunities for clinical and medical leaders');
    const author = createAuthor(db, { name: 'Binita Kane', role: 'Consultant physician', organisation: 'NHS Health Education North West' });
    // The first paragraph is the standfirst with the series notice; the notice is generated from the series.
    const standfirst = page.paragraphs[0].replace(/\s*This is the third in a series[\s\S]*$/, '').trim();
    const guest = createPost(db, {
      title: page.title,
      standfirst,
      body: state(build.root(page.paragraphs.slice(1).map((p) => build.paragraph([build.text(p)])) as SerializedBlock[])),
      status: 'published',
      seriesId: leadership,
      position: 3,
      publishedAt: '2015-03-12T09:00:00.000Z',
      plannedDate: '2015-03-12',
      tags: ['leadership', 'NHS workforce'],
      authorIds: [author.id],
    });
    const insertComment = db.prepare(
      `INSERT INTO comments (id, created_at, updated_at, post_id, source, source_id, parent_id, author_name, author_role,
         author_organisation, posted_at, body_html, body_text, status)
       VALUES (?, ?, ?, ?, 'page', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const ids = new Map<string, string>();
    page.comments.forEach((c, n) => {
      const id = uuidv7();
      ids.set(c.name, id);
      const now = new Date().toISOString();
      // Dr Julie Barker answers Alistair Hellewell ("as Alistair says"): a reply, to prove threading.
      const parent = c.name.includes('Julie Barker') ? (ids.get('Alistair Hellewell') ?? null) : null;
      const html = c.paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('');
      insertComment.run(id, now, now, guest.id, c.sourceId, parent, c.name, c.role, c.organisation, `2015-03-${String(13 + n).padStart(2, '0')}T10:00:00.000Z`, html, c.paragraphs.join('\n\n'), 'approved');
    });
    // Comments that must never be published.
    const now = new Date().toISOString();
    insertComment.run(uuidv7(), now, now, guest.id, 'p1', null, 'Pending Person', '', '', '2015-03-20T10:00:00.000Z', '<p>NOT APPROVED pending</p>', 'NOT APPROVED pending', 'pending');
    insertComment.run(uuidv7(), now, now, guest.id, 's1', null, 'Spam Bot', '', '', '2015-03-21T10:00:00.000Z', '<p>NOT APPROVED spam</p>', 'NOT APPROVED spam', 'spam');

    const assetId = uuidv7();
    const every = createPost(db, {
      title: 'Every node type <and> “quotes” & </script>',
      standfirst: 'A draft that uses every kind of block and inline the editor makes.',
      body: state(everyNodeBody(assetId)),
      status: 'drafting',
      plannedDate: '2026-05-04',
      authorIds: [author.id],
    });
    const png = Buffer.from(TINY_PNG.split(',')[1], 'base64');
    db.prepare('INSERT INTO assets (id, created_at, updated_at, post_id, file_name, mime, sha256, size, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
      assetId,
      now,
      now,
      every.id,
      'Ward at night.png',
      'image/png',
      crypto.createHash('sha256').update(png).digest('hex'),
      png.length,
      png,
    );

    const five = insertSeries(db, 'five-voices', 'Five voices', 'how clinicians learn to lead');
    const writers = ['Asha Patel', 'Tom Okafor', 'Mei Lin', 'Rhys Evans', 'Sara Nowak'].map((name, n) =>
      createAuthor(db, { name, role: n % 2 ? 'GP' : 'Consultant', organisation: `Trust ${n + 1}` }),
    );
    const seriesPostSlugs = writers.map(
      (w, n) =>
        createPost(db, {
          title: `Voice ${n + 1}: learning to lead`,
          standfirst: `The ${['first', 'second', 'third', 'fourth', 'fifth'][n]} voice.`,
          body: state(build.root([build.heading('h2', [build.text('What I learnt')]), build.paragraph([build.text(`Post ${n + 1} of the series.`)])])),
          status: n === 4 ? 'scheduled' : 'published',
          seriesId: five,
          position: n + 1,
          plannedDate: `2026-0${n + 1}-15`,
          publishedAt: n === 4 ? null : `2026-0${n + 1}-15T08:00:00.000Z`,
          authorIds: [w.id],
        }).slug,
    );
    const draft = createPost(db, { title: 'An unfinished sixth voice', status: 'drafting', seriesId: five, position: 6 });
    return { guestSlug: guest.slug, everySlug: every.slug, seriesSlug: 'five-voices', seriesPostSlugs, draftInSeriesSlug: draft.slug, assetId };
  })();
}
