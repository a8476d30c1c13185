import type { Handlers } from '../../common/api';
import type { Ctx } from '../context';
import { readCsvHeader, suggestCsvMapping } from '../importers/csv';
import { detectFormat } from '../importers/detect';
import { fileChunks, readHead } from '../importers/file-source';
import { cancelImportJob, importJobProgress, startImportJob } from '../importers/jobs';
import { runImport, type ImportRequest } from '../importers/pipeline';
import { holdWrites } from '../write-gate';
import { FORMATS_WITH_POSTS } from '../importers/registry';
import { removeUpload, resolveImportFile } from '../importers/uploads';

type Options = Parameters<Handlers<Ctx>['imports.run']>[0];

function request(ctx: Ctx, o: Options) {
  const file = resolveImportFile(ctx, o.file);
  const req: ImportRequest = { filePath: file.filePath, fileName: file.fileName, format: o.format, postSlug: o.postSlug, csv: o.csv };
  return { file, req };
}

export const importsHandlers: Pick<Handlers<Ctx>, 'imports.inspect' | 'imports.preview' | 'imports.run' | 'imports.start' | 'imports.progress' | 'imports.cancel'> = {
  'imports.inspect': async ({ file: ref }, ctx) => {
    const file = resolveImportFile(ctx, ref);
    const format = detectFormat(readHead(file.filePath), file.fileName);
    let csv = null;
    if (format === 'csv') {
      const headers = await readCsvHeader(fileChunks(file.filePath), file.fileName);
      csv = { headers, mapping: suggestCsvMapping(headers) };
    }
    return { fileName: file.fileName, size: file.size, format, needsPost: format !== null && !FORMATS_WITH_POSTS.includes(format), csv };
  },
  'imports.preview': (o, ctx) => holdWrites(ctx, () => runImport(request(ctx, o).req, { openDb: ctx.reopen, dryRun: true })),
  'imports.run': async (o, ctx) => {
    const { file, req } = request(ctx, o);
    const summary = await holdWrites(ctx, () => runImport(req, { openDb: ctx.reopen }));
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
