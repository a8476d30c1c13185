import type { PlanFacets, PlanFilter } from '../../../common/api/planning';
import { statusLabel } from '../../../common/series/workflow';

interface Props {
  facets: PlanFacets | null;
  filter: PlanFilter;
  onChange: (filter: PlanFilter) => void;
}

type Field = keyof PlanFilter;

/** Filters by series, status, guest author, tag and owner; each a multiple choice, kept in the URL. */
export function PlanFilters({ facets, filter, onChange }: Props) {
  if (!facets) return null;
  const options: { field: Field; label: string; items: { value: string; label: string }[] }[] = [
    { field: 'seriesIds', label: 'Series', items: [{ value: 'none', label: 'No series' }, ...facets.series.map((s) => ({ value: s.id, label: s.title }))] },
    { field: 'statuses', label: 'Status', items: facets.statuses.map((s) => ({ value: s, label: statusLabel(s) })) },
    { field: 'authorIds', label: 'Guest author', items: facets.authors.map((a) => ({ value: a.id, label: a.name })) },
    { field: 'tags', label: 'Tag', items: facets.tags.map((t) => ({ value: t, label: t })) },
    { field: 'ownerIds', label: 'Owner', items: facets.people.map((p) => ({ value: p.id, label: p.name })) },
  ];
  const active = options.some((o) => filter[o.field].length > 0);
  return (
    <fieldset className="plan-filters">
      <legend className="visually-hidden">Filters</legend>
      {options.map((o) => (
        <label key={o.field} className="plan-filters__field">
          <span>
            {o.label}
            {filter[o.field].length > 0 && ` (${filter[o.field].length})`}
          </span>
          <select
            multiple
            size={3}
            className="select"
            value={filter[o.field] as string[]}
            onChange={(e) => onChange({ ...filter, [o.field]: [...e.target.selectedOptions].map((opt) => opt.value) })}
          >
            {o.items.map((i) => (
              <option key={i.value} value={i.value}>
                {i.label}
              </option>
            ))}
          </select>
        </label>
      ))}
      {active && (
        <button type="button" className="button button--small" onClick={() => onChange({ seriesIds: [], statuses: [], authorIds: [], tags: [], ownerIds: [] })}>
          Clear filters
        </button>
      )}
    </fieldset>
  );
}
