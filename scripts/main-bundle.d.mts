// Types for scripts/main-bundle.mjs, which TypeScript files (the bench, tests) import.
export const MANIFEST: string;
export const WORKER_ENTRIES: Record<string, string>;
export function bundleNode(root: string, outdir: string, entryPoints: Record<string, string>, extra?: Record<string, unknown>): Promise<string[]>;
export function bundleCli(root: string, outdir: string): Promise<string[]>;
export function writeManifest(root: string, outdir: string, inputs: string[]): void;
export function bundleIsCurrent(root: string, outdir: string): boolean;
