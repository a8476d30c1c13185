import type { Handlers } from '../../common/api';
import { runChecklist } from '../../common/checklist/evaluate';
import type { Ctx } from '../context';
import { checklistConfig, featuredImageOf, noticeOf, postFacts, setChecklistConfig, setFeaturedImage } from '../../db/repos/checklist';

type ChecklistMethods = 'checklist.check' | 'checklist.context' | 'checklist.config' | 'checklist.setConfig' | 'checklist.setFeaturedImage';

export const checklistHandlers: Pick<Handlers<Ctx>, ChecklistMethods> = {
  'checklist.check': (input, ctx) => {
    const { post, facts, config } = postFacts(ctx.db, input);
    return { post: { id: post.id, slug: post.slug, title: post.title, status: post.status }, report: runChecklist(facts, config) };
  },
  'checklist.context': (input, ctx) => {
    const { post, facts, config } = postFacts(ctx.db, { id: input.postId });
    const row = ctx.db.prepare('SELECT position FROM posts WHERE id = ?').get(post.id) as { position: number | null };
    return { config, seriesNotice: noticeOf(ctx.db, post.seriesId, row.position), featuredImage: facts.featuredImage ? featuredImageOf(ctx.db, post.id) : null, review: facts.review };
  },
  'checklist.config': (input, ctx) => checklistConfig(ctx.db, input.seriesId),
  'checklist.setConfig': (input, ctx) => setChecklistConfig(ctx.db, input.seriesId, input.rules),
  'checklist.setFeaturedImage': (input, ctx) => setFeaturedImage(ctx.db, input.postId, input.assetId, input.alt),
};
