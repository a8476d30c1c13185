import type { MethodSpec } from './method';

export const draftsApi = {} satisfies Record<string, MethodSpec>;
