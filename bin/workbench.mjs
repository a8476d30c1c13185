#!/usr/bin/env node
// `npx workbench ...`: runs the CLI from the TypeScript sources through tsx, so it always
// matches the checkout without a build step.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';
import { buildIfStale } from '../scripts/build-if-stale.mjs';

// `serve` needs the built page; a fresh clone has none yet, so build it first (as `npm start` does).
if (process.argv[2] === 'serve' && !process.argv.includes('--help')) buildIfStale(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'));

register();
await import('../main/cli-main.ts');
