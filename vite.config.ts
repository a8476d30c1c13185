import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is served from the app's own origin (workbench:// in Electron, 127.0.0.1 in
// browser mode), so every asset path is relative and nothing is loaded from the network.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    target: 'chrome130',
  },
});
