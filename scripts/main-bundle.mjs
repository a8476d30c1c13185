// Bundling the main process with esbuild, and knowing whether a bundle is still current.
// Used by scripts/build-main.mjs (dist/main), the bench (bench/.data/build) and bin/workbench.mjs,
// which runs the bundled CLI only while every source it was built from is unchanged.
import fs from 'node:fs';
import path from 'node:path';

export const MANIFEST = 'build-manifest.json';

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
 * The CLI as ES modules split per command: cli.mjs holds the command table and --help, and each
 * command's code (with what only it needs: the API schemas, the importers, the sync client...)
 * sits in chunks that load when that command runs. One CommonJS bundle made every command
 * read and compile all 3 MB of the main process (a third of `workbench posts`' start).
 * npm packages are still loaded with require(), through a one-line module each (externalRequire),
 * so they load only when first used as before, and the package check finds them.
 */
const externalRequire = {
  name: 'external-require',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:') || path.isAbsolute(args.path) || BUNDLED_PACKAGES.test(args.path)) return undefined;
      if (args.namespace === 'external-require') return { path: args.path, external: true };
      // Split into a chunk of its own, a package reached by import() would offer only its default export.
      if (args.kind === 'dynamic-import') return { errors: [{ text: `import('${args.path}'): in the split CLI import() of an npm package gives only its default export; import it statically (the command's module loads only when it runs)` }] };
      return { path: args.path, namespace: 'external-require' };
    });
    build.onLoad({ filter: /.*/, namespace: 'external-require' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js' }));
  },
};

export const CLI_ESM = {
  format: 'esm',
  splitting: true,
  // Chunks sit beside cli.mjs: the workers are found beside the module that starts them (import.meta.url).
  chunkNames: 'cli-[hash]',
  plugins: [externalRequire],
  // esbuild's require() in an ES module: the externals load through Node's own require.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  define: PRODUCTION,
  outExtension: { '.js': '.mjs' },
};

/** cli.cjs, what `node dist/main/cli.cjs` and the packed app run: it starts the split CLI. */
const CLI_CJS = `// Starts the CLI (cli.mjs and its per-command chunks; scripts/main-bundle.mjs builds them).
import(require('node:url').pathToFileURL(require('node:path').join(__dirname, 'cli.mjs')).href).catch((err) => {
  console.error(err);
  process.exitCode = 2;
});
`;

/**
 * Builds the CLI into outdir (absolute): cli.cjs, cli.mjs with its chunks, and the workers.
 * Chunks of an earlier build are removed. Returns the source files read, for writeManifest.
 */
export async function bundleCli(root, outdir) {
  const [workers, cli] = await Promise.all([bundleNode(root, outdir, WORKER_ENTRIES), esbuild(root, outdir, { cli: 'main/cli-main.ts' }, CLI_ESM)]);
  const written = new Set(Object.keys(cli.outputs).map((o) => path.basename(o)));
  for (const f of fs.readdirSync(outdir)) if (/^cli-[A-Z0-9]+\.mjs$/.test(f) && !written.has(f)) fs.rmSync(path.join(outdir, f));
  fs.writeFileSync(path.join(outdir, 'cli.cjs'), CLI_CJS);
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

/**
 * True when outdir holds a manifest and every file in it still has the size and modification time
 * it had at build time (a stat each: a few milliseconds for the few hundred sources). An edit, a
 * checkout or a deleted file makes the bundle stale; a new file matters only once an existing one
 * imports it, which changes that one.
 */
export function bundleIsCurrent(root, outdir) {
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(outdir, MANIFEST), 'utf8'));
  } catch {
    return false;
  }
  // Every CLI call runs this: the paths are joined by hand (path.join normalises each of the few
  // hundred again) and a missing file is an undefined, not a thrown error.
  const prefix = root.endsWith(path.sep) ? root : root + path.sep;
  for (const [rel, [size, mtimeMs]] of Object.entries(manifest.files ?? {})) {
    const st = fs.statSync(prefix + rel, { throwIfNoEntry: false });
    if (!st || st.size !== size || st.mtimeMs !== mtimeMs) return false;
  }
  return Object.keys(manifest.files ?? {}).length > 0;
}
