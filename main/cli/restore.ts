import fs from 'node:fs';
import path from 'node:path';
import { backupsDir, createBackupSync } from '../../db/backup';
import { openDatabase } from '../../db/connection';
import { LATEST_VERSION, schemaVersion } from '../../db/migrate';
import { restoreDatabase } from '../../db/restore';
import { APP_VERSION } from '../app-info';
import { resolveDbPath } from '../paths';
import { dbOption, parse, printJson, UsageError } from './args';
import type { Command } from './command';

export const restoreCommand: Command = {
  name: 'restore',
  usage: `workbench restore <file> [--json] [--db FILE]

<file> is a backup's path, or a name from \`workbench backup --list\`. Before anything is replaced the
file is checked: it must be an Editorial Workbench database that passes PRAGMA integrity_check and
was not written by a newer version of the app. The current database is kept in the backups folder
(reason "before-restore") first, so a restore can itself be undone. Close the app before restoring.
  --json      print JSON instead of text
  --db FILE   database file (default: WORKBENCH_DB, else the app's user-data folder)`,
  async run(argv) {
    const { values, positionals } = parse(argv, { json: { type: 'boolean' }, ...dbOption });
    if (values.help) {
      console.log(this.usage);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError('restore takes exactly one backup file.');
    const dbPath = resolveDbPath(values.db);
    const named = path.join(backupsDir(dbPath), positionals[0]);
    const source = !positionals[0].includes('/') && !positionals[0].includes('\\') && fs.existsSync(named) ? named : path.resolve(positionals[0]);
    const reopen = () =>
      openDatabase(dbPath, { appVersion: APP_VERSION, beforeMigrate: (_from, _to, db) => void createBackupSync(db, dbPath, 'before-migration') });
    // Not migrated on the way in: a database this app refuses to open can still be replaced.
    let db = openDatabase(dbPath, { migrate: false });
    try {
      const result = restoreDatabase(db, dbPath, source, LATEST_VERSION, reopen, (next) => (db = next));
      const summary = {
        restoredFrom: result.restored.file,
        backupSchemaVersion: result.restored.schemaVersion,
        schemaVersion: schemaVersion(db),
        previous: result.previous,
      };
      if (values.json) printJson(summary);
      else
        console.log(
          `Restored ${dbPath} from ${summary.restoredFrom} (schema ${summary.backupSchemaVersion}` +
            `${summary.schemaVersion !== summary.backupSchemaVersion ? `, upgraded to ${summary.schemaVersion}` : ''}).\n` +
            `The database as it was is kept at ${result.previous.path}.`,
        );
      return 0;
    } finally {
      if (db.open) db.close();
    }
  },
};
