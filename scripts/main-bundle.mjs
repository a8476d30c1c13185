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
 * second copy (with @preact/signals-core, which @lexical/extension needs); and the binding and the nodes must share one Lexical instance, which one bundle gives.
 */
export const BUNDLED_PACKAGES = /^(lexical|@lexical\/[^/]+|@preact\/signals-core)(\/|$)/;

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
  define: { 'import.meta.url': '__import_meta_url' },
  outExtension: { '.js': '.cjs' },
};

/** Entries every CLI bundle holds: the CLI and the import's parsing worker, which it starts from beside itself. */
export const CLI_ENTRIES = { cli: 'main/cli-main.ts', 'import-worker': 'main/importers/import-worker.ts', 'spam-worker': 'main/moderation/spam-worker.ts' };

/**
 * Builds entries into outdir (absolute) and records in outdir/build-manifest.json each source file
 * the bundles were built from (and this script), with its size and modification time.
 */
export async function bundleNode(root, outdir, entryPoints, extra = {}) {
  const { build } = await import('esbuild');
  const result = await build({ ...NODE_BUNDLE, ...extra, entryPoints, outdir, absWorkingDir: root, metafile: true });
  return Object.keys(result.metafile.inputs);
}

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
  for (const [rel, [size, mtimeMs]] of Object.entries(manifest.files ?? {})) {
    let st;
    try {
      st = fs.statSync(path.join(root, rel));
    } catch {
      return false;
    }
    if (st.size !== size || st.mtimeMs !== mtimeMs) return false;
  }
  return Object.keys(manifest.files ?? {}).length > 0;
}
