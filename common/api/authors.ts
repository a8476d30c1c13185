import type { MethodSpec } from './method';

export const authorsApi = {} satisfies Record<string, MethodSpec>;
