import { defineConfig, type HtmlTagDescriptor, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * index.html names only the boot module (renderer/boot.ts), which imports the shell (main.tsx)
 * dynamically, after it has started the area's code and first request. So that the shell does not
 * wait for the boot module to run before it downloads, index.html also preloads the shell's chunk
 * and every chunk it imports statically (scripts/renderer-weight.mjs counts them as the first request),
 * and links the shell's style sheets.
 */
function preloadShell(): Plugin {
  return {
    name: 'workbench:preload-shell',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).filter((c) => c.type === 'chunk');
        const shell = chunks.find((c) => c.facadeModuleId?.replace(/\\/g, '/').endsWith('/renderer/main.tsx'));
        if (!shell) throw new Error('preload-shell: no chunk for renderer/main.tsx in the bundle');
        const files = new Set<string>();
        const visit = (file: string) => {
          if (files.has(file)) return;
          files.add(file);
          for (const f of chunks.find((c) => c.fileName === file)?.imports ?? []) visit(f);
        };
        visit(shell.fileName);
        // The shell's style sheets too, as the entry's are: its first paint would otherwise wait for them.
        const sheets = [...files].flatMap((f) => [...(chunks.find((c) => c.fileName === f)?.viteMetadata?.importedCss ?? [])]);
        const link = (rel: string, f: string): HtmlTagDescriptor => ({ tag: 'link', attrs: { rel, crossorigin: true, href: `./${f}` }, injectTo: 'head' });
        const missing = (f: string) => !html.includes(`/${f}"`);
        return [...sheets.filter(missing).map((f) => link('stylesheet', f)), ...[...files].filter(missing).map((f) => link('modulepreload', f))];
      },
    },
  };
}

// The renderer is served from the app's own origin (workbench:// in Electron, 127.0.0.1 in
// browser mode), so every asset path is relative and nothing is loaded from the network.
//
// Chunks: the entry (index-*.js) is the boot module without React, the shell with React is
// main-*.js (preloaded by index.html: preloadShell above); each area, the editor and every
// dialog is a chunk of its own, loaded on first use (renderer/shell/lazy-view.tsx). Lexical gets
// one named chunk shared by the editor and the reply editor. scripts/first-request.ts weighs
// what the first request loads, and its test fails the run above 150 KB gzipped.
/**
 * The chunks V8 compiles whole as they load (the `allFunctionsCalledOnLoad` compile hint) instead
 * of function by function on first call: the open draft's view and Lexical. The drafts list
 * preloads them while it sits idle, so their compilation happens then, during streaming; left
 * lazy, every function of the editor, its toolbar and its plugins was compiled on the main thread
 * inside the one task that opens a draft, most of the script time opening the 36,000-word draft
 * cost beyond the bare Lexical page (bench/open-trace.ts: about 35 ms of main-thread script, same run).
 * The reply editor, which shares the Lexical chunk, is preloaded and warmed the same way.
 */
const COMPILED_WHOLE = new Set(['DraftView', 'lexical']);

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), preloadShell()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    target: 'chrome130',
    rolldownOptions: {
      output: {
        // After minifying, which would drop a comment put in before it.
        postBanner: (chunk) => (COMPILED_WHOLE.has(chunk.name) ? '//# allFunctionsCalledOnLoad' : ''),
        codeSplitting: {
          // Only the listed packages: a group would otherwise pull in what they import (React),
          // and the entry would have to load the whole editor library to get React.
          includeDependenciesRecursively: false,
          groups: [
            // React gets a chunk named for it: left to itself the bundler named it after whichever
            // shell module it merged in, and the README's chunk table would change with every such move.
            // What the boot module shares with the areas (the dates and plan helpers its first requests'
            // inputs use, and Vite's preload helper) in one chunk: left apart they were four small files,
            // and the boot module could not run until the last of them had arrived.
            { name: 'boot-shared', test: /(vite[\\/]preload-helper|[\\/]common[\\/]series[\\/](dates|plan|cadence)\.ts|[\\/]renderer[\\/]format[\\/]dates\.ts)/ },
            { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            // What the shell shares with the areas (the client's context, change events, the router, the
            // status store, the lazy views) in one chunk: left apart they were five small files, each one
            // more request in the first load's queue (six at a time per host), and the shell's module
            // could not run until the last of them had arrived.
            { name: 'shell-shared', test: /([\\/]common[\\/]changes\.ts|[\\/]renderer[\\/]api[\\/](ClientContext\.tsx|changes\.ts|useChanges\.ts)|[\\/]renderer[\\/]shell[\\/](router|status-store|module-loader)\.ts|[\\/]renderer[\\/]shell[\\/]lazy-view\.tsx)$/ },
            // Yjs and the Hocuspocus provider go in the lexical chunk too: @lexical/react's collaboration
            // modules import Yjs, so with Yjs in a chunk of its own, which imports lexical back, the two
            // chunks formed a cycle, and a page that loaded the reply editor first failed with "Class
            // extends value undefined".
            { name: 'lexical', test: /[\\/]node_modules[\\/](lexical|@lexical|@preact[\\/]signals-core|yjs|y-protocols|lib0|@hocuspocus|@lifeomic)[\\/]/ },
          ],
        },
      },
    },
  },
});
