import { useEffect, useId, useState } from 'react';
import type { Author } from '../../../common/domain';
import { DEFAULT_WORKFLOW } from '../../../common/domain-values';
import type { SeriesInfo } from '../../../common/api/series';
import { useClient } from '../../api/ClientContext';
import { NO_FILTERS, type DraftFilters } from './useDraftsQuery';
import { statusLabel } from '../../../common/series/workflow';

/** A label kept beside its select (the bar wraps whole fields, never a label away from its field). */
function FilterField({ id, label, value, options, onChange, noAny = false }: { id: string; label: string; value: string; options: [string, string][]; onChange: (value: string) => void; noAny?: boolean }) {
  return (
    <span className="drafts-filters__field">
      <label htmlFor={id}>{label}</label>
      <select id={id} className="select" value={value} onChange={(e) => onChange(e.target.value)}>
        {!noAny && <option value="">Any</option>}
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </span>
  );
}

interface Props {
  filters: DraftFilters;
  onChange: (next: DraftFilters) => void;
}

/** Search, status, series and author filters and the sort order of the drafts list. */
export function DraftsFilters({ filters, onChange }: Props) {
  const client = useClient();
  const id = useId();
  const [series, setSeries] = useState<SeriesInfo[]>([]);
  const [authors, setAuthors] = useState<Author[]>([]);
  useEffect(() => {
    client.call('series.list', {}).then(setSeries, () => setSeries([]));
    client.call('authors.list', {}).then(setAuthors, () => setAuthors([]));
  }, [client]);
  const statuses = [...new Set([...DEFAULT_WORKFLOW, ...series.flatMap((s) => s.workflow)])];
  const set = (patch: Partial<DraftFilters>) => onChange({ ...filters, ...patch });
  const active = JSON.stringify({ ...filters, sort: 'updated' }) !== JSON.stringify(NO_FILTERS);

  return (
    <form className="drafts-filters" role="search" aria-label="Find drafts" onSubmit={(e) => e.preventDefault()}>
      <label className="drafts-filters__search">
        <span className="visually-hidden">Search drafts</span>
        <input className="input" type="search" placeholder="Search titles and text" maxLength={200} value={filters.search} onChange={(e) => set({ search: e.target.value })} />
      </label>
      <FilterField id={`${id}-status`} label="Status" value={filters.status} options={statuses.map((s) => [s, statusLabel(s)])} onChange={(status) => set({ status })} />
      <FilterField id={`${id}-series`} label="Series" value={filters.seriesId} options={series.map((s) => [s.id, s.title])} onChange={(seriesId) => set({ seriesId })} />
      <FilterField id={`${id}-author`} label="Author" value={filters.authorId} options={authors.map((a) => [a.id, a.name])} onChange={(authorId) => set({ authorId })} />
      <FilterField
        id={`${id}-sort`}
        label="Sort by"
        value={filters.sort}
        options={[['updated', 'Last updated'], ['planned', 'Planned date']]}
        onChange={(sort) => set({ sort: sort as DraftFilters['sort'] })}
        noAny
      />
      {active && (
        <button type="button" className="button" onClick={() => onChange({ ...NO_FILTERS, sort: filters.sort })}>
          Clear filters
        </button>
      )}
    </form>
  );
}
