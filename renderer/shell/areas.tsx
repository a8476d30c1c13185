/**
 * Each area's view, loaded the first time the area is opened: the first screen downloads and
 * compiles only the shell and the area it shows. A new area adds its entry to AREAS (router.ts)
 * and its view here (its chunk's import in area-modules.ts); nothing else imports an area's code.
 */
import { AREA_MODULES } from './area-modules';
import { lazyView, type LazyView } from './lazy-view';
import type { Area } from './router';

export interface AreaProps {
  /** Path segments after the area, e.g. a draft id. */
  rest: string[];
}

export const AREA_VIEWS: Record<Area, LazyView<AreaProps>> = {
  drafts: lazyView('The Drafts area', AREA_MODULES.drafts, (m) => m.DraftsArea),
  series: lazyView('The Series area', AREA_MODULES.series, (m) => m.SeriesArea),
  comments: lazyView('The Comments area', AREA_MODULES.comments, (m) => m.CommentsArea),
  planning: lazyView('The Planning area', AREA_MODULES.planning, (m) => m.PlanningArea),
  'for-you': lazyView('For you', AREA_MODULES['for-you'], (m) => m.ForYouArea),
};
