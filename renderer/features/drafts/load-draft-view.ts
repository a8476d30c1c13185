/**
 * The open-draft view (Lexical and its plugins) is its own chunk: the drafts list, the first
 * thing the app shows, does not wait to download and compile it. The list preloads it once shown.
 */
type DraftViewModule = typeof import('./DraftView');

let loaded: DraftViewModule | null = null;

export const loadDraftView = (): Promise<DraftViewModule> => import('./DraftView').then((m) => (loaded = m));

/**
 * The view once its chunk is in. Rendering it directly rather than through React.lazy matters:
 * React holds back revealing a suspended boundary for about 300 ms, even when the chunk is ready.
 */
export const loadedDraftView = (): DraftViewModule | null => loaded;

/** Starts loading the editor chunk when the browser is idle, so opening a draft finds it ready. */
export function preloadDraftView(): () => void {
  const load = () => void loadDraftView().catch(() => undefined);
  if (typeof requestIdleCallback !== 'function') {
    const timer = setTimeout(load, 200);
    return () => clearTimeout(timer);
  }
  const timer = setTimeout(load, 0);
  return () => clearTimeout(timer);
}
