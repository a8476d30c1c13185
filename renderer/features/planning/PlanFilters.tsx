import { memo, useMemo } from 'react';
import type { PlanFacets, PlanFilter } from '../../../common/api/planning';
import { statusLabel } from '../../../common/series/workflow';
import { FilterCombobox, type FilterOption } from './FilterCombobox';
import { inWorkspace, personLabel } from './person-labels';
import { filterCheck } from './plan-filter-loader';

interface Props {
  facets: PlanFacets | null;
  filter: PlanFilter;
  onChange: (filter: PlanFilter) => void;
}

type Field = keyof PlanFilter;
const startFilterCheck = () => void filterCheck.load().catch(() => undefined);

const EMPTY: PlanFilter = { seriesIds: [], statuses: [], authorIds: [], tags: [], ownerIds: [] };

/** Filters by series, status, guest author, tag and owner; each a multiple choice, kept in the URL. */
export const PlanFilters = memo(function PlanFilters({ facets, filter, onChange }: Props) {
  const fields = useMemo((): { field: Field; label: string; items: FilterOption[] }[] => {
    if (!facets) return [];
    const workspace = inWorkspace(facets.people);
    return [
      { field: 'seriesIds', label: 'Series', items: [{ value: 'none', label: 'No series' }, ...facets.series.map((s) => ({ value: s.id, label: s.title }))] },
      { field: 'statuses', label: 'Status', items: facets.statuses.map((s) => ({ value: s, label: statusLabel(s) })) },
      { field: 'authorIds', label: 'Guest author', items: facets.authors.map((a) => ({ value: a.id, label: a.name })) },
      { field: 'tags', label: 'Tag', items: facets.tags.map((t) => ({ value: t, label: t })) },
      { field: 'ownerIds', label: 'Owner', items: facets.people.map((p) => ({ value: p.id, label: personLabel(p, workspace) })) },
    ];
  }, [facets]);
  if (!facets) return null;
  const active = fields.some((o) => filter[o.field].length > 0);
  return (
    // Reaching for a filter fetches the check that an address with filters needs (plan-filter.ts).
    <div className="plan-filters" role="group" aria-label="Filters" onFocus={startFilterCheck} onPointerEnter={startFilterCheck}>
      {fields.map((o) => (
        <FilterCombobox key={o.field} label={o.label} options={o.items} selected={filter[o.field]} onChange={(next) => onChange({ ...filter, [o.field]: next })} />
      ))}
      {active && (
        <button type="button" className="button button--small" onClick={() => onChange(EMPTY)}>
          Clear filters
        </button>
      )}
    </div>
  );
}, sameFilters);

/** The route builds a new filter object at every render; the filters are unchanged when its lists are. */
function sameFilters(a: Props, b: Props): boolean {
  return a.facets === b.facets && a.onChange === b.onChange && JSON.stringify(a.filter) === JSON.stringify(b.filter);
}
