import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is served from the app's own origin (workbench:// in Electron, 127.0.0.1 in
// browser mode), so every asset path is relative and nothing is loaded from the network.
//
// Chunks: the entry (index-*.js) is the shell with React; each area, the editor and every
// dialog is a chunk of its own, loaded on first use (renderer/shell/lazy-view.tsx). Lexical gets
// one named chunk shared by the editor and the reply editor. scripts/first-request.ts weighs
// what the first request loads, and its test fails the run above 150 KB gzipped.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    target: 'chrome130',
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Only the listed packages: a group would otherwise pull in what they import (React),
          // and the entry would have to load the whole editor library to get React.
          includeDependenciesRecursively: false,
          // Yjs and the Hocuspocus provider go in the lexical chunk too: @lexical/react's collaboration
          // modules import Yjs, so with Yjs in a chunk of its own, which imports lexical back, the two
          // chunks formed a cycle, and a page that loaded the reply editor first failed with "Class
          // extends value undefined".
          groups: [{ name: 'lexical', test: /[\\/]node_modules[\\/](lexical|@lexical|@preact[\\/]signals-core|yjs|y-protocols|lib0|@hocuspocus|@lifeomic)[\\/]/ }],
        },
      },
    },
  },
});
