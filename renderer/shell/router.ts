/**
 * Hash routes (#/drafts/<id>): they survive a reload, work from file-like origins in Electron,
 * and need no server support.
 */
import { useSyncExternalStore } from 'react';
import { parseHash, type Route } from './route';

export { AREAS, navigate, parseHash, type Area, type Route } from './route';

export function useRoute(): Route {
  const hash = useSyncExternalStore(
    (l) => {
      window.addEventListener('hashchange', l);
      return () => window.removeEventListener('hashchange', l);
    },
    () => window.location.hash,
  );
  return parseHash(hash);
}
