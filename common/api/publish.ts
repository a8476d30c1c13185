import type { MethodSpec } from './method';

export const publishApi = {} satisfies Record<string, MethodSpec>;
