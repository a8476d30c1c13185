import type { MethodSpec } from './method';

export const seriesApi = {} satisfies Record<string, MethodSpec>;
