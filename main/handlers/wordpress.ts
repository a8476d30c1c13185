/** Connected WordPress sites: the API's door to main/publishers/. */
import type { Handlers } from '../../common/api';
import type { Ctx } from '../context';
import { readLog, remotePostsOfPost, getSite, postedReply, siteOfComment } from '../../db/repos/cms';
import { findPostRow } from '../../db/repos/posts';
import { AppError } from '../../common/errors';
import { defaultCredentialStore } from '../publishers/credentials';
import { connectSite, disconnectSite, publisherFor, requireSite, siteStatuses } from '../publishers/connections';
import { publishPost, publishSeries } from '../publishers/publish-post';
import { pullComments } from '../publishers/pull-comments';
import { moderationChanges, pushModeration } from '../publishers/push-moderation';
import { postReply } from '../publishers/post-reply';
import { cancelPull, pullProgress, runPullJob } from '../publishers/pull-jobs';

type WordPressMethods =
  | 'wordpress.sites' | 'wordpress.connect' | 'wordpress.disconnect' | 'wordpress.publish' | 'wordpress.publishSeries'
  | 'wordpress.postLinks' | 'wordpress.pullComments' | 'wordpress.pullProgress' | 'wordpress.cancelPull' | 'wordpress.moderationPreview'
  | 'wordpress.pushModeration' | 'wordpress.postReply' | 'wordpress.replyTarget' | 'wordpress.log';

/** The desktop app seals with safeStorage (ctx.secretBox); browser mode and the CLI with the key file. */
const store = (ctx: Ctx) => defaultCredentialStore(process.env, ctx.secretBox);

const open = (ctx: Ctx, siteId: string) => {
  const site = requireSite(ctx.db, siteId);
  return { site, wp: publisherFor(ctx.db, store(ctx), site) };
};

export const wordpressHandlers: Pick<Handlers<Ctx>, WordPressMethods> = {
  'wordpress.sites': (_input, ctx) => siteStatuses(ctx.db, store(ctx)),
  'wordpress.connect': (input, ctx) => connectSite(ctx.db, store(ctx), { url: input.url, user: input.user, password: input.password }),
  'wordpress.disconnect': (input, ctx) => {
    disconnectSite(ctx.db, store(ctx), input.siteId);
    return { siteId: input.siteId };
  },
  'wordpress.publish': (input, ctx) => {
    const { site, wp } = open(ctx, input.siteId);
    return publishPost(ctx.db, wp, site, { post: input.post, status: input.status, overwrite: input.overwrite, force: input.force });
  },
  'wordpress.publishSeries': (input, ctx) => {
    const { site, wp } = open(ctx, input.siteId);
    return publishSeries(ctx.db, wp, site, input.series, { status: input.status, overwrite: input.overwrite, force: input.force });
  },
  'wordpress.postLinks': (input, ctx) => {
    if (!findPostRow(ctx.db, { id: input.postId })) throw new AppError('NOT_FOUND', `No post with id ${input.postId}.`);
    return remotePostsOfPost(ctx.db, input.postId).map((l) => ({
      siteId: l.siteId, siteUrl: getSite(ctx.db, l.siteId)?.url ?? '', remoteId: l.remoteId, link: l.link, remoteStatus: l.remoteStatus, pushedAt: l.pushedAt,
    }));
  },
  'wordpress.pullComments': (input, ctx) => {
    const { site, wp } = open(ctx, input.siteId);
    return runPullJob(site.id, site.url, (signal, onProgress) => pullComments(ctx.db, wp, site, { posts: input.posts, all: input.all, full: input.full, signal, onProgress }));
  },
  'wordpress.pullProgress': (input, ctx) => pullProgress(requireSite(ctx.db, input.siteId).id),
  'wordpress.cancelPull': (input, ctx) => ({ cancelled: cancelPull(requireSite(ctx.db, input.siteId).id) }),
  'wordpress.moderationPreview': (input, ctx) => moderationChanges(ctx.db, requireSite(ctx.db, input.siteId)),
  'wordpress.pushModeration': (input, ctx) => {
    const { site, wp } = open(ctx, input.siteId);
    return pushModeration(ctx.db, wp, site, { dryRun: input.dryRun, overwrite: input.overwrite });
  },
  'wordpress.postReply': (input, ctx) => {
    const { site, wp } = open(ctx, input.siteId);
    return postReply(ctx.db, wp, site, input.commentId);
  },
  'wordpress.replyTarget': (input, ctx) => {
    const twin = siteOfComment(ctx.db, input.commentId);
    const site = twin && siteStatuses(ctx.db, store(ctx)).find((s) => s.id === twin.siteId);
    if (!twin || !site) return null;
    const posted = postedReply(ctx.db, site.id, input.commentId);
    return { siteId: site.id, siteUrl: site.url, userName: site.userName, hasPassword: site.hasPassword, posted: posted && { remoteId: posted.remoteId, link: posted.link, postedAt: posted.postedAt } };
  },
  'wordpress.log': (input, ctx) => readLog(ctx.db, requireSite(ctx.db, input.siteId).id, input.limit),
};
