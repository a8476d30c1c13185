/**
 * Which columns of which tables travel, and into which shared document (common/sync/documents.ts).
 * Each column is a register in its document under `<row key>|<column>`. A "decision" is a column
 * two people can decide differently (a status, a date, a title, a delete): its changes are also
 * logged, so that concurrent decisions become a Needs decision item instead of a silent winner.
 * Columns left out (revisions, counters, derived search text, scores) stay per laptop.
 */
import type { DB } from '../../db/connection';
import type { DocumentKind } from '../../common/sync/documents';

export type SharedTable = 'authors' | 'series' | 'posts' | 'comments';
export type Row = Record<string, string | number | null>;

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
}

const byId = (table: string) => (db: DB, row: Row) => (db.prepare(`SELECT id FROM ${table} WHERE id = ?`).pluck().get(row.id) as string | undefined);

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
    parts: [
      {
        kind: 'post',
        doc: (r) => `post/${r.id}`,
        creates: true,
        columns: ['id', 'created_at', 'slug', 'title', 'standfirst', 'label', 'body', 'body_text', 'word_count', 'tags', 'source', 'source_id', 'source_url', 'deleted_at'],
        decisions: ['title', 'deleted_at'],
      },
      {
        kind: 'post-plan',
        doc: (r) => `post-plan/${r.id}`,
        columns: ['status', 'series_id', 'position', 'planned_date', 'deadline', ...ASSIGNEES],
        decisions: ['status', 'series_id', 'position', 'planned_date', 'deadline'],
        unshared: (db, c, v) => (ASSIGNEES.includes(c) && v !== null ? notAMember(db, c, String(v)) : null),
      },
    ],
  },
  {
    table: 'comments',
    // The source and its id name a comment: imported on two laptops, it is still one comment.
    key: (r) => `comment:${r.source}:${r.source_id}`,
    localId: (db, r) => db.prepare('SELECT id FROM comments WHERE source = ? AND post_id = ? AND source_id = ?').pluck().get(r.source, r.post_id, r.source_id) as string | undefined,
    parts: [
      {
        kind: 'comments',
        doc: (r) => `comments/${r.post_id}`,
        creates: true,
        columns: ['id', 'created_at', 'post_id', 'source', 'source_id', 'parent_source_id', 'author_name', 'author_role', 'author_organisation', 'author_email', 'author_url', 'posted_at', 'body_html', 'body_text', 'type', 'status', 'flags', 'deleted_at'],
        decisions: ['status', 'deleted_at'],
      },
    ],
  },
];

export const specFor = (table: string): TableSpec | undefined => SPECS.find((s) => s.table === table);
