/**
 * The one door into the handlers, shared by IPC, the local HTTP server and the CLI: only methods
 * in the API, input parsed by its schema, every outcome returned as data.
 */
import type { z } from 'zod';
import { api, isMethod, type Handlers } from '../common/api';
import { fail, ok, toErrorData, type Result } from '../common/errors';
import { GATE_EXEMPT, writesOpen } from './write-gate';

export interface DispatchOptions {
  /** Parse every result with the method's output schema too (on in tests, to keep the contract honest). */
  checkOutput?: boolean;
  /** Told after each write that succeeded (the windows' change events, the CLI's change journal); must not throw. */
  onWrite?: (method: string, input: unknown) => void;
}

export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join('.') : 'input'}: ${i.message}`)
    .join('; ');
}

function tellWrite(options: DispatchOptions, method: string, input: unknown): void {
  try {
    options.onWrite?.(method, input);
  } catch (err) {
    // The write is done and stored: a failure to tell the windows must not turn it into an error.
    console.error(`Editorial Workbench: telling the windows about ${method} failed (${(err as Error).message}).`);
  }
}

export type Dispatch = (method: string, input: unknown) => Promise<Result<unknown>>;

export function createDispatch<Ctx>(handlers: Handlers<Ctx>, ctx: Ctx, options: DispatchOptions = {}): Dispatch {
  return async (method, rawInput) => {
    if (typeof method !== 'string' || !isMethod(method)) {
      return fail('UNKNOWN_METHOD', `Unknown method "${String(method).slice(0, 100)}"; \`workbench methods\` lists them all.`);
    }
    const spec = api[method];
    const parsed = spec.input.safeParse(rawInput === undefined || rawInput === null ? {} : rawInput);
    if (!parsed.success) {
      return fail('BAD_INPUT', `${method}: ${describeZodError(parsed.error)}`, { issues: parsed.error.issues.slice(0, 20) });
    }
    try {
      // A write waits (without blocking this process) while an import holds the store.
      if (spec.mutates && !GATE_EXEMPT.has(method)) await writesOpen(ctx as object);
      const handler = handlers[method] as (input: unknown, ctx: Ctx) => unknown;
      const value = await handler(parsed.data, ctx);
      if (spec.mutates) tellWrite(options, method, parsed.data);
      if (options.checkOutput) {
        const out = spec.output.safeParse(value);
        if (!out.success) return fail('INTERNAL', `${method} returned a result that breaks its schema: ${describeZodError(out.error)}`);
      }
      return ok(value);
    } catch (err) {
      const error = toErrorData(err);
      if (error.code === 'INTERNAL' && process.env.WORKBENCH_DEBUG) console.error(err);
      return { ok: false, error };
    }
  };
}
