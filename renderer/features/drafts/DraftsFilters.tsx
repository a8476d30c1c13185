import { useEffect, useId, useState } from 'react';
import type { Author } from '../../../common/domain';
import { DEFAULT_WORKFLOW } from '../../../common/domain-values';
import type { SeriesInfo } from '../../../common/api/series';
import { useClient } from '../../api/ClientContext';
import { NO_FILTERS, type DraftFilters } from './useDraftsQuery';
import { statusLabel } from '../../../common/series/workflow';

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
      <span className="drafts-filters__field">
        <label htmlFor={`${id}-status`}>Status</label>
        <select id={`${id}-status`} className="select" value={filters.status} onChange={(e) => set({ status: e.target.value })}>
          <option value="">Any</option>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {statusLabel(s)}
            </option>
          ))}
        </select>
      </span>
      <span className="drafts-filters__field">
        <label htmlFor={`${id}-series`}>Series</label>
        <select id={`${id}-series`} className="select" value={filters.seriesId} onChange={(e) => set({ seriesId: e.target.value })}>
          <option value="">Any</option>
          {series.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
      </span>
      <span className="drafts-filters__field">
        <label htmlFor={`${id}-author`}>Author</label>
        <select id={`${id}-author`} className="select" value={filters.authorId} onChange={(e) => set({ authorId: e.target.value })}>
          <option value="">Any</option>
          {authors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </span>
      <span className="drafts-filters__field">
        <label htmlFor={`${id}-sort`}>Sort by</label>
        <select id={`${id}-sort`} className="select" value={filters.sort} onChange={(e) => set({ sort: e.target.value as DraftFilters['sort'] })}>
          <option value="updated">Last updated</option>
          <option value="planned">Planned date</option>
        </select>
      </span>
      {active && (
        <button type="button" className="button" onClick={() => onChange({ ...NO_FILTERS, sort: filters.sort })}>
          Clear filters
        </button>
      )}
    </form>
  );
}
