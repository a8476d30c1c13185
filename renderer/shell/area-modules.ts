/**
 * Each area's code as a chunk of its own, without React in this module: the boot module
 * (renderer/boot.ts) starts loading the area on screen before React has loaded, and areas.tsx
 * renders it. Both go through these loaders, so the area is one chunk, fetched once, and the
 * view's first render already has the module the boot module loaded.
 */
import { moduleLoader } from './chunk-loader';
import type { Area } from './route';

export const AREA_MODULES = {
  drafts: moduleLoader(() => import('../features/drafts/DraftsArea')),
  series: moduleLoader(() => import('../features/series/SeriesArea')),
  comments: moduleLoader(() => import('../features/comments/CommentsArea')),
  planning: moduleLoader(() => import('../features/planning/PlanningArea')),
  'for-you': moduleLoader(() => import('../features/for-you/ForYouArea')),
} satisfies Record<Area, unknown>;
