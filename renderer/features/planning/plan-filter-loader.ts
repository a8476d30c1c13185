/**
 * The filter check's chunk (plan-filter.ts, with the schema library): loaded for an address that
 * names filters, and fetched ahead as soon as a user reaches for the filters.
 */
import { moduleLoader } from '../../shell/module-loader';

export const filterCheck = moduleLoader(() => import('./plan-filter'));
