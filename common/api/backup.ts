import { z } from 'zod';
import { IsoTime } from '../domain';
import { mutation, query } from './method';

export const BackupReason = z.enum(['daily', 'manual', 'before-migration', 'before-restore']);

export const BackupInfo = z.object({
  /** File name inside the backups folder; what backup.restore takes. */
  name: z.string(),
  path: z.string(),
  createdAt: IsoTime,
  reason: BackupReason,
  sizeBytes: z.number().int().min(0),
  schemaVersion: z.number().int().nullable(),
});

/** A backup's file name: no folders, so a name can only ever point into the backups folder. */
const BackupName = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9._-]+\.sqlite$/, 'a backup name is a file name ending in .sqlite, without folders');

export const backupApi = {
  'backup.list': query(
    "This database's backups, newest first, and the folder they are kept in.",
    z.object({}).strict(),
    z.object({ folder: z.string(), keep: z.number().int(), backups: z.array(BackupInfo) }),
  ),
  'backup.create': mutation(
    'Backs up the database now (online backup: work can go on meanwhile); the newest 7 backups are kept.',
    z.object({}).strict(),
    BackupInfo,
  ),
  'backup.restore': mutation(
    'Replaces the database with a backup after checking its integrity and schema version; the current database is kept as a backup first.',
    z.union([z.object({ name: BackupName }).strict(), z.object({ path: z.string().min(1).max(4096) }).strict()]),
    z.object({
      restoredFrom: z.string(),
      /** The schema version the backup had; the database is upgraded to the app's on reopening. */
      backupSchemaVersion: z.number().int(),
      schemaVersion: z.number().int(),
      previous: BackupInfo,
    }),
  ),
};
