/**
 * What an import checks before it loads an importer or opens the store: the file is there, is
 * not empty, and is in a format we read. Cheap and free of heavy modules, so the CLI refuses a
 * bad file before it opens the database, and the pipeline runs the same checks for every door.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ImportFormat } from '../../common/domain';
import { AppError } from '../../common/errors';
import { detectFormat } from './detect';
import { readHead, refuseUnreadable } from './file-source';

export interface ImportFileRequest {
  filePath: string;
  /** The name shown in messages (an upload's original name). */
  fileName?: string;
  format?: ImportFormat | 'auto';
}

export interface CheckedImportFile {
  fileName: string;
  totalBytes: number;
  format: ImportFormat;
}

/** Throws NOT_FOUND or IMPORT_FAILED (where and what; nothing was imported) for a file no import can read. */
export function checkImportFile(req: ImportFileRequest): CheckedImportFile {
  const fileName = req.fileName ?? path.basename(req.filePath);
  const stat = fs.statSync(req.filePath, { throwIfNoEntry: false });
  if (!stat?.isFile()) throw new AppError('NOT_FOUND', `${fileName}: no such file.`);
  if (stat.size === 0) throw new AppError('IMPORT_FAILED', `${fileName}:1:1: the file is empty; nothing was imported`);
  return { fileName, totalBytes: stat.size, format: resolveFormat(req) };
}

export function resolveFormat(req: ImportFileRequest): ImportFormat {
  const name = req.fileName ?? path.basename(req.filePath);
  const head = readHead(req.filePath);
  refuseUnreadable(head, name);
  if (req.format && req.format !== 'auto') return req.format;
  const detected = detectFormat(head, name);
  if (!detected) {
    throw new AppError('IMPORT_FAILED', `${name}:1:1: the format could not be recognised (WordPress WXR, Disqus XML, CSV, JSON or copied page text); choose it explicitly; nothing was imported`);
  }
  return detected;
}
