import path from 'node:path';
import type { Handlers } from '../../common/api';
import { AppError } from '../../common/errors';
import { backupsDir, createBackup, KEEP_BACKUPS, listBackups } from '../../db/backup';
import { LATEST_VERSION, schemaVersion } from '../../db/migrate';
import { restoreDatabase } from '../../db/restore';
import type { Ctx } from '../context';

type BackupMethods = 'backup.list' | 'backup.create' | 'backup.restore';

/** Restores `source` into the open context: ctx.db is closed, the file swapped, ctx.db reopened. */
export async function restoreIntoContext(ctx: Ctx, source: string) {
  // A daily backup still copying holds the old connection; let it finish first.
  await ctx.startupBackup;
  const result = restoreDatabase(ctx.db, ctx.dbPath, source, LATEST_VERSION, ctx.reopen, (db) => {
    ctx.db = db;
  });
  return {
    restoredFrom: result.restored.file,
    backupSchemaVersion: result.restored.schemaVersion,
    schemaVersion: schemaVersion(ctx.db),
    previous: result.previous,
  };
}

export const backupHandlers: Pick<Handlers<Ctx>, BackupMethods> = {
  'backup.list': (_input, ctx) => ({ folder: backupsDir(ctx.dbPath), keep: KEEP_BACKUPS, backups: listBackups(ctx.dbPath) }),
  'backup.create': (_input, ctx) => createBackup(ctx.db, ctx.dbPath, 'manual'),
  'backup.restore': (input, ctx) => {
    if ('name' in input) {
      const found = listBackups(ctx.dbPath).find((b) => b.name === input.name);
      if (!found) throw new AppError('NOT_FOUND', `There is no backup named ${input.name} in ${backupsDir(ctx.dbPath)}.`);
      return restoreIntoContext(ctx, found.path);
    }
    if (!path.isAbsolute(input.path)) throw new AppError('BAD_INPUT', `Give the backup's full path, not "${input.path.slice(0, 200)}".`);
    return restoreIntoContext(ctx, input.path);
  },
};
