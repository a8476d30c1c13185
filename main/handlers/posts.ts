import fs from 'node:fs';
import path from 'node:path';
import type { Handlers } from '../../common/api';
import { AppError } from '../../common/errors';
import type { Ctx } from '../context';
import { DEFAULT_WORKFLOW } from '../../common/domain';
import { outgoingStatuses } from '../../common/series/workflow';
import { assertChecklistAllows } from '../checklist-gate';
import { workflowOf, checkSlug, createPost, discardUntouchedDraft, duplicatePost, findPostRow, getPost, getPostDetails, listPosts, restorePost, trashPost, updatePost } from '../../db/repos/posts';
import { readWorkspace } from '../sync/workspace-row';
// The draft importer (jsdom, mammoth, marked) loads on the first import, not when the app starts.
type DraftImport = typeof import('../draft-import/index');
const draftImport = (): Promise<DraftImport> => import('../draft-import/index');

type PostMethods =
  | 'posts.list'
  | 'posts.get'
  | 'posts.details'
  | 'posts.create'
  | 'posts.update'
  | 'posts.delete'
  | 'posts.discardUntouched'
  | 'posts.restore'
  | 'posts.duplicate'
  | 'posts.checkSlug'
  | 'posts.import';

/** Reads a file named by path for an import, with errors that say which file and why. */
function readImportFile(file: string, maxBytes: number): { fileName: string; data: Buffer } {
  const full = path.resolve(file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(full);
  } catch {
    throw new AppError('IMPORT_FAILED', `${file}: no such file. Nothing was imported.`);
  }
  if (!stat.isFile()) throw new AppError('IMPORT_FAILED', `${file}: not a file. Nothing was imported.`);
  if (stat.size > maxBytes) {
    throw new AppError('IMPORT_FAILED', `${file}: ${(stat.size / 1048576).toFixed(1)} MB is over the 50 MB limit for a draft. Nothing was imported.`);
  }
  return { fileName: path.basename(full), data: fs.readFileSync(full) };
}

export const postsHandlers: Pick<Handlers<Ctx>, PostMethods> = {
  'posts.list': (input, ctx) => listPosts(ctx.db, input),
  'posts.get': (input, ctx) => getPost(ctx.db, input),
  'posts.details': (input, ctx) => getPostDetails(ctx.db, input),
  'posts.create': ({ acceptWarnings, ...input }, ctx) =>
    ctx.db.transaction(() => {
      // A new post made straight into scheduled or published goes through the same gate as a status change.
      if (!outgoingStatuses(workflowOf(ctx.db, input.seriesId ?? null)).includes(input.status)) return createPost(ctx.db, input);
      const post = createPost(ctx.db, { ...input, status: DEFAULT_WORKFLOW[0] });
      assertChecklistAllows(ctx.db, post.id, { status: input.status, acceptWarnings });
      return updatePost(ctx.db, { id: post.id, baseRevision: post.revision, status: input.status });
    })(),
  'posts.update': async ({ acceptWarnings, ...input }, ctx) => {
    if (input.status !== undefined) assertChecklistAllows(ctx.db, input.id, { ...input, status: input.status, acceptWarnings });
    // In a workspace a body saved on an older revision merges (main/sync/body-save.ts) instead of being refused.
    const row = input.body !== undefined ? findPostRow(ctx.db, { id: input.id }) : undefined;
    if (row && row.revision !== input.baseRevision && readWorkspace(ctx.db)) {
      const { mergeStaleBody } = await import('../sync/body-save');
      const { liveSession } = await import('../sync/live');
      const merged = mergeStaleBody(ctx.db, liveSession(ctx)?.docs, { id: input.id, baseRevision: input.baseRevision, body: input.body! });
      if (merged !== undefined) {
        const { body: _merged, ...rest } = input;
        return updatePost(ctx.db, { ...rest, baseRevision: merged });
      }
    }
    // Co-edited, the body's typing bumps the revision as it is projected into the row; a save of
    // the other fields (the title, in that window or another) made meanwhile is not refused for it.
    if (input.body === undefined && readWorkspace(ctx.db)) {
      const current = findPostRow(ctx.db, { id: input.id })?.revision ?? input.baseRevision;
      const { onlyBodySince } = await import('../sync/body-bases');
      if (onlyBodySince(ctx.db, input.id, input.baseRevision, current)) return updatePost(ctx.db, { ...input, baseRevision: current });
    }
    return updatePost(ctx.db, input);
  },
  'posts.delete': (input, ctx) => trashPost(ctx.db, input.id),
  'posts.discardUntouched': (input, ctx) => discardUntouchedDraft(ctx.db, input.id),
  'posts.restore': (input, ctx) => restorePost(ctx.db, input.id),
  'posts.duplicate': (input, ctx) => duplicatePost(ctx.db, input.id),
  'posts.checkSlug': (input, ctx) => checkSlug(ctx.db, input.slug, input.id),
  'posts.import': async (input, ctx) => {
    // A page in browser mode sends the file's bytes; reading paths is for the CLI and the desktop app's own dialog.
    if ('path' in input && ctx.mode === 'browser') {
      throw new AppError('BAD_INPUT', 'posts.import: in browser mode send the file as { fileName, dataBase64 }, not a path.');
    }
    const { importDraft, MAX_DRAFT_FILE_BYTES } = await draftImport();
    const file = 'path' in input ? readImportFile(input.path, MAX_DRAFT_FILE_BYTES) : { fileName: input.fileName, data: Buffer.from(input.dataBase64, 'base64') };
    return importDraft(ctx.db, file.fileName, file.data);
  },
};
