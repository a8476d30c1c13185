/** Every scenario, in the order `npm run bench` runs them. */
import type { Scenario } from '../lib/types';
import { importScenario } from './import';
import { search } from './search';
import { review } from './review';
import { start } from './start';
import { exportScenario } from './export';
import { open } from './open';
import { typing } from './typing';
import { moderation } from './moderation';

export const SCENARIOS: Scenario[] = [importScenario, search, review, start, exportScenario, open, typing, moderation];
