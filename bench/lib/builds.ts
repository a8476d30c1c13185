/**
 * The bench measures what a user runs: the renderer built by vite and the main process bundled by
 * esbuild the way `npm run build` does (scripts/build-main.mjs), but into bench/.data/build so
 * nobody else's dist/ is touched. The baseline pages are built by the same vite.
 */
import path from 'node:path';
import { build as viteBuild } from 'vite';
import react from '@vitejs/plugin-react';
import { APP_ROOT, BENCH_ROOT } from './paths';
import { bundleCli, writeManifest } from '../../scripts/main-bundle.mjs';

/** Readable function names in profiles (bench/profile.ts); the bench itself measures minified code. */
const minify = process.env.BENCH_MINIFY !== '0';

export function buildRenderer(outDir: string): Promise<unknown> {
  return viteBuild({
    configFile: path.join(APP_ROOT, 'vite.config.ts'),
    root: path.join(APP_ROOT, 'renderer'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 10_000, minify },
  });
}

/**
 * The CLI bundle `npm start` runs in browser mode (dist/main/cli.cjs, which requires its
 * per-command files), with the workers and the build manifest beside it, built as scripts/build-main.mjs builds it into outFile's folder.
 */
export async function buildCli(outFile: string): Promise<void> {
  const outdir = path.dirname(outFile);
  if (path.basename(outFile) !== 'cli.cjs') throw new Error(`the CLI bundle is cli.cjs, not ${path.basename(outFile)}`);
  writeManifest(APP_ROOT, outdir, await bundleCli(APP_ROOT, outdir));
}

/**
 * The bare pages carry the same compile hint as the app's Lexical chunk (vite.config.ts,
 * COMPILED_WHOLE): the app has Lexical compiled while the drafts list idles, so the baseline gets
 * it compiled as its page loads, before its open is timed, and stays the floor of the same work.
 */
export function buildPage(name: 'bare-lexical', outDir: string): Promise<unknown> {
  return viteBuild({
    configFile: false,
    root: path.join(BENCH_ROOT, 'pages', name),
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    build: {
      outDir,
      emptyOutDir: true,
      target: 'chrome130',
      sourcemap: false,
      chunkSizeWarningLimit: 10_000,
      minify,
      rolldownOptions: { output: { postBanner: () => '//# allFunctionsCalledOnLoad' } },
    },
  });
}
