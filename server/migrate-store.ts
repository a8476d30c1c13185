/**
 * `sync-server migrate-store`: moves a team from the SQLite file to PostgreSQL. Every document is
 * written as its merged state, members with their token hashes, all in one PostgreSQL
 * transaction; then both sides are summarized and compared (server/store-check.ts). A target that
 * already holds documents or members is refused unless `replace` empties it first, in the same
 * transaction. The source file is only read. Run it with the server stopped.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../common/errors';
import { PgStore } from './pg-store';
import { STORE_FILE, TeamStore } from './store';
import { describeTarget } from './store-api';
import { compareSummaries, mergedState, summarize, type Comparison } from './store-check';

export async function migrateStore(fromDir: string, postgres: string, options: { replace: boolean }): Promise<Comparison> {
  const file = path.join(fromDir, STORE_FILE);
  if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', `${file} does not exist: --from-sqlite names the team server's data folder (the one given to --data).`);
  const source = new TeamStore(fromDir);
  try {
    const target = await PgStore.open(postgres);
    try {
      const where = describeTarget({ postgres });
      await target.importTeam(
        (function* () {
          for (const name of source.documentNames()) yield { name, state: mergedState(source.load(name)) };
        })(),
        source.members(),
        { replace: options.replace, where },
      );
      return compareSummaries(await summarize(source), await summarize(target), [file, where]);
    } finally {
      await target.close();
    }
  } finally {
    source.close();
  }
}
