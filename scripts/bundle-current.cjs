// Whether a bundle is still current (bin/workbench.mjs asks on every CLI call; scripts/main-bundle.mjs
// writes the manifest and re-exports this). CommonJS, so the launcher loads it and node:fs through
// require: imported as ES modules, node:fs's facade alone loaded Node's streams.
const fs = require('node:fs');
const path = require('node:path');

const MANIFEST = 'build-manifest.json';

/**
 * True when outdir holds a manifest and every file in it still has the size and modification time
 * it had at build time (a stat each: a few milliseconds for the few hundred sources). An edit, a
 * checkout or a deleted file makes the bundle stale; a new file matters only once an existing one
 * imports it, which changes that one.
 */
function bundleIsCurrent(root, outdir) {
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

module.exports = { MANIFEST, bundleIsCurrent };
