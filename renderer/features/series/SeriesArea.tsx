import { SeriesView } from './lazy-series-view';
import { SeriesList } from './SeriesList';
import './series.css';

/** #/series → every series; #/series/<id>[/<tab>] → one series on its list, board or calendar. */
export function SeriesArea({ rest }: { rest: string[] }) {
  const [seriesId, tab] = rest;
  if (seriesId) return <SeriesView key={seriesId} seriesId={seriesId} tab={tab} />;
  return <SeriesList />;
}
