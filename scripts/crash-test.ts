/**
 * Crash safety: browser mode on a temp database takes a stream of draft edits, trash/restore,
 * creates, comment imports and comment moderation from several concurrent clients, and is killed
 * with SIGKILL at random moments.
 * After every kill, before the next start, the file is opened directly and checked:
 * PRAGMA integrity_check is ok, foreign keys hold, and every change the server acknowledged
 * (an HTTP answer with ok:true) is there. A change in flight at the kill may or may not be there,
 * but only whole: the post holds either its acknowledged state or exactly the in-flight one.
 *
 * `npm run crash-test` runs the long version (60 kills); scripts/crash-test.test.ts a short one
 * in `npm test`. Options: --kills N, --seed N, --quiet.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn, type ChildProcess } from 'node:child_process';
import { callApi, fetchSecret } from '../e2e/server';
import { seededRandom } from '../common/random';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Server {
  url: string;
  kill: () => Promise<void>;
}

/**
 * `workbench serve` as its own process, the way a user runs it. Start-up waits long (a loaded
 * machine can take many seconds to compile the sources) and a server that never comes up is
 * killed rather than left holding the file.
 */
async function startServer(dbPath: string, env: NodeJS.ProcessEnv): Promise<Server> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'main/cli-main.ts'), 'serve', '--port', '0', '--db', dbPath], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  let output = '';
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the server did not start in 120 s:\n${output}`)), 120_000);
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const m = /running at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
      child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the server exited (${code}) before starting:\n${output}`));
      });
    });
    return { url, kill };
  } catch (err) {
    await kill();
    throw err;
  }
}

export interface CrashTestOptions {
  kills: number;
  seed?: number;
  /** Concurrent clients, each editing its own posts one request at a time. */
  clients?: number;
  log?: (line: string) => void;
}

export interface CrashTestReport {
  kills: number;
  acknowledged: number;
  /** Requests cut off by a kill: their outcome was unknown until checked. */
  inFlightAtKill: number;
  /** In-flight changes found committed after the kill (whole), the rest were found absent (whole). */
  inFlightCommitted: number;
  postsChecked: number;
  commentsChecked: number;
  failures: string[];
  seconds: number;
}

export type Op =
  | { kind: 'update'; title: string; standfirst: string }
  | { kind: 'moderate'; comment: CommentModel; status: CommentStatus }
  | { kind: 'trash' }
  | { kind: 'restore' }
  | { kind: 'create'; title: string };

export interface PostModel {
  id: string;
  revision: number;
  title: string;
  standfirst: string;
  trashed: boolean;
  /** The request for this post that a kill cut off, if any. */
  pending: Op | null;
}

type CommentStatus = 'approved' | 'pending' | 'spam' | 'trash';
const STATUSES: CommentStatus[] = ['approved', 'pending', 'spam', 'trash'];

export interface CommentModel {
  id: string;
  revision: number;
  status: CommentStatus;
  /** The moderation a kill cut off, if any. */
  pending: CommentStatus | null;
}

export interface StoredComment {
  id: string;
  revision: number;
  status: CommentStatus;
}

export interface StoredPost {
  id: string;
  revision: number;
  title: string;
  standfirst: string;
  deleted_at: string | null;
}

/** Seeded, so a failing run can be repeated with --seed. */
const prng = seededRandom;

function makeRendererDir(dir: string): string {
  const renderer = path.join(dir, 'renderer');
  fs.mkdirSync(renderer, { recursive: true });
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><html><head><title>crash test</title></head><body></body></html>');
  return renderer;
}

interface Store {
  integrity: string;
  fkProblems: number;
  posts: Map<string, StoredPost>;
  comments: Map<string, StoredComment>;
}

function readStore(dbPath: string): Store {
  // A read-write connection, so SQLite can recover the WAL left by the killed process.
  const db = new Database(dbPath);
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    const fkProblems = (db.pragma('foreign_key_check') as unknown[]).length;
    const rows = db.prepare('SELECT id, revision, title, standfirst, deleted_at FROM posts').all() as StoredPost[];
    const comments = db.prepare('SELECT id, revision, status FROM comments').all() as StoredComment[];
    return { integrity, fkProblems, posts: new Map(rows.map((r) => [r.id, r])), comments: new Map(comments.map((c) => [c.id, c])) };
  } finally {
    db.close();
  }
}

/**
 * Gives each client a few reader comments to moderate, through the import API the app uses (a
 * small CSV file per client, attached to one of its posts). Runs before the round's kill timer
 * starts, so each import is acknowledged before any kill.
 */
async function importComments(
  call: (method: string, input: unknown) => Promise<any>,
  upload: (name: string, body: string) => Promise<any>,
  acknowledged: { count: number },
  clients: { posts: PostModel[]; comments: CommentModel[] }[],
  round: number,
): Promise<string[]> {
  const failures: string[] = [];
  for (const [ci, c] of clients.entries()) {
    const post = c.posts.find((p) => !p.trashed);
    if (!post || c.comments.length >= 6) continue;
    const got = await call('posts.get', { id: post.id });
    if (!got.ok) {
      failures.push(`round ${round}: posts.get before import: ${got.error.message}`);
      continue;
    }
    const ids = [0, 1, 2].map((i) => `r${round}c${ci}n${i}`);
    const sent = await upload(`comments-${round}-${ci}.csv`, ['id,author,content,status', ...ids.map((id) => `${id},Reader,"Comment ${id}, with a comma",pending`)].join('\n'));
    if (!sent.ok) {
      failures.push(`round ${round}: upload refused: ${sent.error.code} ${sent.error.message}`);
      continue;
    }
    const imported = await call('imports.run', { file: { uploadId: sent.value.uploadId }, format: 'csv', postSlug: got.value.slug });
    if (!imported.ok) {
      failures.push(`round ${round}: import refused: ${imported.error.code} ${imported.error.message}`);
      continue;
    }
    acknowledged.count++;
    const listed = await call('comments.list', { filter: { postId: post.id }, limit: 500 });
    const known = new Set(c.comments.map((m) => m.id));
    for (const item of listed.value.items as { id: string; revision: number; status: CommentStatus }[]) {
      if (!known.has(item.id)) c.comments.push({ id: item.id, revision: item.revision, status: item.status, pending: null });
    }
  }
  return failures;
}

export function checkComment(m: CommentModel, stored: StoredComment | undefined): { failure: string | null; committedPending: boolean } {
  if (!stored) return { failure: `comment ${m.id} is gone`, committedPending: false };
  if (m.pending && stored.revision === m.revision + 1) {
    return { failure: stored.status === m.pending ? null : `comment ${m.id}: the in-flight moderation is only partly there`, committedPending: true };
  }
  if (stored.revision !== m.revision || stored.status !== m.status) {
    return { failure: `comment ${m.id}: ${stored.status} at revision ${stored.revision}, acknowledged ${m.status} at ${m.revision}`, committedPending: false };
  }
  return { failure: null, committedPending: false };
}

/** Checks one post against what the server acknowledged; returns a failure message or null. */
export function checkPost(m: PostModel, stored: StoredPost | undefined): { failure: string | null; committedPending: boolean } {
  if (!stored) return { failure: `post ${m.id} was acknowledged as created but is gone`, committedPending: false };
  const p = m.pending;
  const trashed = stored.deleted_at !== null;
  if (p?.kind === 'update' && stored.revision === m.revision + 1) {
    const whole = stored.title === p.title && stored.standfirst === p.standfirst && trashed === m.trashed;
    return { failure: whole ? null : `post ${m.id}: the in-flight update is only partly there`, committedPending: true };
  }
  if (stored.revision !== m.revision) return { failure: `post ${m.id}: revision ${stored.revision}, acknowledged ${m.revision}`, committedPending: false };
  if (stored.title !== m.title || stored.standfirst !== m.standfirst) return { failure: `post ${m.id}: acknowledged title/standfirst lost`, committedPending: false };
  const mayFlip = p?.kind === 'trash' || p?.kind === 'restore';
  if (trashed !== m.trashed && !mayFlip) return { failure: `post ${m.id}: acknowledged ${m.trashed ? 'trash' : 'restore'} lost`, committedPending: false };
  return { failure: null, committedPending: mayFlip && trashed !== m.trashed };
}

export async function runCrashTest(o: CrashTestOptions): Promise<CrashTestReport> {
  const started = Date.now();
  const log = o.log ?? (() => undefined);
  const random = prng(o.seed ?? 1);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-crash-'));
  const dbPath = path.join(dir, 'workbench.sqlite');
  const env = { WORKBENCH_RENDERER_DIR: makeRendererDir(dir) };
  const clients = Array.from({ length: o.clients ?? 3 }, () => ({ posts: [] as PostModel[], comments: [] as CommentModel[] }));
  const report: CrashTestReport = { kills: 0, acknowledged: 0, inFlightAtKill: 0, inFlightCommitted: 0, postsChecked: 0, commentsChecked: 0, failures: [], seconds: 0 };

  try {
    for (let round = 0; round < o.kills; round++) {
      const server = await startServer(dbPath, env);
      const secret = await fetchSecret(server.url);
      let killed = false;
      const call = (method: string, input: unknown) => callApi(server.url, secret, method, input);
      // Files reach browser mode the way the page sends them: POST /upload, then import by upload id.
      const upload = async (name: string, body: string) =>
        (await fetch(new URL('upload', server.url), { method: 'POST', headers: { 'x-workbench-secret': secret, 'x-file-name': name }, body })).json();
      const imports = { count: 0 };
      report.failures.push(...(await importComments(call, upload, imports, clients, round)));
      report.acknowledged += imports.count;

      const client = async ({ posts, comments }: (typeof clients)[number], c: number) => {
        for (let n = 0; !killed; n++) {
          const r = random();
          const live = posts.filter((p) => !p.pending);
          const post = live[Math.floor(random() * live.length)];
          const comment = comments[Math.floor(random() * comments.length)];
          // A trashed post can only be restored (saving one is refused, as in the app).
          const op: Op =
            !post || r < 0.1
              ? { kind: 'create', title: `Client ${c} post ${posts.length}` }
              : comment && r < 0.35
                ? { kind: 'moderate', comment, status: STATUSES[Math.floor(random() * 4)] }
                : post.trashed
                  ? { kind: 'restore' }
                  : r < 0.42
                    ? { kind: 'trash' }
                    : { kind: 'update', title: `Client ${c} round ${round} edit ${n}`, standfirst: 'x'.repeat(Math.floor(random() * 3000)) };
          if (op.kind === 'moderate') op.comment.pending = op.status;
          else if (op.kind !== 'create') post.pending = op;
          let result: { ok: boolean; value?: any; error?: { code: string; message: string } };
          try {
            if (op.kind === 'create') result = await call('posts.create', { title: op.title });
            else if (op.kind === 'moderate') result = await call('comments.setStatus', { items: [{ id: op.comment.id, revision: op.comment.revision }], status: op.status });
            else if (op.kind === 'update') result = await call('posts.update', { id: post.id, baseRevision: post.revision, title: op.title, standfirst: op.standfirst });
            else result = await call(op.kind === 'trash' ? 'posts.delete' : 'posts.restore', { id: post.id });
          } catch (err) {
            if (!killed) report.failures.push(`round ${round}: a request failed while the server was up: ${(err as Error).message}`);
            if (op.kind !== 'create') report.inFlightAtKill++;
            return; // the kill cut this request off; its pending mark stays set
          }
          if (!result.ok) {
            report.failures.push(`round ${round}: ${op.kind} refused: ${result.error?.code} ${result.error?.message}`);
            if (op.kind === 'moderate') op.comment.pending = null;
            else if (post) post.pending = null;
            continue;
          }
          report.acknowledged++;
          if (op.kind === 'create') {
            const v = result.value as StoredPost;
            posts.push({ id: v.id, revision: v.revision, title: v.title, standfirst: v.standfirst, trashed: false, pending: null });
          } else if (op.kind === 'moderate') {
            const changed = (result.value as { changed: { revision: number }[] }).changed[0];
            Object.assign(op.comment, { status: op.status, revision: changed ? changed.revision : op.comment.revision, pending: null });
          } else if (op.kind === 'update') {
            Object.assign(post, { revision: result.value.revision, title: op.title, standfirst: op.standfirst, pending: null });
          } else {
            Object.assign(post, { trashed: op.kind === 'trash', pending: null });
          }
        }
      };

      const running = clients.map((cl, c) => client(cl, c));
      await new Promise((resolve) => setTimeout(resolve, 150 + random() * 900));
      killed = true;
      await server.kill();
      await Promise.all(running);
      report.kills++;

      const store = readStore(dbPath);
      if (store.integrity !== 'ok') report.failures.push(`after kill ${report.kills}: integrity_check says ${store.integrity}`);
      if (store.fkProblems) report.failures.push(`after kill ${report.kills}: ${store.fkProblems} foreign key problems`);
      const note = (failure: string | null, committedPending: boolean) => {
        if (failure) report.failures.push(`after kill ${report.kills}: ${failure}`);
        if (committedPending) report.inFlightCommitted++;
      };
      for (const m of clients.flatMap((cl) => cl.posts)) {
        const stored = store.posts.get(m.id);
        const { failure, committedPending } = checkPost(m, stored);
        report.postsChecked++;
        note(failure, committedPending);
        // Carry on from what is stored, as a client reloading the draft would.
        if (stored) Object.assign(m, { revision: stored.revision, title: stored.title, standfirst: stored.standfirst, trashed: stored.deleted_at !== null, pending: null });
      }
      for (const m of clients.flatMap((cl) => cl.comments)) {
        const stored = store.comments.get(m.id);
        const { failure, committedPending } = checkComment(m, stored);
        report.commentsChecked++;
        note(failure, committedPending);
        if (stored) Object.assign(m, { revision: stored.revision, status: stored.status, pending: null });
      }
      log(`kill ${report.kills}/${o.kills}: ${report.acknowledged} acknowledged so far, ${store.posts.size} posts and ${store.comments.size} comments stored, ${report.failures.length} failures`);
      if (report.failures.length > 20) break;
    }
  } finally {
    report.seconds = Math.round((Date.now() - started) / 100) / 10;
    if (report.failures.length === 0) fs.rmSync(dir, { recursive: true, force: true });
    else log(`kept the database for inspection: ${dbPath}`);
  }
  return report;
}

async function main(argv: string[]): Promise<number> {
  const arg = (name: string, fallback: number) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? Number(argv[i + 1]) : fallback;
  };
  const quiet = argv.includes('--quiet');
  const report = await runCrashTest({ kills: arg('kills', 60), seed: arg('seed', Date.now() % 100000), log: quiet ? undefined : console.log });
  console.log(
    `crash test: ${report.kills} SIGKILLs, ${report.acknowledged} acknowledged changes all present, ` +
      `${report.inFlightAtKill} requests cut off by a kill (${report.inFlightCommitted} found committed whole, the rest absent whole), ` +
      `${report.postsChecked} post and ${report.commentsChecked} comment checks, ${report.seconds} s`,
  );
  for (const f of report.failures) console.error(`FAIL ${f}`);
  return report.failures.length === 0 && report.kills > 0 ? 0 : 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
