import type { ComponentType, ReactNode } from 'react';
import { moduleLoader, useModule, type ModuleLoader } from './module-loader';

/**
 * A component whose code is its own chunk, fetched the first time it renders (an area the first
 * time it is opened, a dialog the first time it opens). Until the chunk is in it renders
 * `fallback` (nothing by default); if the chunk cannot be loaded it says so in place. Built on
 * moduleLoader, not React.lazy, for the reason given there.
 *
 *   export const BackupsDialog = lazyView('The backups dialog', () => import('./BackupsDialog'), (m) => m.BackupsDialog);
 *
 * Put the lazyView next to the code that opens it and import the view's module only through it,
 * or the bundler puts the view back into the opener's chunk.
 */
export interface LazyView<P> {
  (props: P): ReactNode;
  /** The chunk's loader: `.preload()` it when the view is likely to be wanted soon. */
  loader: ModuleLoader<unknown>;
}

export function lazyView<M, P extends object>(
  what: string,
  /** The chunk's import, or a loader shared with code that starts it earlier (the areas': area-modules.ts). */
  source: (() => Promise<M>) | ModuleLoader<M>,
  pick: (m: M) => ComponentType<P>,
  fallback: ReactNode = null,
): LazyView<P> {
  const loader = typeof source === 'function' ? moduleLoader(source) : source;
  const View = (props: P) => {
    const { mod, error } = useModule(loader);
    if (error)
      return (
        <p className="pane error-text" role="alert">
          {what} could not be loaded: {error}
        </p>
      );
    if (!mod) return fallback;
    const C = pick(mod);
    return <C {...props} />;
  };
  View.displayName = `Lazy(${what})`;
  return Object.assign(View, { loader: loader as ModuleLoader<unknown> });
}
