/** Small helpers every CLI command shares: flags, opening the store, printing results. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AppError } from '../../common/errors';
import type { Ctx } from '../context';
import { resolveDbPath } from '../paths';

/** A mistake on the command line: exit 1 with the command's usage. main/cli.ts knows it by its name. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T, allowPositionals = true) {
  try {
    return parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

export const dbOption = { db: { type: 'string' } } as const;

/** Opens the store named by --db / WORKBENCH_DB / the default, runs fn, always closes. */
export async function withContext<T>(dbFlag: string | undefined, fn: (ctx: Ctx) => T | Promise<T>): Promise<T> {
  // Loaded here, not with the module: `--help` and usage errors need no database code.
  const { closeContext, createContext } = await import('../context');
  const ctx = createContext({ dbPath: resolveDbPath(dbFlag), mode: 'cli' });
  try {
    return await fn(ctx);
  } finally {
    closeContext(ctx);
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

/** Throws the error of a result so the CLI's one error path prints it and exits 2. */
export function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!result.ok) throw new AppError(result.error.code as never, result.error.message);
  return result.value;
}
