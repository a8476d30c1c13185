/**
 * `workbench sync-server`: the door to the team server (server/), which nothing else on the
 * laptop side imports. It runs on a box the team shares; see the README's "Team workspace".
 */
import { AppError } from '../../common/errors';
import { APP_VERSION } from '../app-info';
import { parse, printJson, UsageError } from './args';
import type { Command } from './command';

const USAGE = `workbench sync-server [--host 127.0.0.1] [--port N] [--data DIR | --postgres URL] [--tls-cert F --tls-key F]
                      [--max-message-bytes N] [--max-connections-per-member N]
                      [--redis redis://USER:PASS@HOST:PORT] [--metrics-token T] [--idle-unload-seconds N]
                      [--compact-after-seconds N]
workbench sync-server invite (--data DIR | --postgres URL) --name "Ann Smith" [--email ann@example.org] --role admin|editor|series-manager|reviewer [--json]
workbench sync-server invite (--data DIR | --postgres URL) --name "Gus Guest" --role guest-author --author "<name or id in the authors list>" [--json]
workbench sync-server revoke <member id or name> (--data DIR | --postgres URL)
workbench sync-server members (--data DIR | --postgres URL) [--json]
workbench sync-server backup (--data DIR | --postgres URL) --out FILE
workbench sync-server restore --from FILE (--data DIR | --postgres URL) [--replace]
workbench sync-server migrate-store --from-sqlite DIR --postgres URL [--replace]

Runs the team workspace's sync server (Hocuspocus, Yjs) with its documents and members in
DIR/team.sqlite (default ./team-data), or with --postgres in a PostgreSQL database (created and
upgraded by the server's own migrations; a database of a newer server is refused). Its first line
reads "listening on ws://HOST:PORT" (wss:// with --tls-cert and --tls-key); its log follows on
stderr, one JSON object a line.
GET /health answers with the version and the numbers of documents and connections; GET /ready
with 200 once the store (and Redis) answer, 503 otherwise or while draining; GET /metrics in the
Prometheus text format to "Authorization: Bearer T" (--metrics-token or WORKBENCH_METRICS_TOKEN).
An update is acknowledged only once it is on disk. --redis shares documents with other instances
on the same store (one data folder or one PostgreSQL database). A document nobody has open leaves
memory (after --idle-unload-seconds, 60). A changed document's stored updates are folded into
its state once it has been quiet for --compact-after-seconds (2; 0: after every change) or has
kept changing for 10 s, in transactions apart from acknowledgements.
SIGTERM or SIGINT drains: no new connections, every open document stored, members' connections
closed (they reconnect to another instance), then exit.

invite prints a member's token once ({ token, member } with --json); only its hash is kept.
A member's e-mail lets each laptop merge the person it already knows by that address into them.
A guest author is linked to the author they are credited as (--author, from the workspace's
authors list): they open only the drafts credited to that author, read-only, and lose a draft
as soon as they are uncredited.
revoke cuts a member off at once, live connections included.
backup copies DIR/team.sqlite with SQLite's online backup API, or the PostgreSQL database with
pg_dump (custom format), safe while the server runs; beside FILE it writes FILE.check.json, the
count and checksum of every document and of the members. restore (with the server stopped) puts
a backup in place and checks it against those; it refuses a store holding data unless --replace.
migrate-store copies a team's documents, members and token hashes from the SQLite file to
PostgreSQL, then compares the count and checksum of every document; it exits 1 on a mismatch.`;

const int = (flag: string, v: string | undefined, min: number, max: number): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, not "${v}".`);
  return n;
};

async function serve(argv: string[]): Promise<number> {
  const { values } = parse(
    argv,
    {
      host: { type: 'string' },
      port: { type: 'string' },
      data: { type: 'string' },
      postgres: { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      'max-message-bytes': { type: 'string' },
      'max-connections-per-member': { type: 'string' },
      redis: { type: 'string' },
      'metrics-token': { type: 'string' },
      'idle-unload-seconds': { type: 'string' },
      'compact-after-seconds': { type: 'string' },
    },
    false,
  );
  if (values.help) return console.log(USAGE), 0;
  if (Boolean(values['tls-cert']) !== Boolean(values['tls-key'])) throw new UsageError('--tls-cert and --tls-key go together.');
  if (values.data && values.postgres) throw new UsageError('--data and --postgres name two stores; give one.');
  const { startTeamServer } = await import('../../server/team-server');
  const { jsonLogger, captureConsole } = await import('../../server/logging');
  const log = jsonLogger();
  captureConsole(log);
  const idle = int('--idle-unload-seconds', values['idle-unload-seconds'], 1, 86_400);
  const compactAfter = int('--compact-after-seconds', values['compact-after-seconds'], 0, 3600);
  const running = await startTeamServer({
    log,
    redisUrl: values.redis,
    metricsToken: values['metrics-token'] ?? (process.env.WORKBENCH_METRICS_TOKEN || undefined),
    idleUnloadMs: idle === undefined ? undefined : idle * 1000,
    compactAfterMs: compactAfter === undefined ? undefined : compactAfter * 1000,
    dataDir: values.data ?? 'team-data',
    postgres: values.postgres,
    host: values.host ?? '127.0.0.1',
    port: int('--port', values.port, 0, 65535) ?? 0,
    tls: values['tls-cert'] ? { certFile: values['tls-cert'], keyFile: values['tls-key']! } : undefined,
    maxMessageBytes: int('--max-message-bytes', values['max-message-bytes'], 1024, 1 << 30),
    maxConnectionsPerMember: int('--max-connections-per-member', values['max-connections-per-member'], 1, 10_000),
    version: APP_VERSION,
  });
  process.stdout.write(`listening on ${running.url}\n`);
  log.info('server.listening', { url: running.url, version: APP_VERSION, redis: Boolean(values.redis), metrics: Boolean(values['metrics-token'] ?? process.env.WORKBENCH_METRICS_TOKEN) });
  const stop = () => void running.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return new Promise<number>(() => {
    /* runs until a signal stops it */
  });
}

type StoreTarget = import('../../server/store-api').StoreTarget;

function target(values: { data?: string; postgres?: string }): StoreTarget {
  if (values.data && values.postgres) throw new UsageError('--data and --postgres name two stores; give one.');
  if (values.postgres) return { postgres: values.postgres };
  if (values.data) return { dataDir: values.data };
  throw new UsageError("--data DIR (the team server's data folder) or --postgres URL names its store.");
}

async function withStore<T>(values: { data?: string; postgres?: string }, fn: (store: import('../../server/store-api').ServerStore) => T | Promise<T>): Promise<T> {
  const where = target(values);
  const { openStore } = await import('../../server/store-api');
  const store = await openStore(where, { appVersion: APP_VERSION });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** Prints a count-and-checksum comparison; 0 when everything matched, 1 otherwise. */
function report(comparison: import('../../server/store-check').Comparison): number {
  console.log(comparison.lines.join('\n'));
  return comparison.ok ? 0 : 1;
}

async function admin(sub: string, argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    data: { type: 'string' },
    postgres: { type: 'string' },
    name: { type: 'string' },
    email: { type: 'string' },
    role: { type: 'string' },
    author: { type: 'string' },
    json: { type: 'boolean' },
    out: { type: 'string' },
    from: { type: 'string' },
    'from-sqlite': { type: 'string' },
    replace: { type: 'boolean' },
  });
  if (values.help) return console.log(USAGE), 0;
  const members = await import('../../server/members');
  if (sub === 'invite') {
    if (!values.name || !values.role) throw new UsageError('invite needs --name "Full Name" and --role admin|editor|series-manager|reviewer|guest-author.');
    const invited = await withStore(values, (s) => members.inviteMember(s, { name: values.name!, role: values.role!, email: values.email, author: values.author }));
    const { id, name, email, role, authorId } = invited.member;
    if (values.json) printJson({ token: invited.token, member: { id, name, email, role, ...(authorId ? { authorId } : {}) } });
    else console.log(`Invited ${invited.member.name} (${invited.member.role}), id ${invited.member.id}.\nToken (shown once; give it to them privately):\n${invited.token}`);
    return 0;
  }
  if (sub === 'revoke') {
    if (positionals.length !== 1) throw new UsageError('revoke takes one member id or name.');
    const m = await withStore(values, (s) => members.revokeMember(s, positionals[0]));
    console.log(`Revoked ${m.name} (${m.role}), id ${m.id}; their open connections are closed.`);
    return 0;
  }
  if (sub === 'backup') {
    if (!values.out) throw new UsageError('backup needs --out FILE.');
    const { backupStore } = await import('../../server/store-backup');
    const made = await backupStore(target(values), values.out);
    console.log(`Backed up the team server's data to ${values.out} (${made.documents} documents, ${made.members} members; checksums in ${made.checkFile}).`);
    return 0;
  }
  if (sub === 'restore') {
    if (!values.from) throw new UsageError('restore needs --from FILE (a file made by `sync-server backup`).');
    const { restoreStore } = await import('../../server/store-backup');
    return report(await restoreStore(values.from, target(values), { replace: values.replace ?? false }));
  }
  if (sub === 'migrate-store') {
    if (!values['from-sqlite'] || !values.postgres) throw new UsageError('migrate-store needs --from-sqlite DIR and --postgres URL.');
    const { migrateStore } = await import('../../server/migrate-store');
    return report(await migrateStore(values['from-sqlite'], values.postgres, { replace: values.replace ?? false }));
  }
  const list = await withStore(values, (s) => members.listMembers(s));
  if (values.json) printJson(list);
  else for (const m of list) console.log(`${m.id}  ${m.role.padEnd(14)}  ${m.revokedAt ? 'revoked ' : 'active  '}  ${m.name}${m.email ? ` <${m.email}>` : ''}`);
  return 0;
}

export const syncServerCommand: Command = {
  name: 'sync-server',
  usage: USAGE,
  async run(argv) {
    const sub = argv[0];
    if (['invite', 'revoke', 'members', 'backup', 'restore', 'migrate-store'].includes(sub)) return admin(sub, argv.slice(1));
    if (sub !== undefined && !sub.startsWith('-')) throw new AppError('BAD_INPUT', `Unknown sync-server command "${sub}": use invite, revoke, members, backup, restore or migrate-store, or flags to run the server.`);
    return serve(argv);
  },
};
