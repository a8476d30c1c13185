/**
 * A Planning address's filters checked against the API's own schema (zod). Its own chunk, loaded
 * only for an address that names filters: the calendar a window opens on names none, and its
 * first screen does not wait for the schema library (shell/lazy loading, issue 24).
 */
import { PlanFilter } from '../../../common/api/planning';
import { NO_PLAN_FILTER } from './plan-window';

/** The filters as named, or none at all when any of them is not one the API would take. */
export function parsePlanFilter(raw: Record<string, string[]>): PlanFilter {
  const parsed = PlanFilter.safeParse(raw);
  return parsed.success ? parsed.data : NO_PLAN_FILTER;
}
