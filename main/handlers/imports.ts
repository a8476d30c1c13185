import type { Handlers } from '../../common/api';
import type { Ctx } from '../context';
import { detectFormat, FORMATS_WITH_POSTS } from '../importers/detect';
import { fileChunks, readHead, refuseUnreadable } from '../importers/file-source';
import { cancelImportJob, importJobProgress, startImportJob } from '../importers/jobs';
import type { ImportRequest } from '../importers/pipeline';
import { holdWrites } from '../write-gate';
import { removeUpload, resolveImportFile } from '../importers/uploads';

type Options = Parameters<Handlers<Ctx>['imports.run']>[0];

// The parsers and the sanitizer (saxes, parse5, jsdom, DOMPurify) load on first use, not at start-up.
const pipeline = () => import('../importers/pipeline');
const csvImporter = () => import('../importers/csv');

function request(ctx: Ctx, o: Options) {
  const file = resolveImportFile(ctx, o.file);
  const req: ImportRequest = { filePath: file.filePath, fileName: file.fileName, format: o.format, postSlug: o.postSlug, csv: o.csv };
  return { file, req };
}

export const importsHandlers: Pick<Handlers<Ctx>, 'imports.inspect' | 'imports.preview' | 'imports.run' | 'imports.start' | 'imports.progress' | 'imports.cancel'> = {
  'imports.inspect': async ({ file: ref }, ctx) => {
    const file = resolveImportFile(ctx, ref);
    const head = readHead(file.filePath);
    refuseUnreadable(head, file.fileName);
    const format = detectFormat(head, file.fileName);
    let csv = null;
    if (format === 'csv') {
      const { readCsvHeader, suggestCsvMapping } = await csvImporter();
      const headers = await readCsvHeader(fileChunks(file.filePath, { fileName: file.fileName }), file.fileName);
      csv = { headers, mapping: suggestCsvMapping(headers) };
    }
    return { fileName: file.fileName, size: file.size, format, needsPost: format !== null && !FORMATS_WITH_POSTS.includes(format), csv };
  },
  'imports.preview': (o, ctx) => holdWrites(ctx, async () => (await pipeline()).runImport(request(ctx, o).req, { openDb: ctx.reopen, dryRun: true })),
  'imports.run': async (o, ctx) => {
    const { file, req } = request(ctx, o);
    const summary = await holdWrites(ctx, async () => (await pipeline()).runImport(req, { openDb: ctx.reopen }));
    if (file.uploadId) removeUpload(ctx, file.uploadId);
    return summary;
  },
  'imports.start': (o, ctx) => {
    const { file, req } = request(ctx, o);
    return startImportJob(ctx, req, file.size, (state) => {
      // A finished upload is not needed again; a failed or cancelled one may be retried.
      if (file.uploadId && state === 'done') removeUpload(ctx, file.uploadId);
    });
  },
  'imports.progress': ({ jobId }, ctx) => importJobProgress(ctx, jobId),
  'imports.cancel': ({ jobId }, ctx) => cancelImportJob(ctx, jobId),
};
