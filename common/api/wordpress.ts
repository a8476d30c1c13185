/**
 * Connected WordPress sites (main/publishers/): connect, publish, pull comments, push moderation,
 * and each site's log. A password comes in once, with connect, and never goes out again.
 */
import { z } from 'zod';
import { CommentStatus, Id, Slug } from '../domain';
import { mutation, query } from './method';

const PostRef = z.union([z.object({ id: Id }).strict(), z.object({ slug: Slug }).strict()]);
const SiteId = z.string().min(1).max(100);
const RemoteStatus = z.enum(['draft', 'future', 'publish']);

export const ConnectedSite = z.object({
  id: z.string(),
  kind: z.literal('wordpress'),
  url: z.string(),
  apiRoot: z.string(),
  userName: z.string(),
  siteName: z.string(),
  userDisplayName: z.string(),
  canPublish: z.boolean(),
  canModerate: z.boolean(),
  commentsPulledAt: z.string().nullable(),
  createdAt: z.string(),
  hasPassword: z.boolean(),
}).strict();
export type ConnectedSite = z.infer<typeof ConnectedSite>;

export const PublishOutcome = z.object({
  postId: z.string(), siteId: z.string(), remoteId: z.number().int(), link: z.string(), status: z.string(), created: z.boolean(),
  picturesUploaded: z.number().int(), picturesReused: z.number().int(),
  warnings: z.array(z.object({ code: z.string(), message: z.string() }).strict()),
}).strict();

export const ModerationChange = z.object({
  commentId: z.string(), remoteId: z.number().int(), postTitle: z.string(), author: z.string(), excerpt: z.string(), from: CommentStatus, to: CommentStatus,
}).strict();
export type ModerationChange = z.infer<typeof ModerationChange>;

export const ModerationConflict = ModerationChange.extend({ remoteNow: CommentStatus.nullable(), reason: z.string() }).strict();
export type ModerationConflict = z.infer<typeof ModerationConflict>;

export const RemoteLink = z.object({ siteId: z.string(), siteUrl: z.string(), remoteId: z.number().int(), link: z.string(), remoteStatus: z.string(), pushedAt: z.string().nullable() }).strict();
export type RemoteLink = z.infer<typeof RemoteLink>;

export const LogRow = z.object({
  id: z.number().int(), at: z.string(), method: z.string(), url: z.string(), status: z.number().int().nullable(), sent: z.string(), received: z.string(), ms: z.number().int(),
}).strict();
export type LogRow = z.infer<typeof LogRow>;

export const wordpressApi = {
  'wordpress.sites': query('The connected WordPress sites, whether a password is stored for each.', z.object({}).strict(), z.array(ConnectedSite)),
  'wordpress.connect': mutation(
    'Checks a site address, user and application password at once (users/me); on success remembers the site and seals the password outside the database.',
    z.object({ url: z.string().min(1).max(2000), user: z.string().min(1).max(200), password: z.string().min(1).max(200) }).strict(),
    ConnectedSite,
  ),
  'wordpress.disconnect': mutation('Forgets a site\'s password; its links to published posts and pulled comments stay.', z.object({ siteId: SiteId }).strict(), z.object({ siteId: z.string() }).strict()),
  'wordpress.publish': mutation(
    'Publishes a post to a site as a draft, a scheduled or a published post; again, it updates the same remote post. CONFLICT when it was edited there since the last push, unless overwrite.',
    z.object({ siteId: SiteId, post: PostRef, status: RemoteStatus.optional(), overwrite: z.boolean().default(false), force: z.boolean().default(false) }).strict(),
    PublishOutcome,
  ),
  'wordpress.publishSeries': mutation(
    'Publishes every post of a series in running order, with previous and next links to the remote posts.',
    z.object({ siteId: SiteId, series: z.union([z.object({ id: Id }).strict(), z.object({ slug: Slug }).strict()]), status: RemoteStatus.optional(), overwrite: z.boolean().default(false), force: z.boolean().default(false) }).strict(),
    z.array(PublishOutcome),
  ),
  'wordpress.postLinks': query("Where a post is published: each site's remote id, link and status.", z.object({ postId: Id }).strict(), z.array(RemoteLink)),
  'wordpress.pullComments': mutation(
    'Pulls the comments of the posts linked to a site (or of the named posts, or with all of every post there) into the review pane.',
    z.object({ siteId: SiteId, posts: z.array(PostRef).max(1000).optional(), all: z.boolean().default(false), full: z.boolean().default(false) }).strict(),
    z.object({
      siteId: z.string(), posts: z.number().int(), postsCreated: z.number().int(), pages: z.number().int(), fetched: z.number().int(), imported: z.number().int(), updated: z.number().int(), unchanged: z.number().int(),
      changed: z.number().int(), conflicts: z.array(ModerationConflict),
      ruledHeld: z.number().int(), ruledSpam: z.number().int(), cancelled: z.boolean(), warnings: z.array(z.string()),
    }).strict(),
  ),
  'wordpress.pullProgress': query(
    'How far the pull running for a site is: pages and comments stored so far (each page is stored as it comes).',
    z.object({ siteId: SiteId }).strict(),
    z.object({ running: z.boolean(), pages: z.number().int(), fetched: z.number().int(), imported: z.number().int() }).strict(),
  ),
  'wordpress.cancelPull': mutation(
    'Stops the pull running for a site after the page in flight; every page already stored stays, and the next pull fetches the rest.',
    z.object({ siteId: SiteId }).strict(),
    z.object({ cancelled: z.boolean() }).strict(),
  ),
  'wordpress.moderationPreview': query('Every local moderation decision that differs from the site, to confirm before pushing.', z.object({ siteId: SiteId }).strict(), z.array(ModerationChange)),
  'wordpress.pushModeration': mutation(
    'Sends the local decisions to the site; a comment changed there since the pull is returned as a conflict unless its remote id is in overwrite.',
    z.object({ siteId: SiteId, overwrite: z.array(z.number().int()).max(100_000).default([]), dryRun: z.boolean().default(false) }).strict(),
    z.object({ siteId: z.string(), dryRun: z.boolean(), changes: z.array(ModerationChange), pushed: z.number().int(), conflicts: z.array(ModerationConflict) }).strict(),
  ),
  'wordpress.postReply': mutation(
    'Posts the reply draft (marked ready) to a pulled comment as a WordPress reply by the connected user, and links it; posting again finds the reply already there.',
    z.object({ siteId: SiteId, commentId: Id }).strict(),
    z.object({ commentId: z.string(), replyRemoteId: z.number().int(), link: z.string(), created: z.boolean() }).strict(),
  ),
  'wordpress.replyTarget': query(
    'The site a comment came from, who a reply would be posted as, and the reply already posted there (null: the comment is from no connected site).',
    z.object({ commentId: Id }).strict(),
    z.object({
      siteId: z.string(), siteUrl: z.string(), userName: z.string(), hasPassword: z.boolean(),
      posted: z.object({ remoteId: z.number().int(), link: z.string(), postedAt: z.string() }).strict().nullable(),
    }).strict().nullable(),
  ),
  'wordpress.log': query("A site's connection log, newest first: what was sent and what came back, never a password.", z.object({ siteId: SiteId, limit: z.number().int().min(1).max(1000).default(200) }).strict(), z.array(LogRow)),
};
