/**
 * Publishing a post to a connected site: pictures first (each uploaded once, with its alt text and
 * caption), then the post (created once, updated ever after), remembering every remote id as soon
 * as it exists. A post edited there since our last push is not overwritten unless the user says so.
 * A series goes in running order, then its posts are updated once more so that every previous and
 * next link points at the remote posts.
 */
import type { DB } from '../../db/connection';
import type { Post } from '../../common/domain';
import { AppError } from '../../common/errors';
import { renderCmsBody, type PublishWarning } from '../../common/publish/index';
import {
  clearPending, pendingMarker, remotePostOf, saveMedia, saveRemotePost, uploadedMedia, type CmsSite, type RemotePostLink,
} from '../../db/repos/cms';
import { assetsByIds, findSeries, seriesPosts } from '../../db/repos/publish-source';
import { assetFileName } from '../exporters/assets';
import { refuseMissingAlt } from '../exporters/page-export';
import { loadPost, pageHref, publishInputFor } from '../exporters/publish-input';
import type { Publisher, RemotePost, RemotePostStatus } from './publisher';

export interface PublishRequest {
  post: { id: string } | { slug: string };
  /** Default: from the local status (published → publish, scheduled → future, anything else → draft). */
  status?: RemotePostStatus;
  /** The user chose to overwrite a post edited in WordPress since the last push. */
  overwrite?: boolean;
  /** Publish images without alt text as decorative. */
  force?: boolean;
}

export interface PublishOutcome {
  postId: string;
  siteId: string;
  remoteId: number;
  link: string;
  status: string;
  created: boolean;
  picturesUploaded: number;
  picturesReused: number;
  warnings: PublishWarning[];
}

/** A picture in the body: its stored asset and the alt text and caption the editor gave it. */
interface BodyImage { assetId: string; alt: string; caption: string }

function bodyImages(body: unknown): BodyImage[] {
  const out = new Map<string, BodyImage>();
  const walk = (n: any) => {
    if (typeof n !== 'object' || n === null) return;
    if (n.type === 'image' && typeof n.src === 'string' && n.src.startsWith('asset:')) {
      const id = n.src.slice(6);
      if (!out.has(id)) out.set(id, { assetId: id, alt: String(n.altText ?? '').trim(), caption: String(n.caption ?? '').trim() });
    }
    if (n.root) walk(n.root);
    if (Array.isArray(n.children)) n.children.forEach(walk);
  };
  walk(body);
  return [...out.values()];
}

export function remoteStatusFor(post: Post, wanted?: RemotePostStatus): RemotePostStatus {
  if (wanted) return wanted;
  if (post.status === 'published') return 'publish';
  if (post.status === 'scheduled') return 'future';
  return 'draft';
}

async function uploadPictures(db: DB, wp: Publisher, site: CmsSite, post: Post): Promise<{ urls: Record<string, string>; uploaded: number; reused: number }> {
  const images = bodyImages(post.body);
  const bytes = new Map(assetsByIds(db, images.map((i) => i.assetId)).map((a) => [a.id, a]));
  const urls: Record<string, string> = {};
  let uploaded = 0;
  let reused = 0;
  for (const img of images) {
    const done = uploadedMedia(db, site.id, img.assetId);
    if (done) { urls[img.assetId] = done.url; reused++; continue; }
    const asset = bytes.get(img.assetId);
    if (!asset) continue; // the renderer warns about a missing picture
    const { marker, earlier } = pendingMarker(db, site.id, 'media', img.assetId);
    // An earlier attempt may have uploaded it before it could record the id: look before uploading again.
    const media = (earlier ? await wp.findMediaByMarker(marker) : null) ??
      (await wp.uploadMedia({ fileName: assetFileName(asset), mime: asset.mime, data: asset.data, alt: img.alt, caption: img.caption, marker }));
    db.transaction(() => {
      saveMedia(db, site.id, img.assetId, media.remoteId, media.url);
      clearPending(db, site.id, 'media', img.assetId);
    })();
    urls[img.assetId] = media.url;
    uploaded++;
  }
  return { urls, uploaded, reused };
}

/** The body with remote picture URLs and series links that point at the neighbours' remote posts (or nowhere yet). */
function cmsBody(db: DB, site: CmsSite, post: Post, urls: Record<string, string>) {
  const input = publishInputFor(db, post, { withComments: false, options: { assetUrls: urls } });
  if (post.seriesId) {
    const remoteByHref = new Map<string, string>();
    for (const p of seriesPosts(db, post.seriesId)) {
      const link = remotePostOf(db, site.id, p.id)?.link;
      if (link) remoteByHref.set(pageHref(p.slug), link);
    }
    const relink = (l: typeof input.prev) => (l && remoteByHref.has(l.href) ? { ...l, href: remoteByHref.get(l.href)! } : null);
    input.prev = relink(input.prev);
    input.next = relink(input.next);
  }
  return renderCmsBody(input);
}

export async function publishPost(db: DB, wp: Publisher, site: CmsSite, req: PublishRequest): Promise<PublishOutcome> {
  if (!site.canPublish) throw new AppError('FORBIDDEN', `The user "${site.userName}" may not publish on ${site.url}; connect with an Editor or Administrator account.`);
  const post = loadPost(db, req.post);
  const status = remoteStatusFor(post, req.status);
  const dateGmt = status === 'future' ? futureDate(post) : null;
  const link = remotePostOf(db, site.id, post.id);
  let existing: RemotePost | null = null;
  if (link) {
    existing = await wp.getPost(link.remoteId);
    if (existing && editedThere(existing, link) && !req.overwrite) {
      const when = existing.modifiedGmt === link.modifiedGmt ? `within the same second as our last push (${link.modifiedGmt})` : `at ${existing.modifiedGmt}, after our last push at ${link.modifiedGmt}`;
      throw new AppError('CONFLICT', `"${post.title || post.slug}" was edited in WordPress (${site.url}) ${when}. Nothing was sent. Look at it there (${existing.link}), then publish again choosing to overwrite it, or cancel.`, {
        kind: 'remote-edited', remoteId: existing.remoteId, link: existing.link, remoteModified: existing.modifiedGmt, lastPushed: link.modifiedGmt,
      });
    }
  }
  // Refuse before anything is uploaded: a picture without alt text stops the publish unless forced.
  refuseMissingAlt(cmsBody(db, site, post, {}).warnings, !!req.force, `"${post.title || post.slug}"`);
  const pictures = await uploadPictures(db, wp, site, post);
  const rendered = cmsBody(db, site, post, pictures.urls);
  const categories = [post.label, post.seriesId ? findSeries(db, { id: post.seriesId }).title : ''].map((c) => c.trim()).filter(Boolean);
  const { marker, earlier } = existing ? { marker: `workbench-post-${post.id}`, earlier: false } : pendingMarker(db, site.id, 'post', post.id);
  const input = { title: post.title, slug: post.slug, excerpt: post.standfirst, html: rendered.html, status, dateGmt, tags: post.tags, categories, marker };
  let remote: RemotePost;
  let created = false;
  if (existing) {
    remote = await wp.updatePost(existing.remoteId, input);
  } else {
    const found = earlier ? await wp.findPostByMarker(marker) : null;
    remote = found ? await wp.updatePost(found.remoteId, input) : await wp.createPost(input);
    created = !found;
  }
  db.transaction(() => {
    saveRemotePost(db, {
      siteId: site.id, postId: post.id, remoteId: remote.remoteId, link: remote.link, remoteStatus: remote.status, modifiedGmt: remote.modifiedGmt,
      pushedAt: new Date().toISOString(), pushedHash: remote.contentHash,
    });
    clearPending(db, site.id, 'post', post.id);
  })();
  return {
    postId: post.id, siteId: site.id, remoteId: remote.remoteId, link: remote.link, status: remote.status, created,
    picturesUploaded: pictures.uploaded, picturesReused: pictures.reused, warnings: rendered.warnings,
  };
}

/**
 * Edited there since our last push: modified_gmt moved, or (for an edit within the same second,
 * which modified_gmt cannot show) the content hash moved, or the status changed other than a
 * scheduled post going live on its date.
 */
function editedThere(now: RemotePost, last: RemotePostLink): boolean {
  if (now.modifiedGmt !== last.modifiedGmt) return true;
  if (last.pushedHash && now.contentHash !== last.pushedHash) return true;
  return !!last.remoteStatus && now.status !== last.remoteStatus && !(last.remoteStatus === 'future' && now.status === 'publish');
}

function futureDate(post: Post): string {
  if (!post.plannedDate) throw new AppError('BAD_INPUT', `"${post.title || post.slug}" has no planned date to schedule it for; set one in the post's details, or publish it as a draft.`);
  return `${post.plannedDate}T09:00:00Z`;
}

/**
 * A series in running order. The first pass publishes every post (links to later posts cannot exist
 * yet); the second updates each post whose neighbours' links changed, so all of them point at the remote posts.
 */
export async function publishSeries(db: DB, wp: Publisher, site: CmsSite, ref: { id: string } | { slug: string }, o: { status?: RemotePostStatus; overwrite?: boolean; force?: boolean } = {}): Promise<PublishOutcome[]> {
  const series = findSeries(db, ref);
  const posts = seriesPosts(db, series.id);
  if (!posts.length) throw new AppError('BAD_INPUT', `The series "${series.title}" has no posts to publish.`);
  const out: PublishOutcome[] = [];
  const before = new Map<string, string>();
  for (const p of posts) {
    const r = await publishPost(db, wp, site, { post: { id: p.id }, status: o.status, overwrite: o.overwrite, force: o.force });
    before.set(p.id, cmsBody(db, site, loadPost(db, { id: p.id }), {}).html);
    out.push(r);
  }
  for (const [i, p] of posts.entries()) {
    if (cmsBody(db, site, loadPost(db, { id: p.id }), {}).html === before.get(p.id)) continue;
    out[i] = await publishPost(db, wp, site, { post: { id: p.id }, status: o.status, force: o.force });
  }
  return out;
}
