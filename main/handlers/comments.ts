import type { Handlers } from '../../common/api';
import type { Ctx } from '../context';
import { applyStatuses, commentIds, listComments, setStatus, statusCounts } from '../../db/repos/comment-review';
import { createTag, deleteTag, listTags, updateTag } from '../../db/repos/tags';
import { createAnnotation, deleteAnnotation, listAnnotations, updateAnnotation } from '../../db/repos/annotations';
import { getReply, saveReply } from '../../db/repos/replies';
import { annotationReport } from '../../db/repos/annotation-report';

type CommentMethods =
  | 'comments.list'
  | 'comments.counts'
  | 'comments.ids'
  | 'comments.setStatus'
  | 'comments.restoreStatuses'
  | 'tags.list'
  | 'tags.create'
  | 'tags.update'
  | 'tags.delete'
  | 'annotations.create'
  | 'annotations.update'
  | 'annotations.delete'
  | 'annotations.list'
  | 'replies.get'
  | 'replies.save'
  | 'reports.annotations';

export const commentsHandlers: Pick<Handlers<Ctx>, CommentMethods> = {
  'comments.list': (input, ctx) => listComments(ctx.db, input),
  'comments.counts': (input, ctx) => statusCounts(ctx.db, input.filter),
  'comments.ids': (input, ctx) => ({ items: commentIds(ctx.db, input.filter) }),
  'comments.setStatus': (input, ctx) => setStatus(ctx.db, input.items, input.status),
  'comments.restoreStatuses': (input, ctx) => applyStatuses(ctx.db, input.items),
  'tags.list': (_input, ctx) => listTags(ctx.db),
  'tags.create': (input, ctx) => createTag(ctx.db, input),
  'tags.update': (input, ctx) => updateTag(ctx.db, input),
  'tags.delete': (input, ctx) => deleteTag(ctx.db, input.id),
  'annotations.create': (input, ctx) => createAnnotation(ctx.db, input),
  'annotations.update': (input, ctx) => updateAnnotation(ctx.db, input),
  'annotations.delete': (input, ctx) => deleteAnnotation(ctx.db, input.id),
  'annotations.list': (input, ctx) => listAnnotations(ctx.db, input),
  'replies.get': (input, ctx) => getReply(ctx.db, input.commentId),
  'replies.save': (input, ctx) => saveReply(ctx.db, input),
  'reports.annotations': (input, ctx) => annotationReport(ctx.db, input),
};
