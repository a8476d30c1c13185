import { useId } from 'react';
import type { SeriesInfo } from '../../../common/api/series';

interface Props {
  series: SeriesInfo[] | null;
  seriesId: string | null;
  position: number | null;
  busy: boolean;
  onSeries: (seriesId: string | null) => void;
  onPosition: (position: number) => void;
}

/** Which series the post belongs to and where it runs in it. */
export function SeriesField({ series, seriesId, position, busy, onSeries, onPosition }: Props) {
  const id = useId();
  const current = series?.find((s) => s.id === seriesId);
  const max = current ? Math.max(1, current.postCount) : 1;
  return (
    <div className="meta-field">
      <label htmlFor={`${id}-series`}>Series</label>
      {series === null ? (
        <p className="muted">Series are not available in this version.</p>
      ) : (
        <select id={`${id}-series`} className="select" value={seriesId ?? ''} disabled={busy} onChange={(e) => onSeries(e.target.value || null)}>
          <option value="">Not in a series</option>
          {series.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
      )}
      {current && position !== null && (
        <div className="meta-field__inline">
          <label htmlFor={`${id}-pos`}>Position</label>
          <select id={`${id}-pos`} className="select" value={position} disabled={busy} onChange={(e) => onPosition(Number(e.target.value))}>
            {Array.from({ length: max }, (_, i) => i + 1).map((n) => (
              <option key={n} value={n}>
                {n} of {max}
              </option>
            ))}
          </select>
        </div>
      )}
    </div>
  );
}
