// Runs the spam worker from its TypeScript source (tests, `npm run serve`): registers tsx in
// this thread first, as bin/workbench.mjs does for the CLI. The built app uses spam-worker.cjs.
import { register } from 'tsx/esm/api';

register();
await import('./spam-worker.ts');
