/**
 * Files waiting to be imported: browser-mode uploads stored under <dataDir>/uploads/<id> with a
 * sidecar holding the original name, and paths given by the CLI or the desktop file dialog.
 * Both resolve to { filePath, fileName } after checks, so the importers only ever see a real file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../common/errors';
import type { Ctx } from '../context';

export const MAX_IMPORT_BYTES = 1024 * 1024 * 1024;
const STALE_MS = 24 * 60 * 60 * 1000;

export function uploadsDir(ctx: Pick<Ctx, 'dataDir'>): string {
  return path.join(ctx.dataDir, 'uploads');
}

export interface ResolvedFile {
  filePath: string;
  fileName: string;
  size: number;
  uploadId?: string;
}

export function resolveImportFile(ctx: Pick<Ctx, 'dataDir' | 'mode'>, ref: { uploadId: string } | { path: string }): ResolvedFile {
  if ('uploadId' in ref) {
    const filePath = path.join(uploadsDir(ctx), ref.uploadId);
    if (!fs.existsSync(filePath)) throw new AppError('NOT_FOUND', `No upload ${ref.uploadId}; it may have been imported already or cleaned up. Choose the file again.`);
    let fileName = ref.uploadId;
    try {
      fileName = (JSON.parse(fs.readFileSync(`${filePath}.json`, 'utf8')) as { fileName: string }).fileName;
    } catch {
      // The name is only for messages.
    }
    return { filePath, fileName, size: fs.statSync(filePath).size, uploadId: ref.uploadId };
  }
  // A page in browser mode must not make the server read arbitrary local files: it uploads instead.
  if (ctx.mode === 'browser') throw new AppError('FORBIDDEN', 'In browser mode, upload the file (POST /upload) and import it by uploadId.');
  if (!path.isAbsolute(ref.path)) throw new AppError('BAD_INPUT', `"${ref.path}" is not an absolute path.`);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(ref.path);
  } catch {
    throw new AppError('NOT_FOUND', `${ref.path}: no such file.`);
  }
  if (!stat.isFile()) throw new AppError('BAD_INPUT', `${ref.path} is not a file.`);
  if (stat.size > MAX_IMPORT_BYTES) throw new AppError('IMPORT_FAILED', `${path.basename(ref.path)} is larger than 1 GB; nothing was imported.`);
  return { filePath: ref.path, fileName: path.basename(ref.path), size: stat.size };
}

export function removeUpload(ctx: Pick<Ctx, 'dataDir'>, uploadId: string): void {
  const file = path.join(uploadsDir(ctx), uploadId);
  fs.rmSync(file, { force: true });
  fs.rmSync(`${file}.json`, { force: true });
}

/** Uploads left behind by abandoned dialogs, removed when a new upload arrives. */
export function removeStaleUploads(ctx: Pick<Ctx, 'dataDir'>, now = Date.now()): void {
  const dir = uploadsDir(ctx);
  if (!fs.existsSync(dir)) return;
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    try {
      if (now - fs.statSync(file).mtimeMs > STALE_MS) fs.rmSync(file, { force: true });
    } catch {
      // Gone already.
    }
  }
}
