/**
 * What every importer produces. Importers are pure: they read a file (as a stream of text) and
 * hand records to a sink in file order; they never touch the database. The pipeline
 * (pipeline.ts) sanitizes and writes what they produce.
 */
import type { CommentStatus, CommentType, ImportFormat } from '../../common/domain';

/** A post that comments attach to: a WXR item, a Disqus thread, or a post named in the file. */
export interface ImportedPost {
  /** The file's own id for it (WXR post_id, Disqus dsq:id); comments name their post by this key. */
  key: string;
  title: string;
  link: string;
  slug: string;
  publishedAt: string | null;
  /** Post body as HTML (WXR content:encoded); '' when the file has none. */
  contentHtml: string;
  /** Where it is in the file, for warnings: `file:line`. */
  at?: string;
}

export interface ImportedComment {
  sourceId: string;
  /** ImportedPost.key, a post slug (CSV/JSON `post` column) or null when the file has no post information. */
  postKey: string | null;
  parentSourceId: string | null;
  author: { name: string; role: string; organisation: string; email: string; url: string };
  postedAt: string | null;
  /** The body as the file has it: HTML or plain text (bodyIsHtml). Sanitized before storage. */
  body: string;
  bodyIsHtml: boolean;
  status: CommentStatus;
  /**
   * Set when the file gave no status for this comment and the importer chose one (always
   * 'pending': nothing is published without a decision). Says why, for the preview:
   * "no status column".
   */
  statusDefaulted?: string;
  type: CommentType;
  flags: string[];
  /** Overrides the import's source name (JSON re-imports keep the source they were exported with). */
  source?: string;
  /** Where it is in the file, for warnings: `file:line`. */
  at: string;
}

export interface ImportSink {
  post(p: ImportedPost): void;
  comment(c: ImportedComment): void;
  warning(message: string): void;
}

/** A fatal problem at a place in the file. The message reads `file:line:column: what`. */
export class ImportParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportParseError';
  }
}

export interface CsvMapping {
  /** Our field -> the CSV header it comes from. */
  columns: Partial<Record<CsvField, string>>;
  /** How to read dd/dd/dddd dates: day first (UK) or month first (US). */
  dateOrder: 'dmy' | 'mdy';
}
// From the zod-free word lists: the reading worker and a WXR import never load the API's schemas.
export { CSV_FIELD_NAMES as CSV_FIELDS } from '../../common/domain-values';
export type CsvField = (typeof import('../../common/domain-values').CSV_FIELD_NAMES)[number];

export interface ParseOptions {
  fileName: string;
  csv?: Partial<CsvMapping>;
}

export type Importer = (chunks: AsyncIterable<string>, sink: ImportSink, options: ParseOptions) => Promise<void>;
export type { ImportFormat };
