/**
 * The domain's fixed word lists, in a module without zod: the renderer shows them in its first
 * screen (filters, status counts), which should not have to load the schema library. domain.ts
 * builds its schemas from these and re-exports them.
 */

/** The default editorial workflow; a series may configure its own names and order. */
export const DEFAULT_WORKFLOW = ['idea', 'commissioned', 'drafting', 'in-review', 'scheduled', 'published'] as const;
export const COMMENT_STATUSES = ['approved', 'pending', 'spam', 'trash'] as const;
export const IMPORT_FORMATS = ['wxr', 'disqus', 'csv', 'json', 'text'] as const;

/** The fields a CSV column can map to (a comment export's columns, as the import's column picker names them). */
export const CSV_FIELD_NAMES = ['id', 'parent', 'author', 'email', 'url', 'role', 'organisation', 'date', 'content', 'status', 'type', 'post'] as const;
