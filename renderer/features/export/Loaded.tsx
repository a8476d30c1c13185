import type { ReactNode } from 'react';
import { useModule, type ModuleLoader } from '../../shell/module-loader';

/** A view from its own chunk, rendered once the chunk is in; a failed load says so in its place. */
export function Loaded<M>({ loader, what, render }: { loader: ModuleLoader<M>; what: string; render: (mod: M) => ReactNode }) {
  const { mod, error } = useModule(loader);
  if (error)
    return (
      <p className="error-text" role="alert">
        The {what} could not be loaded: {error}
      </p>
    );
  return mod ? render(mod) : null;
}
