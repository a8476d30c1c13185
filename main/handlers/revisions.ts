/** Revisions: list, view, compare with the current text (word-level, computed here) and restore. */
import { diffWordsWithSpace } from 'diff';
import type { Handlers } from '../../common/api';
import type { DiffPart } from '../../common/api/revisions';
import { AppError } from '../../common/errors';
import type { Ctx } from '../context';
import { nowIso } from '../../db/clock';
import { findPostRow, getPost, replacePostText } from '../../db/repos/posts';
import { comparableText, getRevision, listRevisions, takeSnapshot } from '../../db/repos/revisions';

type RevisionMethods = 'revisions.list' | 'revisions.get' | 'revisions.diff' | 'revisions.restore';

function countWords(parts: DiffPart[], kind: DiffPart['kind']): number {
  return parts.filter((p) => p.kind === kind).reduce((n, p) => n + (p.value.match(/\S+/g)?.length ?? 0), 0);
}

export const revisionsHandlers: Pick<Handlers<Ctx>, RevisionMethods> = {
  'revisions.list': (input, ctx) => {
    getPost(ctx.db, { id: input.postId });
    return listRevisions(ctx.db, input.postId);
  },
  'revisions.get': (input, ctx) => getRevision(ctx.db, input.id),
  'revisions.diff': (input, ctx) => {
    const rev = getRevision(ctx.db, input.id);
    const row = findPostRow(ctx.db, { id: rev.postId });
    if (!row) throw new AppError('NOT_FOUND', 'The post of this revision is in the trash; restore it first.');
    const before = comparableText(rev.title, rev.standfirst, rev.text);
    const after = comparableText(row.title, row.standfirst, row.body_text);
    const parts: DiffPart[] = diffWordsWithSpace(before, after).map((c) => ({ value: c.value, kind: c.added ? 'added' : c.removed ? 'removed' : 'same' }));
    const { body: _b, text: _t, standfirst: _s, ...revision } = rev;
    return { revision, parts, added: countWords(parts, 'added'), removed: countWords(parts, 'removed') };
  },
  'revisions.restore': (input, ctx) =>
    ctx.db.transaction(() => {
      const rev = getRevision(ctx.db, input.id);
      const row = findPostRow(ctx.db, { id: rev.postId });
      if (!row) throw new AppError('NOT_FOUND', 'The post of this revision is in the trash; restore it first.');
      if (input.baseRevision !== undefined && input.baseRevision !== row.revision) {
        throw new AppError('CONFLICT', `This draft was saved elsewhere (revision ${row.revision}); reload it before restoring. Nothing was changed.`, {
          currentRevision: row.revision,
          updatedAt: row.updated_at,
        });
      }
      const now = nowIso();
      takeSnapshot(ctx.db, row, `before restoring the version of ${rev.createdAt.slice(0, 16).replace('T', ' ')} UTC`, now);
      replacePostText(ctx.db, rev.postId, { title: rev.title, standfirst: rev.standfirst, body: rev.body }, now);
      return getPost(ctx.db, { id: rev.postId });
    })(),
};
