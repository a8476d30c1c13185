import { z } from 'zod';
import { CommentStatus, Id, ImportFormat, Slug } from '../domain';
import { mutation, query } from './method';
import { CSV_FIELD_NAMES } from '../domain-values';

/** Where the file is: an upload (browser mode, POST /upload) or a path (CLI, Electron's file dialog). */
const FileRef = z.union([z.object({ uploadId: Id }).strict(), z.object({ path: z.string().min(1).max(4096) }).strict()]);

export { CSV_FIELD_NAMES };
export const CsvField = z.enum(CSV_FIELD_NAMES);

export const ImportOptions = z
  .object({
    file: FileRef,
    format: z.union([ImportFormat, z.literal('auto')]).default('auto'),
    /** Post for comments the file does not place (CSV, copied page text, JSON without `post`). */
    postSlug: Slug.optional(),
    csv: z
      .object({
        columns: z.partialRecord(CsvField, z.string().max(200)).default({}),
        dateOrder: z.enum(['dmy', 'mdy']).default('dmy'),
      })
      .strict()
      .optional(),
  })
  .strict();

const StatusCounts = z.object({ approved: z.number().int(), pending: z.number().int(), spam: z.number().int(), trash: z.number().int() });

/** The CLI's `import-comments --json` object. */
export const ImportSummary = z.object({
  format: ImportFormat,
  posts: z.number().int(),
  comments: z.object({ imported: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), byStatus: StatusCounts }),
  /** Comments whose file gave no status: the status they got (pending) and why, e.g. "no status column". */
  defaultedStatus: z.array(z.object({ reason: z.string(), status: CommentStatus, count: z.number().int() })),
  warnings: z.array(z.string()),
  /** What the moderation rules did to the new comments (absent when imported without rules). */
  moderation: z.object({ held: z.number().int(), spam: z.number().int(), approved: z.number().int(), flagged: z.number().int() }).optional(),
});
export type ImportSummary = z.infer<typeof ImportSummary>;

export const ImportPreview = ImportSummary.extend({
  byPost: z.array(z.object({ postId: Id, slug: z.string(), title: z.string(), isNew: z.boolean(), byStatus: StatusCounts })),
  firstComments: z.array(
    z.object({ sourceId: z.string(), postSlug: z.string(), author: z.string(), postedAt: z.string().nullable(), status: CommentStatus, text: z.string() }),
  ),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportInspection = z.object({
  fileName: z.string(),
  size: z.number().int(),
  /** Detected from the content; null when unrecognised (the user chooses). */
  format: ImportFormat.nullable(),
  /** True for formats whose files do not say which post comments belong to. */
  needsPost: z.boolean(),
  csv: z.object({ headers: z.array(z.string()), mapping: z.partialRecord(CsvField, z.string()) }).nullable(),
});
export type ImportInspection = z.infer<typeof ImportInspection>;

export const ImportJob = z.object({
  jobId: Id,
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  progress: z.object({
    bytesRead: z.number().int(),
    totalBytes: z.number().int(),
    comments: z.number().int(),
    imported: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
  }),
  summary: ImportSummary.nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type ImportJob = z.infer<typeof ImportJob>;

export const importsApi = {
  'imports.inspect': query('What a file looks like before import: detected format, CSV header and suggested column mapping.', z.object({ file: FileRef }).strict(), ImportInspection),
  'imports.preview': query(
    'What an import would do (counts by post and status, new/updated/unchanged, first comments, warnings); writes nothing.',
    ImportOptions,
    ImportPreview,
  ),
  'imports.run': mutation('Imports a file in one transaction and returns the summary (CLI and tests).', ImportOptions, ImportSummary),
  'imports.start': mutation('Starts an import in the background; poll imports.progress, stop with imports.cancel.', ImportOptions, ImportJob),
  'imports.progress': query('The state and counts of an import started with imports.start.', z.object({ jobId: Id }).strict(), ImportJob),
  'imports.cancel': mutation('Cancels a running import; nothing it read is kept.', z.object({ jobId: Id }).strict(), ImportJob),
};
