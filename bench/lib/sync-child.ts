/**
 * The sync bench's laptop runs that need a process of their own, so their peak memory (maxRSS) is
 * theirs and not the bench's:
 *   node --import tsx bench/lib/sync-child.ts sync <db> <key file> <timeout s> [<url> <token>]
 *     joins first when a url and token are given (not timed), then one `workspace sync` until up
 *     to date, timed, as `workbench workspace sync` runs it.
 * Prints `BENCH_RESULT {...}` as its last line.
 */
import { openDatabase } from '../../db/connection';
import { KeyFileVault } from '../../main/sync/token-vault';
import { joinWorkspace, syncWorkspace } from '../../main/sync/workspace';

const [mode, file, keyFile, timeoutS, url, token] = process.argv.slice(2);
if (mode !== 'sync') throw new Error(`sync-child: unknown mode ${mode}`);
const db = openDatabase(file);
const vault = new KeyFileVault(keyFile);
if (url && token) await joinWorkspace(db, vault, { url, token });
const cpu0 = process.cpuUsage();
const t = performance.now();
const status = await syncWorkspace(db, vault, Number(timeoutS) * 1000);
const ms = performance.now() - t;
const cpu = process.cpuUsage(cpu0);
const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const detail = { posts: count('posts'), series: count('series'), comments: count('comments'), pending: status.pending, state: status.state };
db.close();
process.stdout.write(`\nBENCH_RESULT ${JSON.stringify({ mode, ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMB: process.resourceUsage().maxRSS / 1024, detail })}\n`);
process.exit(0);
