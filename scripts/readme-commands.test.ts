/**
 * The README's commands on a fresh copy of the checkout: the tracked files copied to a temp folder
 * without dist/ (node_modules linked, as after `npm install`). `npm run serve`, `npx workbench
 * serve` and `npm start` (browser mode here, where no Electron runtime exists) must each answer on
 * their port, and every command in the README's command table must run (`--help`, then a real run
 * of the ones that need nothing but a database).
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = path.resolve(__dirname, '..');
let copy: string;
let db: string;

beforeAll(() => {
  copy = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-fresh-'));
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repo, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const f of files) {
    if (f.startsWith('scratch/') || !fs.existsSync(path.join(repo, f))) continue;
    fs.mkdirSync(path.dirname(path.join(copy, f)), { recursive: true });
    fs.copyFileSync(path.join(repo, f), path.join(copy, f));
  }
  fs.symlinkSync(path.join(repo, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  db = path.join(copy, 'readme.sqlite');
});
afterAll(() => fs.rmSync(copy, { recursive: true, force: true }));

const env = () => ({ ...process.env, WORKBENCH_DB: db, WORKBENCH_RENDERER_DIR: '' });

/** Starts a command, waits for the URL it prints, fetches the page, then stops it by its pid. */
async function servesPage(command: string, args: string[]): Promise<{ status: number; html: string }> {
  const child = spawn(command, args, { cwd: copy, env: env(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const onData = (d: Buffer) => {
        output += d.toString();
        const m = /http:\/\/127\.0\.0\.1:\d+\/\S*/.exec(output);
        if (m) resolve(m[0]);
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.on('exit', (code) => reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output}`)));
    });
    const res = await fetch(url);
    const html = await res.text();
    // The page's icon, which the browser asks for (it was once a 404).
    const icon = await fetch(new URL('/favicon.ico', url));
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toBe('image/x-icon');
    expect(Buffer.from(await icon.arrayBuffer()).readUInt16LE(2)).toBe(1);
    return { status: res.status, html };
  } finally {
    // The whole process group: npm runs the server as a child of its own.
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
  }
}

describe('the README commands on a fresh copy without dist/', () => {
  it('npm run serve builds the page it needs, then answers on its port', async () => {
    expect(fs.existsSync(path.join(copy, 'dist'))).toBe(false);
    const page = await servesPage('npm', ['run', 'serve', '--', '--port', '0']);
    expect(page.status).toBe(200);
    expect(page.html).toContain('<div id="root">');
    expect(page.html).toContain('<link rel="icon" href="./favicon.ico"');
    expect(fs.existsSync(path.join(copy, 'dist', 'renderer', 'index.html'))).toBe(true);
  }, 240_000);

  it('npx workbench serve and npm start (browser mode) answer on their ports', async () => {
    expect((await servesPage('npx', ['workbench', 'serve', '--port', '0'])).status).toBe(200);
    expect((await servesPage('npm', ['start', '--', '--port', '0'])).status).toBe(200);
  }, 240_000);

  it('every command of the README table answers --help, and the read-only ones run', () => {
    const readme = fs.readFileSync(path.join(copy, 'README.md'), 'utf8');
    const commands = [...readme.matchAll(/^\| `workbench ([a-z-]+)/gm)].map((m) => m[1]);
    expect(commands).toEqual(expect.arrayContaining(['serve', 'import-draft', 'import-comments', 'comments', 'posts', 'series', 'series-plan', 'export', 'export-series', 'export-wxr', 'backup', 'methods']));
    const cli = (...args: string[]) => execFileSync(process.execPath, [path.join(copy, 'bin', 'workbench.mjs'), ...args], { cwd: copy, env: env(), encoding: 'utf8' });
    expect(cli('--help')).toMatch(/serve/);
    // The same CLI bundled (npm start built it above) starts in a fraction of tsx's time: the
    // per-command help goes through it to keep this test short.
    const bundled = (...args: string[]) => execFileSync(process.execPath, [path.join(copy, 'dist', 'main', 'cli.cjs'), ...args], { cwd: copy, env: env(), encoding: 'utf8' });
    for (const command of commands) expect(bundled(command, '--help'), command).toMatch(new RegExp(`workbench ${command}`));
    expect(JSON.parse(cli('posts', '--json'))).toEqual(expect.any(Array));
    expect(cli('methods')).toMatch(/posts\.list/);
    expect(cli('backup')).toMatch(/backup/i);
  }, 240_000);
});
