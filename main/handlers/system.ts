import type { Handlers } from '../../common/api';
import type { Ctx } from '../context';
import { schemaVersion } from '../../db/migrate';

export const systemHandlers: Pick<Handlers<Ctx>, 'system.info'> = {
  'system.info': (_input, ctx) => ({
    appVersion: ctx.appVersion,
    schemaVersion: schemaVersion(ctx.db),
    dbPath: ctx.dbPath,
    mode: ctx.mode,
    platform: process.platform,
  }),
};
