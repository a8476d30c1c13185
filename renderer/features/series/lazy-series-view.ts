/**
 * One series (its list, board and calendar, with drag and drop) is its own chunk: the list of
 * series, what the area opens on, does not wait to download and run it. The list preloads it
 * once its rows are shown.
 */
import { lazyView } from '../../shell/lazy-view';

export const SeriesView = lazyView('The series view', () => import('./SeriesView'), (m) => m.SeriesView);
