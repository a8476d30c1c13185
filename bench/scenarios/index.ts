/** Every scenario, in the order `npm run bench` runs them. */
import type { Scenario } from '../lib/types';
import { importScenario } from './import';
import { cliStart } from './cli-start';
import { smallImport } from './small-import';
import { csvRead } from './csv-read';
import { search } from './search';
import { review } from './review';
import { start } from './start';
import { coldOpen } from './cold-open';
import { exportScenario } from './export';
import { open } from './open';
import { typing } from './typing';
import { suggestions } from './suggestions';
import { planningScenario } from './planning';
import { moderation } from './moderation';
import { wordpress } from './wordpress';
import { sync } from './sync';
import { bodyDoc } from './body-doc';
import { coedit } from './coedit';
import { serverLoad } from './server-load';

export const SCENARIOS: Scenario[] = [importScenario, smallImport, csvRead, cliStart, search, review, start, coldOpen, exportScenario, open, typing, suggestions, planningScenario, moderation, wordpress, sync, bodyDoc, coedit, serverLoad];
