/**
 * CSV comments: a header row, columns mapped to our fields by name (WordPress wp_comments column
 * names and plain ones), or by the mapping the user chose in the UI. Bodies are plain text.
 */
import type { CommentStatus, CommentType } from '../../common/domain';
import { AppError } from '../../common/errors';
import { readCsv } from './csv-reader';
import { parseHumanDate } from './dates';
import { wxrStatus } from './wxr';
import { CSV_FIELDS, ImportParseError, type CsvField, type CsvMapping, type Importer } from './types';

const ALIASES: Record<CsvField, string[]> = {
  id: ['comment_id', 'commentid', 'id', 'comment id'],
  parent: ['comment_parent', 'parent', 'parent_id', 'parent id', 'in reply to', 'reply to'],
  author: ['comment_author', 'author', 'name', 'author name', 'author_name'],
  email: ['comment_author_email', 'email', 'author email', 'author_email', 'e-mail'],
  url: ['comment_author_url', 'url', 'website', 'author url', 'author_url'],
  role: ['role', 'job title', 'author role', 'author_role'],
  organisation: ['organisation', 'organization', 'org', 'author organisation', 'author_organisation', 'company'],
  date: ['comment_date_gmt', 'comment_date', 'date', 'posted', 'posted at', 'postedat', 'created', 'created_at', 'timestamp'],
  content: ['comment_content', 'content', 'comment', 'body', 'text', 'message'],
  status: ['comment_approved', 'status', 'approved', 'state'],
  type: ['comment_type', 'type'],
  post: ['comment_post_id', 'post', 'post slug', 'slug', 'post_slug', 'post_id', 'post id', 'thread', 'url of post'],
};

/** The mapping a header suggests: each of our fields -> the first header that names it. */
export function suggestCsvMapping(headers: string[]): Partial<Record<CsvField, string>> {
  const mapping: Partial<Record<CsvField, string>> = {};
  const norm = headers.map((h) => h.trim().toLowerCase());
  for (const field of CSV_FIELDS) {
    for (const alias of ALIASES[field]) {
      const i = norm.indexOf(alias);
      if (i >= 0 && !Object.values(mapping).includes(headers[i])) {
        mapping[field] = headers[i];
        break;
      }
    }
  }
  return mapping;
}

const STATUS_WORDS: Record<string, CommentStatus> = { approved: 'approved', published: 'approved', pending: 'pending', unapproved: 'pending', held: 'pending', spam: 'spam', trash: 'trash', deleted: 'trash', 'true': 'approved', 'false': 'pending', yes: 'approved', no: 'pending' };

export const parseCsv: Importer = async (chunks, sink, { fileName, csv }) => {
  let header: string[] | null = null;
  let index: Partial<Record<CsvField, number>> = {};
  const order = csv?.dateOrder ?? 'dmy';
  let swappedWarned = false;
  let rowNumber = 0;

  await readCsv(chunks, fileName, (fields, line) => {
    if (!header) {
      header = fields.map((h) => h.trim());
      const mapping = { ...suggestCsvMapping(header), ...(csv?.columns ?? {}) } as CsvMapping['columns'];
      index = {};
      for (const [field, name] of Object.entries(mapping)) {
        if (!name) continue;
        const i = header.indexOf(name);
        if (i < 0) throw new ImportParseError(`${fileName}:1:1: the column "${name}" chosen for ${field} is not in the header`);
        index[field as CsvField] = i;
      }
      if (index.content === undefined) {
        throw new ImportParseError(`${fileName}:1:1: no column holds the comment text; name one "content" (or comment_content, comment, body) or map it`);
      }
      return;
    }
    rowNumber++;
    const get = (f: CsvField) => (index[f] === undefined ? '' : (fields[index[f]!] ?? '').trim());
    const at = `${fileName}:${line}:1`;
    if (fields.length !== header.length) sink.warning(`${at}: ${fields.length} fields where the header has ${header.length}`);
    const flags: string[] = [];
    const rawStatus = get('status');
    // A comment nobody decided on is pending: an approved default would publish it unreviewed.
    const statusDefaulted = index.status === undefined ? 'no status column' : rawStatus === '' ? 'empty status cell' : undefined;
    let status: CommentStatus | undefined = statusDefaulted ? 'pending' : (wxrStatus(rawStatus) ?? STATUS_WORDS[rawStatus.toLowerCase()]);
    if (!status) {
      sink.warning(`${at}: unknown status "${rawStatus.slice(0, 40)}"; imported as pending`);
      status = 'pending';
      flags.push('unknown-status');
    }
    const rawType = get('type').toLowerCase();
    const type: CommentType = rawType === 'pingback' || rawType === 'trackback' ? rawType : 'comment';
    const rawDate = get('date');
    const date = parseHumanDate(rawDate, order);
    if (rawDate && !date.value) sink.warning(`${at}: the date "${rawDate.slice(0, 40)}" could not be read; imported without a date`);
    if (date.swapped && !swappedWarned) {
      swappedWarned = true;
      sink.warning(`${at}: the date "${rawDate}" is not a valid ${order === 'dmy' ? 'day/month' : 'month/day'} date and was read the other way; check the date order`);
    }
    const parent = get('parent');
    sink.comment({
      sourceId: get('id') || `row-${rowNumber}`,
      postKey: get('post') || null,
      parentSourceId: parent && parent !== '0' ? parent : null,
      author: { name: get('author'), role: get('role'), organisation: get('organisation'), email: get('email'), url: get('url') },
      postedAt: date.value,
      body: get('content'),
      bodyIsHtml: false,
      status,
      statusDefaulted,
      type,
      flags,
      at,
    });
  });
  if (!header) throw new ImportParseError(`${fileName}:1:1: the file is empty; a CSV needs a header row`);
};

/** The header row of a CSV (for the mapping step), read from its first chunks. */
export async function readCsvHeader(chunks: AsyncIterable<string>, fileName: string): Promise<string[]> {
  let header: string[] = [];
  const stop = new Error('header read');
  try {
    await readCsv(chunks, fileName, (fields) => {
      header = fields.map((h) => h.trim());
      throw stop;
    });
  } catch (err) {
    // A header that cannot be read is the user's file, not a fault of ours: say where.
    if (err instanceof ImportParseError) throw new AppError('IMPORT_FAILED', err.message);
    if (err !== stop) throw err;
  }
  return header;
}
