/**
 * The team server's documents, members and tokens in PostgreSQL (through `pg`), for a server that
 * must outlive its box or run as several instances. A write resolves once PostgreSQL committed it
 * (synchronous_commit as the server has it, on by default), and the group commit acknowledges
 * only then. Updates are appended with the id of the instance that received them (for the
 * record); a compaction merges its state with the stored one and every stored update, whoever
 * wrote them (another instance may have stored what this one has not seen, or died before
 * compacting), and drops the updates it merged.
 */
import crypto from 'node:crypto';
import pg from 'pg';
import * as Y from 'yjs';
import { AppError } from '../common/errors';
import { migratePg } from './pg-migrations';
import { describeTarget, type MemberRecord, type ServerStore, type StoreOp } from './store-api';

const MEMBER_COLUMNS = 'id, name, email, role, token_hash, created_at, revoked_at, author_id';
const INSERT_MEMBER = `INSERT INTO members (${MEMBER_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`;
const memberValues = (m: MemberRecord) => [m.id, m.name, m.email, m.role, m.token_hash, m.created_at, m.revoked_at, m.author_id];

export class PgStore implements ServerStore {
  readonly kind = 'postgres';
  private open = true;
  /** Which instance wrote an update (see the header). */
  readonly instance = crypto.randomUUID();
  /** Seconds compactions waited for documents' advisory locks (for /metrics). */
  lockWaitSeconds = 0;

  /** Reads go through `q`: the pool, or one client holding a snapshot (see snapshot()). */
  private constructor(
    readonly pool: pg.Pool,
    private readonly q: Pick<pg.ClientBase, 'query'> = pool,
  ) {}

  /**
   * Runs `fn` with a read-only view of one REPEATABLE READ snapshot, and the snapshot's id for
   * `pg_dump --snapshot`, so that a dump and the summary taken here see the same data.
   */
  async snapshot<T>(fn: (view: PgStore, snapshotId: string) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const { rows } = await client.query<{ id: string }>('SELECT pg_export_snapshot() AS id');
      const result = await fn(new PgStore(this.pool, client), rows[0].id);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  /** Connects, migrates (or refuses a newer database, untouched), and returns the store. */
  static async open(url: string, options: { appVersion?: string; onConnectionLost?: (message: string) => void } = {}): Promise<PgStore> {
    const pool = new pg.Pool({ connectionString: url, max: 4, application_name: 'workbench-team' });
    // An idle client's error (the database restarting) must not crash the server; the next query reports it.
    const lost = options.onConnectionLost ?? ((message: string) => console.error(`PostgreSQL connection lost: ${message}`));
    pool.on('error', (err) => lost(err.message));
    try {
      const client = await pool.connect().catch((err: Error) => {
        throw new AppError('BAD_INPUT', `Could not connect to PostgreSQL at ${describeTarget({ postgres: url })}: ${err.message}`);
      });
      try {
        await migratePg(client, options);
      } finally {
        client.release();
      }
    } catch (err) {
      await pool.end();
      throw err;
    }
    return new PgStore(pool);
  }

  get isOpen(): boolean {
    return this.open;
  }

  async load(name: string): Promise<Uint8Array[]> {
    const { rows } = await this.q.query<{ data: Buffer }>(
      'SELECT data FROM (SELECT 0 AS k, 0::bigint AS seq, state AS data FROM documents WHERE name = $1 UNION ALL SELECT 1, seq, data FROM document_updates WHERE name = $1) p ORDER BY k, seq',
      [name],
    );
    return rows.map((r) => r.data);
  }

  /** Runs `fn` in one transaction on one client; rolled back if it throws. */
  private async transaction(fn: (client: pg.PoolClient) => Promise<void>): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await fn(client);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  /** One statement for a run of updates, across documents, in their order. */
  private insertUpdates(q: Pick<pg.ClientBase, 'query'>, run: ReadonlyArray<{ name: string; update: Uint8Array }>) {
    return q.query(
      'INSERT INTO document_updates (name, data, instance, received_at) SELECT n, d, $3, now() FROM unnest($1::text[], $2::bytea[]) WITH ORDINALITY AS u(n, d, o) ORDER BY o',
      [run.map((u) => u.name), run.map((u) => Buffer.from(u.update)), this.instance],
    );
  }

  async write(ops: ReadonlyArray<StoreOp>): Promise<void> {
    // A group commit holds updates only (compactions go in transactions of their own): one statement, committed on its own
    // (one round trip instead of BEGIN, INSERT, COMMIT), durable when it answers.
    if (ops.every((op) => 'update' in op)) return void (await this.insertUpdates(this.pool, ops as Array<{ name: string; update: Uint8Array }>));
    await this.transaction(async (client) => {
      // Every document this commit compacts is locked first, in one order for every instance:
      // taken one by one in the batch's order, two instances' commits could each hold a lock the
      // other waits for (a deadlock PostgreSQL breaks by failing one, which is then retried).
      const compacted = [...new Set(ops.filter((op) => 'state' in op).map((op) => op.name))];
      const asked = process.hrtime.bigint();
      await client.query('SELECT pg_advisory_xact_lock(k) FROM (SELECT DISTINCT hashtext(n) AS k FROM unnest($1::text[]) AS n ORDER BY k) AS s', [compacted]);
      this.lockWaitSeconds += Number(process.hrtime.bigint() - asked) / 1e9;
      // Runs of updates go in as one statement each; a compaction in between keeps its place.
      for (let i = 0; i < ops.length; ) {
        const run: Array<{ name: string; update: Uint8Array }> = [];
        while (i < ops.length && 'update' in ops[i]) run.push(ops[i++] as { name: string; update: Uint8Array });
        if (run.length > 0) {
          await this.insertUpdates(client, run);
          continue;
        }
        const op = ops[i++] as { name: string; state: Uint8Array };
        // Two instances compacting a new document at once: the lock (taken above) makes the second merge with the first.
        const old = await client.query<{ state: Buffer }>('SELECT state FROM documents WHERE name = $1 FOR UPDATE', [op.name]);
        // Every stored update is folded in, whichever instance wrote it (one that died never
        // compacts its own), and exactly those rows are dropped: an update another instance
        // commits meanwhile is not among them, so it stays for the next compaction.
        const updates = await client.query<{ seq: string; data: Buffer }>('SELECT seq, data FROM document_updates WHERE name = $1 ORDER BY seq', [op.name]);
        const parts = [...old.rows.map((r) => r.state), ...updates.rows.map((r) => r.data), op.state];
        const state = parts.length > 1 ? Y.mergeUpdates(parts) : op.state;
        await client.query(
          'INSERT INTO documents (name, state, updated_at) VALUES ($1, $2, now()) ON CONFLICT (name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at',
          [op.name, Buffer.from(state)],
        );
        if (updates.rows.length > 0) await client.query('DELETE FROM document_updates WHERE seq = ANY($1::bigint[])', [updates.rows.map((r) => r.seq)]);
      }
    });
  }

  async documentCount(): Promise<number> {
    const { rows } = await this.q.query<{ n: string }>('SELECT count(*) AS n FROM (SELECT name FROM documents UNION SELECT name FROM document_updates) d');
    return Number(rows[0].n);
  }

  async documentNames(): Promise<string[]> {
    const { rows } = await this.q.query<{ name: string }>('SELECT name FROM (SELECT name FROM documents UNION SELECT name FROM document_updates) d ORDER BY name COLLATE "C"');
    return rows.map((r) => r.name);
  }

  async members(): Promise<MemberRecord[]> {
    return (await this.q.query<MemberRecord>(`SELECT ${MEMBER_COLUMNS} FROM members ORDER BY created_at, id`)).rows;
  }

  async memberByTokenHash(hash: string): Promise<MemberRecord | undefined> {
    return (await this.q.query<MemberRecord>(`SELECT ${MEMBER_COLUMNS} FROM members WHERE token_hash = $1`, [hash])).rows[0];
  }

  async activeMemberWithEmail(email: string): Promise<string | undefined> {
    const { rows } = await this.q.query<{ name: string }>('SELECT name FROM members WHERE lower(email) = lower($1) AND revoked_at IS NULL', [email]);
    return rows[0]?.name;
  }

  async insertMember(m: MemberRecord): Promise<void> {
    await this.pool.query(INSERT_MEMBER, memberValues(m));
  }

  async setRevoked(id: string, at: string): Promise<void> {
    await this.pool.query('UPDATE members SET revoked_at = $1 WHERE id = $2', [at, id]);
  }

  async revocationMark(): Promise<string> {
    const { rows } = await this.q.query<{ m: string }>("SELECT count(revoked_at) || ':' || coalesce(max(revoked_at), '') AS m FROM members");
    return rows[0].m;
  }

  /**
   * Writes a whole team in one transaction (migrate-store): documents as their merged states,
   * members as they are. Refuses a database that holds any unless `replace` empties it first.
   */
  async importTeam(documents: Iterable<{ name: string; state: Uint8Array }>, members: MemberRecord[], options: { replace: boolean; where: string }): Promise<void> {
    await this.transaction(async (client) => {
      const held = await client.query<{ d: string; m: string }>('SELECT (SELECT count(*) FROM documents) + (SELECT count(*) FROM document_updates) AS d, (SELECT count(*) FROM members) AS m');
      const { d, m } = held.rows[0];
      if ((Number(d) > 0 || Number(m) > 0) && !options.replace) {
        throw new AppError('CONFLICT', `${options.where} already holds team data (${d} stored document parts, ${m} members); nothing was copied. Add --replace to empty it first.`);
      }
      await client.query('TRUNCATE documents, document_updates, members');
      let batch: Array<{ name: string; state: Uint8Array }> = [];
      const flush = async () => {
        await client.query('INSERT INTO documents (name, state, updated_at) SELECT * , now() FROM unnest($1::text[], $2::bytea[])', [batch.map((b) => b.name), batch.map((b) => Buffer.from(b.state))]);
        batch = [];
      };
      for (const doc of documents) {
        batch.push(doc);
        if (batch.length >= 500) await flush();
      }
      if (batch.length > 0) await flush();
      for (const member of members) await client.query(INSERT_MEMBER, memberValues(member));
    });
  }

  async close(): Promise<void> {
    if (!this.open) return;
    this.open = false;
    await this.pool.end();
  }
}
