import type { MethodSpec } from './method';

export const importsApi = {} satisfies Record<string, MethodSpec>;
