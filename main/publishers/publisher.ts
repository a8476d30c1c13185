/**
 * What a CMS adapter does for the workbench, whatever the CMS: check a connection, create or update
 * a post, upload a picture, list and moderate comments, post a reply. WordPress is the one adapter
 * today (wordpress.ts); Ghost's Admin API would be a second one behind the same interface. The
 * workflows (publish-post.ts, pull-comments.ts, push-moderation.ts) speak only this interface.
 *
 * Idempotency rests on markers: a token the workflow writes to the store before it creates
 * anything remote and that the created item carries, so a re-run after a crash can find what an
 * interrupted attempt created instead of creating it twice.
 */
import type { CommentStatus } from '../../common/domain';
import type { LogEntry } from './remote-http';

export type PublisherKind = 'wordpress';
export type RemotePostStatus = 'draft' | 'future' | 'publish';

export interface SiteLogin {
  url: string;
  user: string;
  password: string;
}

export interface ConnectedSite {
  /** The site's address as the user gave it, normalised (no trailing slash). */
  url: string;
  /** Where the REST API answers (WordPress: the Link rel="https://api.w.org/" of the home page). */
  apiRoot: string;
  siteName: string;
  userName: string;
  userDisplayName: string;
  roles: string[];
  canPublish: boolean;
  canModerate: boolean;
}

export interface RemotePostInput {
  title: string;
  slug: string;
  excerpt: string;
  html: string;
  status: RemotePostStatus;
  /** UTC, for a scheduled post. */
  dateGmt: string | null;
  tags: string[];
  categories: string[];
  /** The idempotency token, carried in the body as an HTML comment. */
  marker: string;
}

export interface RemotePost {
  remoteId: number;
  link: string;
  status: string;
  slug: string;
  modifiedGmt: string;
  title: string;
  /**
   * A hash of the title, excerpt and content exactly as the site stores them (raw). It moves with
   * every edit there, also one made within the second of our push, which modifiedGmt cannot show.
   */
  contentHash: string;
}

export interface RemoteMediaInput {
  fileName: string;
  mime: string;
  data: Buffer;
  alt: string;
  caption: string;
  /** Carried in the media title. */
  marker: string;
}

export interface RemoteMedia {
  remoteId: number;
  url: string;
}

export interface RemoteComment {
  remoteId: number;
  remotePostId: number;
  parentRemoteId: number | null;
  authorName: string;
  authorEmail: string;
  authorUrl: string;
  /** UTC, ISO 8601 with Z. */
  dateGmt: string | null;
  /** Raw and hostile: sanitize before storing. */
  html: string;
  status: CommentStatus;
  /** Changes whenever the remote comment's status, text or author changes. */
  fingerprint: string;
  /** Where the comment is seen on the site. */
  link: string;
}

export interface RemotePostSummary {
  remoteId: number;
  link: string;
  slug: string;
  title: string;
  dateGmt: string | null;
}

/** A remote comment as a light sweep sees it: enough to tell whether it changed since it was pulled. */
export interface RemoteCommentStamp {
  remoteId: number;
  remotePostId: number;
  status: CommentStatus;
  fingerprint: string;
}

export interface Publisher {
  readonly kind: PublisherKind;
  connect(): Promise<ConnectedSite>;
  getPost(remoteId: number): Promise<RemotePost | null>;
  findPostByMarker(marker: string): Promise<RemotePost | null>;
  createPost(p: RemotePostInput): Promise<RemotePost>;
  updatePost(remoteId: number, p: RemotePostInput): Promise<RemotePost>;
  uploadMedia(m: RemoteMediaInput): Promise<RemoteMedia>;
  findMediaByMarker(marker: string): Promise<RemoteMedia | null>;
  /** Every post of the site (any status but trash), for pulling comments of posts not published from here. */
  listPosts(): Promise<RemotePostSummary[]>;
  /** Comments of the given posts (all posts when null), every status, page by page; with newerThanId only those with a larger id. onPage returning false stops. */
  listComments(o: { postIds: number[] | null; newerThanId?: number | null }, onPage: (page: RemoteComment[]) => void | boolean): Promise<void>;
  getComment(remoteId: number): Promise<RemoteComment | null>;
  /**
   * What every comment of the given posts (every status) is now, without the parts a change
   * check does not need (rendered text, avatars, links): its status and fingerprint.
   */
  sweepComments(postIds: number[]): Promise<RemoteCommentStamp[]>;
  /** The named comments in full, every status (missing ones are left out). */
  getComments(remoteIds: number[]): Promise<RemoteComment[]>;
  /** Sets the status and reads it back (WordPress ignores unknown statuses with a 200). */
  setCommentStatus(remoteId: number, status: CommentStatus): Promise<RemoteComment>;
  createReply(r: { remotePostId: number; parentRemoteId: number; html: string }): Promise<RemoteComment>;
}

export interface PublisherOptions {
  timeoutMs?: number;
  retries?: number;
  backoffMs?: number;
  log?: (e: LogEntry) => void;
}
