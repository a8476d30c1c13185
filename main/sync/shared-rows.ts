/**
 * Which columns of which tables travel, and into which shared document (common/sync/documents.ts).
 * Each column is a register in its document under `<row key>|<column>`. A "decision" is a column
 * two people can decide differently (a status, a date, a title, a delete): its changes are also
 * logged, so that concurrent decisions become a Needs decision item instead of a silent winner.
 * Columns left out (revisions, counters, derived search text, scores) stay per laptop.
 */
import type { DB } from '../../db/connection';
import type { DocumentKind } from '../../common/sync/documents';
import type { LocalDocs } from './local-docs';
import { emptyEditorState } from '../../common/editor/state-text';
import { COMMENT_RECORD, type RecordLayout } from './row-records';
import { rankOf, renumberSeries } from './running-order';
import { rowById, statement } from './statements';
import { DETAIL_SPECS, SKIP, WaitingForParent, withFeaturedIfHere } from './shared-details';
import { NOTE_SPECS } from './shared-notes';

export type SharedTable = 'authors' | 'series' | 'posts' | 'comments' | 'post_authors' | 'assets' | 'tags' | 'annotations' | 'reply_drafts' | 'moderation_rules' | 'notes' | 'note_messages';
export type Row = Record<string, string | number | null>;
export { SKIP, WaitingForParent };

export interface DocPart {
  kind: DocumentKind;
  /** The document's name for a row. */
  doc: (row: Row) => string;
  columns: readonly string[];
  decisions: readonly string[];
  /** A row is created from this part; without it, the other parts wait. */
  creates?: boolean;
  /** Why a column's value stays on this laptop (it names something only this laptop has), or null. */
  unshared?: (db: DB, column: string, value: string | number | null) => string | null;
  /** New rows are written as one frozen record of this layout (row-records.ts), not a register per column. */
  record?: RecordLayout;
}

export interface TableSpec {
  table: SharedTable;
  /** The row's key inside its documents; the same on every laptop for the same row. */
  key: (row: Row) => string;
  parts: readonly DocPart[];
  /** Finds this laptop's row for a key (a comment imported here under another id is the same comment). */
  localId: (db: DB, row: Row) => string | undefined;
  /** The index map that lists the row's documents, if any. */
  index?: 'posts' | 'series';
  /** The row as it is shared (local ids of other rows replaced by what names them everywhere); undefined: not shared. */
  toShared?: (db: DB, row: Row, docs: LocalDocs) => Row | undefined;
  /** The shared values as this laptop's row (the inverse of toShared); may throw WaitingForParent. */
  toLocal?: (db: DB, shared: Row, docs: LocalDocs) => Row | typeof SKIP;
  /** Runs before the row's registers are written (a picture's bytes go first). */
  beforePush?: (docs: LocalDocs, role: import('../../common/sync/documents').Role, row: Row) => void;
  /**
   * A row the store made itself (a migration's starter rows), not its member. When the member may
   * not write it, it stays here unlisted: the refused list says what of theirs the team did not
   * take, and a new member saw a page of refusals of things they never did.
   */
  seeded?: (row: Row) => boolean;
  /** After a pull, with the shared values of the rows it read and the local rows they replaced. */
  settle?: (db: DB, docs: LocalDocs, pulled: ReadonlyArray<{ shared: Row; before?: Row }>) => void;
}

const EMPTY_BODY = JSON.stringify(emptyEditorState());

const byId = rowById;

/** A post's owner and reviewer travel as member ids (a member's person has the member's id on every laptop). */
const ASSIGNEES: readonly string[] = ['owner_id', 'reviewer_id'];
function notAMember(db: DB, column: string, personId: string): string | null {
  const p = db.prepare('SELECT name, member_role FROM people WHERE id = ?').get(personId) as { name: string; member_role: string | null } | undefined;
  if (!p || p.member_role) return null;
  return `${p.name} is not a member of the workspace, so this ${column === 'owner_id' ? 'owner' : 'reviewer'} stays on this laptop; choose a member, or ask an admin to invite ${p.name}.`;
}

export const SPECS: readonly TableSpec[] = [
  {
    table: 'authors',
    key: (r) => `author:${r.id}`,
    localId: byId('authors'),
    parts: [{ kind: 'authors', doc: () => 'authors', creates: true, columns: ['id', 'created_at', 'name', 'role', 'organisation', 'bio', 'email', 'url', 'deleted_at'], decisions: ['name', 'deleted_at'] }],
  },
  {
    table: 'series',
    key: (r) => `series:${r.id}`,
    localId: byId('series'),
    index: 'series',
    parts: [
      {
        kind: 'series',
        doc: (r) => `series/${r.id}`,
        creates: true,
        columns: ['id', 'created_at', 'slug', 'title', 'description', 'topic', 'cadence', 'notice_template', 'workflow', 'commission_status', 'delivery_status', 'checklist', 'deleted_at'],
        decisions: ['title', 'cadence', 'deleted_at'],
      },
    ],
  },
  {
    table: 'posts',
    key: (r) => `post:${r.id}`,
    localId: byId('posts'),
    index: 'posts',
    // The running order travels as fractional keys (running-order.ts); positions are derived from them.
    toShared: (db, row, docs) => ({ ...row, rank: rankOf(db, docs, row as { id: string; series_id: string | null; deleted_at: string | null }) }),
    // The body travels in its own document (body-projection.ts); a post new here starts empty until it arrives.
    toLocal: (db, { rank: _rank, ...row }) => withFeaturedIfHere(db, statement(db, 'SELECT 1 FROM posts WHERE id = ?').get(row.id) ? row : { ...row, body: EMPTY_BODY }),
    settle: (db, docs, pulled) => {
      const series = new Set(pulled.flatMap(({ shared, before }) => [shared.series_id, before?.series_id]).filter((s): s is string => typeof s === 'string'));
      for (const id of series) renumberSeries(db, docs, id);
    },
    parts: [
      {
        kind: 'post',
        doc: (r) => `post/${r.id}`,
        creates: true,
        columns: ['id', 'created_at', 'slug', 'title', 'standfirst', 'label', 'tags', 'source', 'source_id', 'source_url', 'deleted_at'],
        decisions: ['title', 'deleted_at'],
      },
      {
        kind: 'post-plan',
        doc: (r) => `post-plan/${r.id}`,
        columns: ['status', 'series_id', 'rank', 'planned_date', 'deadline', ...ASSIGNEES],
        // An owner and a reviewer are single-valued picks too: two different ones made apart are a conflict.
        decisions: ['status', 'series_id', 'rank', 'planned_date', 'deadline', ...ASSIGNEES],
        unshared: (db, c, v) => (ASSIGNEES.includes(c) && v !== null ? notAMember(db, c, String(v)) : null),
      },
      // The featured image names a picture, which arrives after its post (shared-details.ts).
      { kind: 'post', doc: (r) => `post/${r.id}`, columns: ['featured_asset_id', 'featured_alt'], decisions: [] },
    ],
  },
  {
    table: 'comments',
    // The source and its id name a comment: imported on two laptops, it is still one comment.
    key: (r) => `comment:${r.source}:${r.source_id}`,
    localId: (db, r) => statement(db, 'SELECT id FROM comments WHERE source = ? AND post_id = ? AND source_id = ?', true).get(r.source, r.post_id, r.source_id) as string | undefined,
    parts: [
      {
        kind: 'comments',
        doc: (r) => `comments/${r.post_id}`,
        creates: true,
        // Created as one frozen record; only later changes (moderation...) become registers.
        columns: COMMENT_RECORD.columns,
        decisions: COMMENT_RECORD.decisions,
        record: COMMENT_RECORD,
      },
    ],
    // Replies are linked to their parents once per post after a pull, whichever arrived first.
    settle: (db, _docs, pulled) => {
      const link = statement(db, 'UPDATE comments SET parent_id = (SELECT p.id FROM comments p WHERE p.source = comments.source AND p.post_id = comments.post_id AND p.source_id = comments.parent_source_id) WHERE post_id = ? AND parent_source_id IS NOT NULL AND parent_id IS NULL');
      for (const postId of new Set(pulled.filter((p) => !p.before).map((p) => p.shared.post_id))) link.run(postId);
    },
  },
  ...DETAIL_SPECS,
  ...NOTE_SPECS,
];

/** Every row key is `<prefix>:…`; the prefix names the table within a document. */
export const keyPrefix = (spec: TableSpec): string => spec.key({}).split(':')[0];

export const specFor = (table: string): TableSpec | undefined => SPECS.find((s) => s.table === table);
