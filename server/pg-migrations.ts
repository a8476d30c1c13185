/**
 * The team server's schema on PostgreSQL, in versioned steps like the SQLite file's
 * (server/store-migrations.ts). schema_version holds one row per applied step. All pending steps
 * run in one transaction under an advisory lock, so two instances starting together do not both
 * migrate, and a failed upgrade leaves the database as it was. A database written by a newer
 * server is refused before anything is changed.
 */
import type pg from 'pg';
import { AppError } from '../common/errors';

export interface PgMigration {
  version: number;
  name: string;
  sql: string;
}

export const PG_MIGRATIONS: readonly PgMigration[] = [
  {
    version: 1,
    name: 'documents, updates and members',
    sql: `
      -- A document's compacted state; the updates since then sit in document_updates.
      CREATE TABLE documents (
        name text PRIMARY KEY,
        state bytea NOT NULL,
        updated_at timestamptz NOT NULL
      );
      -- Every update, committed before the server acknowledges it, until its instance compacts.
      -- instance: several servers may share the database; each drops only the updates it wrote.
      CREATE TABLE document_updates (
        seq bigserial PRIMARY KEY,
        name text NOT NULL,
        data bytea NOT NULL,
        instance text NOT NULL,
        received_at timestamptz NOT NULL
      );
      CREATE INDEX document_updates_name ON document_updates (name, seq);
      -- Times as the ISO strings the SQLite file keeps, so a moved team compares equal.
      CREATE TABLE members (
        id text PRIMARY KEY,
        name text NOT NULL,
        email text NOT NULL DEFAULT '',
        role text NOT NULL CHECK (role IN ('admin', 'editor', 'series-manager', 'reviewer')),
        -- SHA-256 of the token: the token itself is never stored.
        token_hash text NOT NULL UNIQUE,
        created_at text NOT NULL,
        revoked_at text
      );
      CREATE UNIQUE INDEX members_active_email ON members (lower(email)) WHERE revoked_at IS NULL AND email <> '';
    `,
  },
  {
    version: 2,
    name: 'guest authors, linked to their author',
    sql: `
      ALTER TABLE members DROP CONSTRAINT members_role_check;
      ALTER TABLE members ADD CONSTRAINT members_role_check CHECK (role IN ('admin', 'editor', 'series-manager', 'reviewer', 'guest-author'));
      -- The author (authors list) a guest author is credited as; they see only those posts.
      ALTER TABLE members ADD COLUMN author_id text;
      ALTER TABLE members ADD CONSTRAINT members_guest_author CHECK ((role = 'guest-author') = (author_id IS NOT NULL));
    `,
  },
];

export const PG_LATEST_VERSION = PG_MIGRATIONS[PG_MIGRATIONS.length - 1].version;

async function currentVersion(client: pg.ClientBase): Promise<number> {
  const { rows } = await client.query<{ t: string | null }>("SELECT to_regclass('schema_version')::text AS t");
  if (!rows[0].t) return 0;
  const v = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_version');
  return v.rows[0].v ?? 0;
}

/** Brings the database up to `target` (default: the latest step); returns the version it is at. */
export async function migratePg(client: pg.ClientBase, options: { targetVersion?: number; appVersion?: string } = {}, steps: readonly PgMigration[] = PG_MIGRATIONS): Promise<number> {
  const latest = steps[steps.length - 1].version;
  const target = options.targetVersion ?? latest;
  await client.query('BEGIN');
  try {
    await client.query("SELECT pg_advisory_xact_lock(hashtext('workbench-team-schema'))");
    const current = await currentVersion(client);
    if (current > latest) {
      const by = await client.query<{ written_by: string | null }>('SELECT written_by FROM schema_version WHERE version = $1', [current]);
      const who = by.rows[0]?.written_by;
      throw new AppError(
        'DB_FROM_FUTURE',
        `This PostgreSQL database has the team server's schema version ${current}${who ? `, written by Editorial Workbench ${who}` : ''}; this server understands up to version ${latest}. ` +
          'Update the server to use it. The database was not changed.',
        { current, latest, writtenBy: who },
      );
    }
    if (current === 0) {
      await client.query('CREATE TABLE schema_version (version integer PRIMARY KEY, name text NOT NULL, written_by text, applied_at timestamptz NOT NULL DEFAULT now())');
    }
    for (const step of steps.filter((s) => s.version > current && s.version <= target)) {
      await client.query(step.sql);
      await client.query('INSERT INTO schema_version (version, name, written_by) VALUES ($1, $2, $3)', [step.version, step.name, options.appVersion ?? null]);
    }
    await client.query('COMMIT');
    return Math.max(current, Math.min(target, latest));
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  }
}
