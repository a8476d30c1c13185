// Bundling the main process with esbuild, and knowing whether a bundle is still current.
// Used by scripts/build-main.mjs (dist/main), the bench (bench/.data/build) and bin/workbench.mjs,
// which runs the bundled CLI only while every source it was built from is unchanged.
import fs from 'node:fs';
import path from 'node:path';

import { MANIFEST } from './bundle-current.cjs';

export { MANIFEST };

/**
 * Packages the main process bundles in although they come from npm: Lexical's headless editor
 * projects co-edited bodies into the store (main/sync/body-projection.ts). Lexical is a renderer
 * package, kept out of the app's production dependencies so that electron-builder does not pack a
 * second copy (with @preact/signals-core, which @lexical/extension needs); and the binding and the
 * nodes must share one Lexical instance, which one bundle gives. PRODUCTION makes Lexical's entries
 * pick their production build, and leaves the development one out of the bundle.
 */
export const BUNDLED_PACKAGES = /^(lexical|@lexical\/[^/]+|@preact\/signals-core)(\/|$)/;
const PRODUCTION = { 'process.env.NODE_ENV': '"production"' };

/** npm packages stay external (electron-builder ships them; native ones cannot be bundled), but BUNDLED_PACKAGES. */
const externalPackages = {
  name: 'external-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:') || path.isAbsolute(args.path) || BUNDLED_PACKAGES.test(args.path)) return undefined;
      return { path: args.path, external: true };
    });
  },
};

/** The esbuild options shared by every main-process bundle (CommonJS, npm packages external but Lexical). */
export const NODE_BUNDLE = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  plugins: [externalPackages],
  sourcemap: false,
  logLevel: 'warning',
  // Source files use import.meta.url (ESM); in the CommonJS bundle it comes from __filename.
  banner: { js: "const __import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
  define: { ...PRODUCTION, 'import.meta.url': '__import_meta_url' },
  outExtension: { '.js': '.cjs' },
};

/** The worker threads the CLI and the app start from beside their bundle (CommonJS, one file each). */
export const WORKER_ENTRIES = { 'import-worker': 'main/importers/import-worker.ts', 'spam-worker': 'main/moderation/spam-worker.ts' };

/**
 * The CLI as one CommonJS file per command: cli.cjs holds the command table and --help, and
 * cli-<command>.cjs each command with all it needs (main/cli/commands.ts' import('./<command>')
 * becomes a require of that file), so a command reads and compiles only its own code, in one file.
 * Splitting into shared ES module chunks did the same with less disk, but `posts` then went through
 * Node's ES module loader for some twenty chunks: a third of its start. Modules the commands share
 * are copied into each file; nothing in cli.cjs is shared with them but plain objects and errors
 * (main/cli.ts tells errors apart by name, not by class, for that reason).
 * better-sqlite3's own JavaScript is bundled in too (Node's package lookups for its 13 files cost
 * more than running them); only its native binding is still required from node_modules, through
 * the path the package's `bindings` helper would have searched for it. zod is bundled once, into
 * cli-zod.cjs, which the files that use it require: its 120 files (every locale) took a third of
 * its load in Node's lookups and compiles.
 */
const CLI_BUNDLED_PACKAGES = /^better-sqlite3(\/lib(\/|$)|$)/;
const SQLITE_BINDING = `module.exports = (name) => require("better-sqlite3/build/Release/" + name);`;

const cliPackages = {
  name: 'cli-packages',
  setup(build) {
    build.onResolve({ filter: /^bindings$/ }, (args) => (/better-sqlite3/.test(args.importer) ? { path: 'bindings', namespace: 'sqlite-binding' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'sqlite-binding' }, () => ({ contents: SQLITE_BINDING, loader: 'js' }));
    // zod, from the commands' files: cli-zod.cjs, zod bundled once (below).
    build.onResolve({ filter: /^zod$/ }, (args) => (args.namespace === 'cli-zod' ? undefined : { path: './cli-zod.cjs', external: true }));
    build.onResolve({ filter: /^cli-zod-entry$/ }, () => ({ path: 'cli-zod-entry', namespace: 'cli-zod' }));
    build.onLoad({ filter: /.*/, namespace: 'cli-zod' }, () => ({ contents: "export * from 'zod';", resolveDir: build.initialOptions.absWorkingDir, loader: 'js' }));
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:') || path.isAbsolute(args.path) || BUNDLED_PACKAGES.test(args.path) || CLI_BUNDLED_PACKAGES.test(args.path)) return undefined;
      if (args.namespace === 'cli-zod' || /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer)) return undefined;
      return { path: args.path, external: true };
    });
  },
};

/** The commands' files, from main/cli/commands.ts' `import('./<file>')`. */
function cliCommandFiles(root) {
  const table = fs.readFileSync(path.join(root, 'main', 'cli', 'commands.ts'), 'utf8');
  return [...new Set([...table.matchAll(/import\('\.\/([\w-]+)'\)/g)].map((m) => m[1]))];
}

/**
 * True when a source reaches `target` through relative imports (static or import()). The commands
 * that reach the app's handlers all carry the same 1.5 MB of them, so they share one file: a copy
 * in each made the build five times slower and the CLI ten times larger on disk.
 */
function reaches(root, from, target, imports, seen = new Set()) {
  if (from === target) return true;
  if (seen.has(from)) return false;
  seen.add(from);
  if (!imports.has(from)) imports.set(from, importsOf(root, from));
  return imports.get(from).some((file) => reaches(root, file, target, imports, seen));
}

/** The sources a source imports by relative path, statically or through import(). */
function importsOf(root, from) {
  let text;
  try {
    text = fs.readFileSync(path.join(root, from), 'utf8');
  } catch {
    return [];
  }
  const isFile = (f) => fs.statSync(path.join(root, f), { throwIfNoEntry: false })?.isFile();
  return [...text.matchAll(/(?:from|import\()\s*'(\.{1,2}\/[^']+)'/g)]
    .map(([, spec]) => path.join(path.dirname(from), spec))
    .map((base) => ['.ts', '.tsx', '/index.ts', ''].map((ext) => base + ext).find(isFile))
    .filter(Boolean);
}

/** Each command file's output: cli-<file>, or cli-app for those that reach the handlers. */
function cliOutputs(root) {
  const imports = new Map();
  return Object.fromEntries(cliCommandFiles(root).map((f) => [f, reaches(root, `main/cli/${f}.ts`, 'main/handlers/index.ts', imports) ? 'cli-app' : `cli-${f}`]));
}

const commandFiles = (outputs) => ({
  name: 'cli-command-files',
  setup(build) {
    build.onResolve({ filter: /^\.\/[\w-]+$/ }, (args) => {
      if (args.kind !== 'dynamic-import' || !/main[\\/]cli[\\/]commands\.ts$/.test(args.importer)) return undefined;
      const out = outputs[args.path.slice(2)];
      if (!out) return { errors: [{ text: `main/cli/commands.ts: import('${args.path}') is not a command file this build knows` }] };
      return { path: `./${out}.cjs`, external: true };
    });
    // cli-app.cjs: the commands that share the handlers, each under its own export names.
    build.onResolve({ filter: /^cli-app-entry$/ }, () => ({ path: 'cli-app-entry', namespace: 'cli-app' }));
    build.onLoad({ filter: /.*/, namespace: 'cli-app' }, () => ({
      contents: Object.entries(outputs).filter(([, o]) => o === 'cli-app').map(([f]) => `export * from './main/cli/${f}';`).join('\n'),
      resolveDir: build.initialOptions.absWorkingDir,
      loader: 'ts',
    }));
  },
});

/** cli.cjs and cli-*.cjs: CommonJS, with import() of the command files turned into require(). */
const cliCjs = (outputs) => ({
  ...NODE_BUNDLE,
  plugins: [commandFiles(outputs), cliPackages],
  supported: { 'dynamic-import': false },
});

/**
 * Builds the CLI into outdir (absolute): cli.cjs, a cli-<command>.cjs per command, and the
 * workers. Files of an earlier build that this one did not write (cli-*.cjs, or the ES module
 * chunks cli*.mjs an older build split the CLI into) are removed. Returns the source files read,
 * for writeManifest.
 */
export async function bundleCli(root, outdir) {
  const outputs = cliOutputs(root);
  const entries = { cli: 'main/cli-main.ts', 'cli-zod': 'cli-zod-entry', ...Object.fromEntries(Object.entries(outputs).map(([f, o]) => [o, o === 'cli-app' ? 'cli-app-entry' : `main/cli/${f}.ts`])) };
  const [workers, cli] = await Promise.all([bundleNode(root, outdir, WORKER_ENTRIES), esbuild(root, outdir, entries, cliCjs(outputs))]);
  const written = new Set(Object.keys(cli.outputs).map((o) => path.basename(o)));
  for (const f of fs.readdirSync(outdir)) if (/^cli(-[\w-]+)?\.[cm]js$/.test(f) && !written.has(f)) fs.rmSync(path.join(outdir, f));
  return [...workers, ...sourcesOf(cli)];
}

/**
 * Builds entries into outdir (absolute) and records in outdir/build-manifest.json each source file
 * the bundles were built from (and this script), with its size and modification time.
 */
export async function bundleNode(root, outdir, entryPoints, extra = {}) {
  return sourcesOf(await esbuild(root, outdir, entryPoints, extra));
}

async function esbuild(root, outdir, entryPoints, extra) {
  const { build } = await import('esbuild');
  return (await build({ ...NODE_BUNDLE, ...extra, entryPoints, outdir, absWorkingDir: root, metafile: true })).metafile;
}

/** The source files a build read; a plugin's modules (external-require:pg) are no files. */
const sourcesOf = (metafile) => Object.keys(metafile.inputs).filter((i) => !/^[a-z-]+:/.test(i));

export function writeManifest(root, outdir, inputs) {
  const files = {};
  for (const rel of new Set([...inputs, path.relative(root, new URL(import.meta.url).pathname)])) {
    const st = fs.statSync(path.join(root, rel));
    files[rel] = [st.size, st.mtimeMs];
  }
  fs.writeFileSync(path.join(outdir, MANIFEST), `${JSON.stringify({ builtAt: new Date().toISOString(), files })}\n`);
}

// bundleIsCurrent lives in a CommonJS file of its own: bin/workbench.mjs runs it on every call, and
// loading it (and node:fs) as ES modules cost the launcher more than the check itself.
export { bundleIsCurrent } from './bundle-current.cjs';
