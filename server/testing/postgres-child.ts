/**
 * A private PostgreSQL (postgres-process.ts) run from a child process, for tests outside server/
 * (the laptop side may not import the team server, but may start a process). It prints one JSON
 * line {"url", "pid"}, then stops the server when its stdin closes or it gets SIGTERM, so the
 * database goes away with the test that asked for it, even when that test process dies.
 * Usage: node --import tsx server/testing/postgres-child.ts [--fsync]
 */
import { startPostgres } from './postgres-process';

const server = await startPostgres({ fsync: process.argv.includes('--fsync') });
let stopping: Promise<void> | undefined;
const stop = () => (stopping ??= server.stop().then(() => process.exit(0)));
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
process.stdin.resume();
console.log(JSON.stringify({ url: server.url, pid: server.pid }));
