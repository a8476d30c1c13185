/**
 * `workbench sync-server`: the door to the team server (server/), which nothing else on the
 * laptop side imports. It runs on a box the team shares; see the README's "Team workspace".
 */
import { AppError } from '../../common/errors';
import { APP_VERSION } from '../app-info';
import { parse, printJson, UsageError } from './args';
import type { Command } from './command';

const USAGE = `workbench sync-server [--host 127.0.0.1] [--port N] [--data DIR] [--tls-cert F --tls-key F]
                      [--max-message-bytes N] [--max-connections-per-member N]
                      [--redis redis://USER:PASS@HOST:PORT] [--metrics-token T] [--idle-unload-seconds N]
workbench sync-server invite --data DIR --name "Ann Smith" [--email ann@example.org] --role admin|editor|series-manager|reviewer [--json]
workbench sync-server revoke <member id or name> --data DIR
workbench sync-server members --data DIR [--json]
workbench sync-server backup --data DIR --out FILE

Runs the team workspace's sync server (Hocuspocus, Yjs) with its documents and members in
DIR/team.sqlite (default ./team-data). Its first line reads "listening on ws://HOST:PORT"
(wss:// with --tls-cert and --tls-key); its log follows on stderr, one JSON object a line.
GET /health answers with the version and the numbers of documents and connections; GET /ready
with 200 once the store (and Redis) answer, 503 otherwise or while draining; GET /metrics in the
Prometheus text format to "Authorization: Bearer T" (--metrics-token or WORKBENCH_METRICS_TOKEN).
An update is acknowledged only once it is on disk. --redis shares documents with other instances
on the same store. A document nobody has open leaves memory (after --idle-unload-seconds, 60).
SIGTERM or SIGINT drains: no new connections, every open document stored, members' connections
closed (they reconnect to another instance), then exit.

invite prints a member's token once ({ token, member } with --json); only its hash is kept.
A member's e-mail lets each laptop merge the person it already knows by that address into them.
revoke cuts a member off at once, live connections included.
backup copies DIR/team.sqlite with SQLite's online backup API, safe while the server runs;
restore by stopping the server and putting the copy in place as DIR/team.sqlite.`;

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
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      'max-message-bytes': { type: 'string' },
      'max-connections-per-member': { type: 'string' },
      redis: { type: 'string' },
      'metrics-token': { type: 'string' },
      'idle-unload-seconds': { type: 'string' },
    },
    false,
  );
  if (values.help) return console.log(USAGE), 0;
  if (Boolean(values['tls-cert']) !== Boolean(values['tls-key'])) throw new UsageError('--tls-cert and --tls-key go together.');
  const { startTeamServer } = await import('../../server/team-server');
  const { jsonLogger, captureConsole } = await import('../../server/logging');
  const log = jsonLogger();
  captureConsole(log);
  const idle = int('--idle-unload-seconds', values['idle-unload-seconds'], 1, 86_400);
  const running = await startTeamServer({
    log,
    redisUrl: values.redis,
    metricsToken: values['metrics-token'] ?? (process.env.WORKBENCH_METRICS_TOKEN || undefined),
    idleUnloadMs: idle === undefined ? undefined : idle * 1000,
    dataDir: values.data ?? 'team-data',
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

async function withStore<T>(dataDir: string | undefined, fn: (store: import('../../server/store').TeamStore) => T | Promise<T>): Promise<T> {
  if (!dataDir) throw new UsageError('--data DIR names the team server\'s data folder.');
  const { TeamStore } = await import('../../server/store');
  const store = new TeamStore(dataDir);
  try {
    return await fn(store);
  } finally {
    store.close();
  }
}

async function admin(sub: string, argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { data: { type: 'string' }, name: { type: 'string' }, email: { type: 'string' }, role: { type: 'string' }, json: { type: 'boolean' }, out: { type: 'string' } });
  if (values.help) return console.log(USAGE), 0;
  const members = await import('../../server/members');
  if (sub === 'invite') {
    if (!values.name || !values.role) throw new UsageError('invite needs --name "Full Name" and --role admin|editor|series-manager|reviewer.');
    const invited = await withStore(values.data, (s) => members.inviteMember(s, { name: values.name!, role: values.role!, email: values.email }));
    if (values.json) printJson({ token: invited.token, member: { id: invited.member.id, name: invited.member.name, email: invited.member.email, role: invited.member.role } });
    else console.log(`Invited ${invited.member.name} (${invited.member.role}), id ${invited.member.id}.\nToken (shown once; give it to them privately):\n${invited.token}`);
    return 0;
  }
  if (sub === 'revoke') {
    if (positionals.length !== 1) throw new UsageError('revoke takes one member id or name.');
    const m = await withStore(values.data, (s) => members.revokeMember(s, positionals[0]));
    console.log(`Revoked ${m.name} (${m.role}), id ${m.id}; their open connections are closed.`);
    return 0;
  }
  if (sub === 'backup') {
    if (!values.out) throw new UsageError('backup needs --out FILE.');
    const out = values.out;
    await withStore(values.data, (s) => s.backup(out));
    console.log(`Backed up the team server's data to ${out}.`);
    return 0;
  }
  const list = await withStore(values.data, (s) => members.listMembers(s));
  if (values.json) printJson(list);
  else for (const m of list) console.log(`${m.id}  ${m.role.padEnd(14)}  ${m.revokedAt ? 'revoked ' : 'active  '}  ${m.name}${m.email ? ` <${m.email}>` : ''}`);
  return 0;
}

export const syncServerCommand: Command = {
  name: 'sync-server',
  usage: USAGE,
  async run(argv) {
    const sub = argv[0];
    if (sub === 'invite' || sub === 'revoke' || sub === 'members' || sub === 'backup') return admin(sub, argv.slice(1));
    if (sub !== undefined && !sub.startsWith('-')) throw new AppError('BAD_INPUT', `Unknown sync-server command "${sub}": use invite, revoke, members or backup, or flags to run the server.`);
    return serve(argv);
  },
};
