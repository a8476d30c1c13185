import { describe, expect, it } from 'vitest';
import { namedFilters, parsePlanRoute } from './plan-route';
import { parsePlanFilter } from './plan-filter';
import { NO_PLAN_FILTER } from './plan-window';

const SERIES = '0b6f3b7e-4f5e-4c1a-9d7e-2a7c1e0f9a11';

describe('a Planning address', () => {
  it('that names no filters parses without the schema check (the first screen loads no zod)', () => {
    expect(namedFilters(['calendar', 'month', '2026-12-07'])).toBeNull();
    const noCheck = () => {
      throw new Error('the filter check was called for an address without filters');
    };
    expect(parsePlanRoute(['calendar', 'week', '2026-12-07'], '2026-01-01', noCheck)).toEqual({ tab: 'calendar', view: 'week', date: '2026-12-07', filter: NO_PLAN_FILTER });
    expect(parsePlanRoute([], '2026-01-01')).toEqual({ tab: 'calendar', view: 'month', date: '2026-01-01', filter: NO_PLAN_FILTER });
  });

  it('that names filters needs the check, and gets them when the API would take them', () => {
    const rest = ['calendar', 'list', '2026-12-07', `series=${SERIES}&status=in-review&tag=news`];
    expect(() => parsePlanRoute(rest, '2026-01-01')).toThrow(/needs parseFilter/);
    expect(parsePlanRoute(rest, '2026-01-01', parsePlanFilter).filter).toEqual({ ...NO_PLAN_FILTER, seriesIds: [SERIES], statuses: ['in-review'], tags: ['news'] });
  });

  it('with a filter the API would refuse shows no filter at all, as before', () => {
    expect(parsePlanRoute(['calendar', 'month', '2026-12-07', 'series=not-an-id'], '2026-01-01', parsePlanFilter).filter).toEqual(NO_PLAN_FILTER);
    expect(parsePlanRoute(['calendar', 'month', '2026-12-07', 'status=Not%20A%20Status'], '2026-01-01', parsePlanFilter).filter).toEqual(NO_PLAN_FILTER);
  });
});
