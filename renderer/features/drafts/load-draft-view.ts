/**
 * The open-draft view (Lexical and its plugins) is its own chunk: the drafts list, the first
 * thing the app shows, does not wait to download and compile it. The list preloads it once shown.
 */
export const loadDraftView = () => import('./DraftView');

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
