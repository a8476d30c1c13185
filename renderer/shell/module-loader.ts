import { useEffect, useState } from 'react';

/**
 * A chunk rendered directly once it is in, not through React.lazy: React holds back revealing a
 * suspended boundary for about 300 ms, even when the chunk is already loaded, and that would be
 * most of the wait for the view it holds. The loader itself has no React (chunk-loader.ts).
 */
import { moduleLoader, type ModuleLoader } from './chunk-loader';

export { moduleLoader, type ModuleLoader };

/** The loader's module, null until it is in (loading it once `wanted`), and the load's error if it failed. */
export function useModule<M>(loader: ModuleLoader<M>, wanted = true): { mod: M | null; error: string | null } {
  const [stored, setMod] = useState<M | null>(loader.loaded);
  // A chunk preloaded after this component mounted is used at once, in the render that wants it:
  // waiting for the load's promise cost one more render pass (and an effect) before the view showed,
  // on the first r of the review pane most of the reply editor's wait.
  const mod = stored ?? (wanted ? loader.loaded() : null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!wanted || mod) return;
    let live = true;
    loader.load().then(
      (m) => live && setMod(() => m),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [loader, wanted, mod]);
  return { mod, error };
}
