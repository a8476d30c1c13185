import { backupsDir, createBackup, KEEP_BACKUPS, listBackups } from '../../db/backup';
import { resolveDbPath } from '../paths';
import { dbOption, parse, printJson, withContext } from './args';
import type { Command } from './command';

function size(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export const backupCommand: Command = {
  name: 'backup',
  usage: `workbench backup [--list] [--json] [--db FILE]

Copies the database with SQLite's online backup API into the \`backups\` folder beside it, named by
time and reason; the newest ${KEEP_BACKUPS} backups are kept. Safe while the app is running.
The app also backs up once a day as it starts, and before every schema upgrade.
  --list      list the backups instead, newest first
  --json      print JSON instead of text
  --db FILE   database file (default: WORKBENCH_DB, else the app's user-data folder)`,
  async run(argv) {
    const { values } = parse(argv, { list: { type: 'boolean' }, json: { type: 'boolean' }, ...dbOption }, false);
    if (values.help) {
      console.log(this.usage);
      return 0;
    }
    if (values.list) {
      const dbPath = resolveDbPath(values.db);
      const backups = listBackups(dbPath);
      if (values.json) printJson({ folder: backupsDir(dbPath), backups });
      else if (backups.length === 0) console.log(`No backups yet in ${backupsDir(dbPath)}; \`workbench backup\` makes one.`);
      else for (const b of backups) console.log(`${b.name}  ${b.reason}  ${size(b.sizeBytes)}  schema ${b.schemaVersion ?? '?'}`);
      return 0;
    }
    const made = await withContext(values.db, (ctx) => createBackup(ctx.db, ctx.dbPath, 'manual'));
    if (values.json) printJson(made);
    else console.log(`Backed up to ${made.path} (${size(made.sizeBytes)}); the newest ${KEEP_BACKUPS} backups are kept.`);
    return 0;
  },
};
