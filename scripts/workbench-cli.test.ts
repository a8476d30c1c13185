/**
 * `npx workbench` / `node bin/workbench.mjs`: the bundled CLI while it is current, the sources
 * through tsx otherwise; and the cold paths load only the modules their command needs (jsdom,
 * DOMPurify, mammoth and marked stay unloaded unless a comment or command really needs them).
 * Runs real processes on a bundle built for the test inside the checkout (it must find node_modules).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connection';
import { bundleCli, bundleIsCurrent, MANIFEST, writeManifest } from './main-bundle.mjs';

const root = path.resolve(__dirname, '..');
const bundle = path.join(root, 'node_modules', '.cache', `workbench-cli-test-${process.pid}`);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-cli-'));
const HEAVY = ['jsdom', 'dompurify', 'mammoth', 'marked', 'diff'];

beforeAll(async () => {
  writeManifest(root, bundle, await bundleCli(root, bundle));
  // Records every package the process requires (the bundle loads npm packages with require).
  fs.writeFileSync(path.join(tmp, 'record-requires.cjs'), `
const Module = require('module');
const load = Module._load;
const seen = new Set();
Module._load = function (request) {
  const m = /^((?:@[^/]+\\/)?[^./][^/]*)/.exec(request);
  if (m && !request.startsWith('node:')) seen.add(m[1]);
  return load.apply(this, arguments);
};
process.on('exit', () => process.stderr.write('\\nREQUIRED ' + JSON.stringify([...seen]) + '\\nCJS ' + JSON.stringify(Object.keys(require.cache)) + '\\n'));
`);
  // Records every ES module the process loads (the CLI's per-command chunks), in a file named by RECORD_ESM.
  const hook = `export async function load(url, context, next) { if (url.startsWith('file:')) (await import('node:fs')).appendFileSync(process.env.RECORD_ESM, url + '\\n'); return next(url, context); }`;
  fs.writeFileSync(path.join(tmp, 'record-esm.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hook)}`)});\n`);
}, 120_000);
afterAll(() => {
  fs.rmSync(bundle, { recursive: true, force: true });
  fs.rmSync(tmp, { recursive: true, force: true });
});

function launch(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'workbench.mjs'), ...args], {
    cwd: tmp,
    encoding: 'utf8',
    env: { ...process.env, WORKBENCH_BUNDLE_DIR: bundle, WORKBENCH_TRACE_LAUNCH: '1', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The bundled CLI in a process of its own; returns the packages it required and the bundle's files it ran. */
function required(args: string[]) {
  const esm = path.join(tmp, `esm-${Math.random().toString(36).slice(2)}.txt`);
  fs.writeFileSync(esm, '');
  const r = spawnSync(process.execPath, ['-r', path.join(tmp, 'record-requires.cjs'), '--import', path.join(tmp, 'record-esm.mjs'), path.join(bundle, 'cli.cjs'), ...args], {
    cwd: tmp,
    encoding: 'utf8',
    env: { ...process.env, RECORD_ESM: esm },
  });
  const m = /REQUIRED (\[.*\])\nCJS (\[.*\])/.exec(r.stderr);
  if (!m) throw new Error(`no record: ${r.stderr}`);
  const loaded = [...(JSON.parse(m[2]) as string[]), ...fs.readFileSync(esm, 'utf8').split('\n').filter(Boolean).map((u) => fileURLToPath(u))];
  const bundleFiles = [...new Set(loaded.filter((f) => path.dirname(f) === bundle))];
  // zod is bundled once into cli-zod.cjs (scripts/main-bundle.mjs): loading that file is loading zod.
  const packages = [...(JSON.parse(m[1]) as string[]), ...(bundleFiles.some((f) => path.basename(f) === 'cli-zod.cjs') ? ['zod'] : [])];
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, packages, bundleFiles, loaded };
}

/** Bytes of the bundle's files. */
const bytes = (files: string[]) => files.reduce((n, f) => n + fs.statSync(f).size, 0);

const editManifest = (edit: (files: Record<string, [number, number]>) => void) => {
  const file = path.join(bundle, MANIFEST);
  const saved = fs.readFileSync(file, 'utf8');
  const m = JSON.parse(saved);
  edit(m.files);
  fs.writeFileSync(file, JSON.stringify(m));
  return () => fs.writeFileSync(file, saved);
};

// Real processes, some through tsx: slow on a loaded machine.
describe('bin/workbench.mjs', { timeout: 180_000 }, () => {
  it('runs the bundle while every source it was built from is unchanged', () => {
    expect(bundleIsCurrent(root, bundle)).toBe(true);
    const r = launch(['--help']);
    expect(r.stderr).toContain(`workbench: bundle ${path.relative(root, bundle)}`);
    expect(r.stdout).toMatch(/^Usage: workbench <command>/m);
    expect(r.code).toBe(0);
  });

  it('runs the sources through tsx when a source changed since the build, and gives the same answer', () => {
    const restore = editManifest((files) => {
      files['main/cli/posts.ts'][1] -= 1000;
    });
    try {
      expect(bundleIsCurrent(root, bundle)).toBe(false);
      const r = launch(['--help']);
      expect(r.stderr).toContain('workbench: sources');
      expect(r.stdout).toMatch(/^Usage: workbench <command>/m);
      expect(r.code).toBe(0);
    } finally {
      restore();
    }
  });

  it('runs the sources when a source the bundle was built from is gone, or there is no manifest', () => {
    const restore = editManifest((files) => {
      files['main/no-longer-here.ts'] = [10, 1];
    });
    try {
      expect(launch(['--help']).stderr).toContain('workbench: sources');
    } finally {
      restore();
    }
    expect(bundleIsCurrent(root, path.join(tmp, 'no-bundle-here'))).toBe(false);
    expect(launch(['--help'], { WORKBENCH_BUNDLE_DIR: path.join(tmp, 'no-bundle-here') }).stderr).toContain('workbench: sources');
  });

  it('notices a real edit: a changed size or modification time makes the bundle stale', () => {
    const fake = fs.mkdtempSync(path.join(tmp, 'root-'));
    const out = path.join(fake, 'out');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(fake, 'a.ts'), 'export const a = 1;\n');
    writeManifest(fake, out, ['a.ts']);
    expect(bundleIsCurrent(fake, out)).toBe(true);
    fs.writeFileSync(path.join(fake, 'a.ts'), 'export const a = 22;\n');
    expect(bundleIsCurrent(fake, out)).toBe(false);
  });
});

describe('what a cold command loads', { timeout: 180_000 }, () => {
  const cdata = (s: string) => `<![CDATA[${s}]]>`;
  const wxr = (bodies: string[]) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<item><title>Post</title><link>https://blog.example/p/</link><wp:post_id>5</wp:post_id><wp:post_name>p</wp:post_name><wp:post_type>post</wp:post_type>
<content:encoded>${cdata('<h2>A post</h2><p>With <em>markup</em>, a <a href="https://example.org/">link</a> and a list:</p><ul><li>one</li></ul>')}</content:encoded>
${bodies.map((b, i) => `<wp:comment><wp:comment_id>${i + 1}</wp:comment_id><wp:comment_content>${cdata(b)}</wp:comment_content><wp:comment_approved>1</wp:comment_approved></wp:comment>`).join('\n')}
</item></channel></rss>`;
  const db = () => {
    const file = path.join(tmp, `db-${Math.random().toString(36).slice(2)}.sqlite`);
    openDatabase(file).close();
    return file;
  };

  it('--help and posts load no parser, sanitizer or converter, and not zod (only the command that runs loads)', () => {
    for (const args of [['--help'], ['posts', '--json', '--db', db()]]) {
      const r = required(args);
      expect(r.code, r.stderr).toBe(0);
      expect(r.packages.filter((p) => [...HEAVY, 'parse5', 'saxes', 'zod'].includes(p)), args.join(' ')).toEqual([]);
    }
    // --help opens no store: not even the SQLite binding loads.
    expect(required(['--help']).packages).not.toContain('better-sqlite3');
  });

  it('a command reads and compiles only its own part of the CLI: --help and posts under a tenth of its code', () => {
    const all = fs.readdirSync(bundle).filter((f) => /^cli.*\.[cm]js$/.test(f)).map((f) => path.join(bundle, f));
    for (const args of [['--help'], ['posts', '--json', '--db', db()]]) {
      const r = required(args);
      expect(r.code, r.stderr).toBe(0);
      expect(r.bundleFiles).toContain(path.join(bundle, 'cli.cjs'));
      expect(bytes(r.bundleFiles) / bytes(all), args.join(' ')).toBeLessThan(0.1);
    }
    // The import loads the importers' chunks: the record sees more than the command table.
    const file = path.join(tmp, 'one.csv');
    fs.writeFileSync(file, 'post,author,content\np,Ann,Hello\n');
    const imported = required(['import-comments', file, '--db', db()]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.bundleFiles.length).toBeGreaterThan(required(['--help']).bundleFiles.length);
  });

  it("posts runs from its own file with better-sqlite3's JavaScript bundled in: only the native binding comes from node_modules", () => {
    const r = required(['posts', '--json', '--db', db()]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.bundleFiles.map((f) => path.basename(f)).sort()).toEqual(['cli-posts.cjs', 'cli.cjs']);
    const fromPackages = [...new Set(r.loaded.filter((f) => f.includes(`${path.sep}node_modules${path.sep}`) && path.dirname(f) !== bundle))];
    expect(fromPackages.map((f) => path.relative(root, f))).toEqual([path.join('node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node')]);
  });

  it('a WXR import loads zod (for the stored rules) from the one bundled copy, none of its files from node_modules', () => {
    const file = path.join(tmp, 'zod.xml');
    fs.writeFileSync(file, wxr(['Plain words']));
    const r = required(['import-comments', file, '--db', db(), '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.bundleFiles.map((f) => path.basename(f))).toContain('cli-zod.cjs');
    expect(r.loaded.filter((f) => f.includes(`${path.sep}node_modules${path.sep}zod${path.sep}`))).toEqual([]);
  });

  it("a command's mistakes keep their exit status and message across the command's own file (1 with usage, 2 with the error's text)", () => {
    const usage = required(['posts', '--bogus']);
    expect(usage.code).toBe(1);
    expect(usage.stderr).toMatch(/^workbench posts: Unknown option '--bogus'.*\nSee `workbench posts --help`\./m);
    const failed = required(['check', 'no-such-post', '--db', db()]);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toMatch(/^workbench check: .*no-such-post/m);
    expect(failed.stderr).not.toMatch(/\n\s+at /);
  });

  it('an import of comments the fast paths clean loads neither jsdom nor DOMPurify', () => {
    const file = path.join(tmp, 'plain.xml');
    fs.writeFileSync(file, wxr(['Plain words', '<p>Some <em>simple</em> markup &amp; a <a href="https://example.org/">link</a></p>', '<blockquote>Quoted<ul><li>item</li></ul></blockquote>']));
    const r = required(['import-comments', file, '--db', db(), '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout.slice(0, r.stdout.lastIndexOf('}') + 1)).comments.imported).toBe(3);
    expect(r.packages.filter((p) => HEAVY.includes(p))).toEqual([]);
  });

  it('parse5 loads for a new post body or markup the fast path declines, not for fast-path comments on a stored post', () => {
    const store = db();
    const plain = path.join(tmp, 'plain-only.xml');
    fs.writeFileSync(plain, wxr(['Plain words', '<p>Some <em>simple</em> markup &amp; a <a href="https://example.org/">link</a></p>']));
    const first = required(['import-comments', plain, '--db', store, '--json']);
    expect(first.code, first.stderr).toBe(0);
    // The file's post is new: its body goes through parse5 into the editor's form.
    expect(first.packages).toContain('parse5');
    const more = path.join(tmp, 'plain-more.xml');
    fs.writeFileSync(more, wxr(['Plain words', '<p>Some <em>simple</em> markup &amp; a <a href="https://example.org/">link</a></p>', 'A third, plain']));
    const again = required(['import-comments', more, '--db', store, '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout.slice(0, again.stdout.lastIndexOf('}') + 1)).comments).toMatchObject({ imported: 1, unchanged: 2 });
    expect(again.packages).not.toContain('parse5');
    const quoted = path.join(tmp, 'quoted-list.xml');
    fs.writeFileSync(quoted, wxr(['<blockquote>Quoted<ul><li>item</li></ul></blockquote>']));
    const parsed = required(['import-comments', quoted, '--db', store, '--json']);
    expect(parsed.code, parsed.stderr).toBe(0);
    expect(parsed.packages).toContain('parse5');
  });

  it('a comment only DOMPurify can clean loads it (the check above can fail)', () => {
    const file = path.join(tmp, 'unusual.xml');
    fs.writeFileSync(file, wxr(['Plain words', '<p>before<!-- a comment --><form><input value=x></form> after</p>']));
    const r = required(['import-comments', file, '--db', db(), '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.packages).toEqual(expect.arrayContaining(['jsdom', 'dompurify']));
  });

  it('an empty, missing or unrecognised file is refused before any importer loads or the store opens', () => {
    const file = path.join(tmp, 'empty.xml');
    fs.writeFileSync(file, '');
    const unknown = path.join(tmp, 'notes.dat');
    fs.writeFileSync(unknown, 'neither XML nor CSV nor JSON');
    const store = path.join(tmp, 'never-created.sqlite');
    for (const [f, message] of [
      [file, /empty\.xml:1:1: the file is empty; nothing was imported/],
      [path.join(tmp, 'missing.xml'), /missing\.xml: no such file/],
      [unknown, /notes\.dat:1:1: the format could not be recognised/],
    ] as const) {
      const r = required(['import-comments', f, '--db', store]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.packages.filter((p) => [...HEAVY, 'parse5', 'saxes', 'zod', 'better-sqlite3'].includes(p))).toEqual([]);
      expect(fs.existsSync(store)).toBe(false);
    }
  });
});
