import type { MethodSpec } from './method';

export const backupApi = {} satisfies Record<string, MethodSpec>;
