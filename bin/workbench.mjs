#!/usr/bin/env node
// `npx workbench ...`: runs the CLI from the TypeScript sources through tsx, so it always
// matches the checkout without a build step.
import { register } from 'tsx/esm/api';

register();
await import('../main/cli-main.ts');
