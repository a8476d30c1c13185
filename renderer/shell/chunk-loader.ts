/**
 * A chunk loaded on demand (a dynamic import), once, without React: the boot module
 * (renderer/boot.ts) starts the area's chunk through the same loader the area's view renders
 * from (shell/areas.tsx), so on a cold open the view finds the module already in on its first
 * render instead of rendering nothing, loading it in an effect and rendering again.
 */
export interface ModuleLoader<M> {
  /** Loads the chunk, once; a failed load is tried again on the next call. */
  load: () => Promise<M>;
  /** The module if it is in, else null. */
  loaded: () => M | null;
  /**
   * Starts loading when the page is next idle (at the latest a second on), so the view finds it
   * ready; returns a cancel. Not sooner: a preload started in the next task ran between the view
   * that asked for it and that view's first paint, and on the long draft it delayed the text.
   */
  preload: () => () => void;
}

/** The longest a preload waits for an idle moment. */
const PRELOAD_WITHIN_MS = 1_000;

export function moduleLoader<M>(importer: () => Promise<M>): ModuleLoader<M> {
  let mod: M | null = null;
  let pending: Promise<M> | null = null;
  const load = () =>
    (pending ??= importer().then(
      (m) => (mod = m),
      (e: unknown) => {
        pending = null;
        throw e;
      },
    ));
  return {
    load,
    loaded: () => mod,
    preload: () => {
      const start = () => void load().catch(() => undefined);
      if (typeof requestIdleCallback !== 'function') {
        const timer = setTimeout(start, 0);
        return () => clearTimeout(timer);
      }
      const idle = requestIdleCallback(start, { timeout: PRELOAD_WITHIN_MS });
      return () => cancelIdleCallback(idle);
    },
  };
}
