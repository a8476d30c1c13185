import { z } from 'zod';
import { query } from './method';

export const systemApi = {
  'system.info': query(
    'Version, schema version and where the database lives.',
    z.object({}).strict(),
    z.object({
      appVersion: z.string(),
      schemaVersion: z.number().int(),
      dbPath: z.string(),
      mode: z.enum(['electron', 'browser', 'cli']),
      platform: z.string(),
    }),
  ),
};
