/**
 * Gathers everything the publish renderer needs for one post from the store: authors, series and
 * position, neighbours that a series export also writes, approved comments, pictures.
 */
import type { DB } from '../../db/connection';
import type { Post } from '../../common/domain';
import { getPost } from '../../db/repos/posts';
import { featuredImageOf } from '../../db/repos/checklist';
import { approvedComments, findSeries, seriesPosts, type SeriesPostSource } from '../../db/repos/publish-source';
import { DEFAULT_OPTIONS, type PublishInput, type PublishOptions } from '../../common/publish/index';

/** Statuses whose posts a series export writes, so links between them work. */
export const PUBLISHED_STATUSES = ['published', 'scheduled'];

/**
 * A post's page name in an export folder; never index.html, which is the series index. A CMS
 * fragment is named apart from the page, so both can sit in one folder.
 */
export const pageFileName = (slug: string, fragment = false) =>
  fragment ? `${slug}.fragment.html` : slug === 'index' ? 'index-post.html' : `${slug}.html`;
/** A page's file name as a link: a slug in Arabic or Greek is a valid file name but is percent-encoded in an href. */
export const pageHref = (slug: string) => encodeURIComponent(pageFileName(slug));

export interface InputOptions {
  withComments: boolean;
  options: Partial<PublishOptions>;
}

export function publishInputFor(db: DB, post: Post, o: InputOptions): PublishInput {
  let series: PublishInput['series'] = null;
  let position: number | null = post.position;
  let prev: PublishInput['prev'] = null;
  let next: PublishInput['next'] = null;
  if (post.seriesId) {
    const s = findSeries(db, { id: post.seriesId });
    series = { title: s.title, slug: s.slug, topic: s.topic, description: s.description, noticeTemplate: s.noticeTemplate };
    const all = seriesPosts(db, s.id);
    if (position === null) {
      const at = all.findIndex((p) => p.id === post.id);
      position = at === -1 ? null : at + 1;
    }
    // Neighbours among the posts a reader can reach (published or scheduled), this one included.
    const reachable = all.filter((p) => p.id === post.id || PUBLISHED_STATUSES.includes(p.status));
    const at = reachable.findIndex((p) => p.id === post.id);
    const link = (p: SeriesPostSource | undefined) => (p ? { title: p.title, href: pageHref(p.slug) } : null);
    prev = link(reachable[at - 1]);
    next = link(reachable[at + 1]);
  }
  const comments = o.withComments
    ? approvedComments(db, post.id)
        .filter((c) => c.type === 'comment')
        .map((c) => ({ id: c.id, parentId: c.parentId, author: c.author, postedAt: c.postedAt, html: c.html, text: c.text }))
    : [];
  return {
    post: {
      title: post.title,
      slug: post.slug,
      label: post.label,
      standfirst: post.standfirst,
      body: post.body,
      publishedAt: post.publishedAt,
      plannedDate: post.plannedDate,
      tags: post.tags,
    },
    authors: post.authors.map((a) => ({ name: a.name, role: a.role, organisation: a.organisation, url: a.url })),
    series,
    position,
    prev,
    next,
    comments,
    featuredImage: featuredOf(db, post.id),
    options: { ...DEFAULT_OPTIONS, ...o.options },
  };
}

/** The featured image as the renderer takes it; its bytes are resolved with the body's pictures (featuredImageBody). */
export function featuredOf(db: DB, postId: string): { src: string; alt: string } | null {
  const f = featuredImageOf(db, postId);
  return f ? { src: `asset:${f.assetId}`, alt: f.alt } : null;
}

/** A stand-in body holding only the featured image, so resolveAssets exports its file with the rest. */
export function featuredImageBody(db: DB, postId: string): unknown {
  const f = featuredOf(db, postId);
  return f ? { type: 'image', src: f.src } : null;
}

export function loadPost(db: DB, ref: { id: string } | { slug: string }): Post {
  return getPost(db, ref);
}
