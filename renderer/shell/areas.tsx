/**
 * Each area's view, loaded the first time the area is opened: the first screen downloads and
 * compiles only the shell and the area it shows. A new area adds its entry to AREAS (router.ts)
 * and its view here; nothing else in the shell imports an area's code.
 */
import { lazyView, type LazyView } from './lazy-view';
import type { Area } from './router';

export interface AreaProps {
  /** Path segments after the area, e.g. a draft id. */
  rest: string[];
}

export const AREA_VIEWS: Record<Area, LazyView<AreaProps>> = {
  drafts: lazyView('The Drafts area', () => import('../features/drafts/DraftsArea'), (m) => m.DraftsArea),
  series: lazyView('The Series area', () => import('../features/series/SeriesArea'), (m) => m.SeriesArea),
  comments: lazyView('The Comments area', () => import('../features/comments/CommentsArea'), (m) => m.CommentsArea),
  planning: lazyView('The Planning area', () => import('../features/planning/PlanningArea'), (m) => m.PlanningArea),
};
