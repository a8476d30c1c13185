import type { MethodSpec } from './method';

export const revisionsApi = {} satisfies Record<string, MethodSpec>;
