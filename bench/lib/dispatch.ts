/**
 * The product's API in-process, exactly as browser mode and Electron call it (method name, zod
 * input parse, handler), on a given database: server-side timings without HTTP in the way.
 * Loaded on demand, so a half-finished area elsewhere fails only the scenarios that use it.
 */
import type { Ctx } from '../../main/context';

export interface ApiSession {
  ctx: Ctx;
  has: (method: string) => boolean;
  call: <T = unknown>(method: string, input: unknown) => Promise<T>;
  close: () => void;
}

export async function openApi(dbPath: string): Promise<ApiSession> {
  const [{ api }, { closeContext, createContext }, { createDispatch }, { handlers }] = await Promise.all([
    import('../../common/api'),
    import('../../main/context'),
    import('../../main/dispatch'),
    import('../../main/handlers/index'),
  ]);
  const ctx = createContext({ dbPath, mode: 'cli' });
  const dispatch = createDispatch(handlers, ctx);
  return {
    ctx,
    has: (method) => Object.prototype.hasOwnProperty.call(api, method),
    call: async <T,>(method: string, input: unknown) => {
      const r = await dispatch(method, input);
      if (!r.ok) throw new Error(`${method}: ${r.error.code}: ${r.error.message}`);
      return r.value as T;
    },
    close: () => closeContext(ctx),
  };
}
