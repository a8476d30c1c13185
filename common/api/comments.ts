import type { MethodSpec } from './method';

export const commentsApi = {} satisfies Record<string, MethodSpec>;
