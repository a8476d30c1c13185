/**
 * Each area's code as a chunk of its own, without React in this module: the boot module
 * (renderer/boot.ts) starts loading the area on screen before React has loaded, and areas.tsx
 * renders it. Both import through these functions, so the area is one chunk, fetched once.
 */
import type { Area } from './route';

export const AREA_MODULES = {
  drafts: () => import('../features/drafts/DraftsArea'),
  series: () => import('../features/series/SeriesArea'),
  comments: () => import('../features/comments/CommentsArea'),
  planning: () => import('../features/planning/PlanningArea'),
  'for-you': () => import('../features/for-you/ForYouArea'),
} satisfies Record<Area, () => Promise<unknown>>;
