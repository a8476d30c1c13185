/**
 * Reader comments as a WordPress site exports them: per post, threads up to 10 deep, every
 * moderation status in the raw spellings WordPress writes, pingbacks and trackbacks, and now and
 * then hostile HTML. Generated post by post so the WXR writer never holds the whole set.
 */
import type { Rng } from './prng';
import { mulberry32 } from './prng';
import { ORGANISATIONS, personName, sentence, title } from './words';

export type CommentStatus = 'approved' | 'pending' | 'spam' | 'trash';

export interface GeneratedComment {
  /** wp:comment_id, unique across the file. */
  id: number;
  /** 0 for a top-level comment. */
  parent: number;
  depth: number;
  author: string;
  email: string;
  url: string;
  /** UTC, "YYYY-MM-DD HH:MM:SS" as WordPress writes it. */
  date: string;
  html: string;
  /** What wp:comment_approved holds: 1, 0, '', spam, trash, post-trashed. */
  approvedRaw: string;
  status: CommentStatus;
  type: 'comment' | 'pingback' | 'trackback';
}

export interface GeneratedPost {
  index: number;
  wpId: number;
  title: string;
  slug: string;
  link: string;
  date: string;
  html: string;
  comments: GeneratedComment[];
}

export interface CommentSetShape {
  posts: number;
  comments: number;
  seed: number;
}

export const MAX_DEPTH = 10;

function wpDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

function status(rng: Rng): { raw: string; status: CommentStatus } {
  const r = rng.next();
  if (r < 0.7) return { raw: '1', status: 'approved' };
  if (r < 0.82) return { raw: '0', status: 'pending' };
  if (r < 0.84) return { raw: '', status: 'pending' };
  if (r < 0.94) return { raw: 'spam', status: 'spam' };
  if (r < 0.99) return { raw: 'trash', status: 'trash' };
  return { raw: 'post-trashed', status: 'trash' };
}

const HOSTILE = [
  '<script>alert("x")</script>',
  '<img src=x onerror="alert(1)">',
  '<a href="javascript:alert(1)">click</a>',
  '<svg onload="alert(1)"></svg>',
  '<iframe src="https://evil.example/"></iframe>',
];

function commentHtml(rng: Rng): string {
  const paras: string[] = [];
  const n = rng.int(1, 3);
  for (let i = 0; i < n; i++) {
    let p = '';
    const sentences = rng.int(1, 4);
    for (let s = 0; s < sentences; s++) p += (s ? ' ' : '') + sentence(rng, rng.int(6, 20));
    const r = rng.next();
    if (r < 0.08) p = p.replace(/ (\w+) /, ' <em>$1</em> ');
    else if (r < 0.14) p = p.replace(/ (\w+) /, ' <strong>$1</strong> ');
    else if (r < 0.18) p += ` <a href="https://example.net/${rng.int(1, 9999)}">source</a>`;
    else if (r < 0.2) p = `<blockquote>${p}</blockquote>`;
    else if (r < 0.21) p += ' 👍 Ευχαριστώ — شكرا';
    if (rng.chance(0.005)) p += ' ' + rng.pick(HOSTILE);
    paras.push(p);
  }
  return paras.join('\n\n');
}

/** Yields each post with its comments, in file order; ids and dates are deterministic. */
export function* generateCommentedPosts(shape: CommentSetShape): Generator<GeneratedPost> {
  const root = mulberry32(shape.seed);
  let nextId = 1;
  for (let p = 0; p < shape.posts; p++) {
    const rng = root.fork(p + 1);
    const count = Math.floor(shape.comments / shape.posts) + (p < shape.comments % shape.posts ? 1 : 0);
    const postMs = Date.UTC(2020, 0, 1) + p * 5 * 86_400_000;
    const t = title(rng);
    const slug = `${t.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}-${p + 1}`;
    const comments: GeneratedComment[] = [];
    let ms = postMs + 3_600_000;
    for (let c = 0; c < count; c++) {
      // The first comments of every post form one 10-deep chain; later ones reply to recent comments.
      let parent: GeneratedComment | undefined;
      if (c > 0 && c < MAX_DEPTH) parent = comments[c - 1];
      else if (c >= MAX_DEPTH && rng.chance(0.6)) {
        const candidate = comments[comments.length - 1 - rng.int(0, Math.min(40, comments.length - 1))];
        if (candidate.depth < MAX_DEPTH && candidate.type === 'comment') parent = candidate;
      }
      ms += rng.int(1, 240) * 60_000;
      const s = status(rng);
      const kind = parent ? 'comment' : rng.chance(0.02) ? 'pingback' : rng.chance(0.01) ? 'trackback' : 'comment';
      const name = kind === 'comment' ? personName(rng) : `${title(rng, 3)} blog`;
      const id = nextId++;
      comments.push({
        id,
        parent: parent?.id ?? 0,
        depth: parent ? parent.depth + 1 : 1,
        author: name,
        email: kind === 'comment' ? `${name.toLowerCase().replace(/[^a-z]+/g, '.')}${id}@example.com` : '',
        url: kind !== 'comment' || rng.chance(0.2) ? `https://${rng.pick(ORGANISATIONS).toLowerCase().replace(/[^a-z]+/g, '')}.example.org/` : '',
        date: wpDate(ms),
        html: kind === 'comment' ? commentHtml(rng) : `[…] ${sentence(rng, 12)} […]`,
        approvedRaw: s.raw,
        status: s.status,
        type: kind,
      });
    }
    yield {
      index: p,
      wpId: 100_000 + p,
      title: t,
      slug,
      link: `https://blog.example.org/${new Date(postMs).toISOString().slice(0, 7).replace('-', '/')}/${slug}/`,
      date: wpDate(postMs),
      html: Array.from({ length: rng.int(3, 8) }, () => `<p>${sentence(rng, rng.int(12, 40))}</p>`).join('\n'),
      comments,
    };
  }
}

/** Plain text of a comment body, as search indexes it (tags dropped, entities of ours are none). */
export function commentText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<[^>]+>/g, '')
    .replace(/\n{2,}/g, '\n')
    .trim();
}
