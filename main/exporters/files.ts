/**
 * Writing export files: each file goes to a temporary name beside its target and is renamed into
 * place, so a failed export never leaves a half-written page. Failures become AppErrors that say
 * which path and why.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../common/errors';

function reason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e.code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'the folder cannot be created there';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    case 'EISDIR':
      return 'it is a folder';
    case 'EROFS':
      return 'the disk is read-only';
    case 'ENOSPC':
      return 'the disk is full';
    default:
      return e.message ?? String(err);
  }
}

/**
 * mkdir -p, one level at a time: Node 20's recursive mkdir spins forever on some paths that
 * cannot be created (e.g. under /proc), and an export must fail with a message instead.
 */
function makeDirs(dir: string): void {
  const missing: string[] = [];
  let at = dir;
  while (!fs.existsSync(at)) {
    missing.unshift(at);
    const parent = path.dirname(at);
    if (parent === at) break;
    at = parent;
  }
  if (fs.existsSync(at) && !fs.statSync(at).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
  for (const d of missing) fs.mkdirSync(d);
}

export function requireAbsolute(p: string, what: string): string {
  if (!path.isAbsolute(p)) throw new AppError('BAD_INPUT', `${what} must be an absolute path, not "${p}".`);
  return path.normalize(p);
}

/** Writes all files (absolute path -> content) or throws before renaming any into place. */
export function writeFiles(files: Map<string, string | Buffer>): string[] {
  const staged: [string, string][] = [];
  try {
    for (const [target, content] of files) {
      try {
        makeDirs(path.dirname(target));
        if (fs.existsSync(target) && fs.statSync(target).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
        const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
        fs.writeFileSync(temp, content);
        staged.push([temp, target]);
      } catch (err) {
        throw new AppError('BAD_INPUT', `Cannot write ${target}: ${reason(err)}; nothing was exported.`);
      }
    }
    for (const [temp, target] of staged) fs.renameSync(temp, target);
    return staged.map(([, target]) => target);
  } catch (err) {
    for (const [temp] of staged) fs.rmSync(temp, { force: true });
    throw err;
  }
}
