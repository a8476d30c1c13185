import { useEffect, useRef, type KeyboardEvent as ReactKeyboardEvent, type RefObject } from 'react';

interface Options {
  /** The pane; its keydown handler is what keys reach when focus is lost. */
  pane: RefObject<HTMLElement | null>;
  /** The comment list box, when the pane shows one. */
  list: () => HTMLElement | null;
  /** What takes the focus when there is no list: the "no comments match" note, or the import button. */
  fallback: () => HTMLElement | null;
  loaded: boolean;
  listShown: boolean;
  onKey: (e: ReactKeyboardEvent<HTMLElement>) => void;
}

function lost(): boolean {
  const a = document.activeElement;
  return !a || a === document.body;
}

/**
 * Keyboard-first from the first key: the review pane takes the focus when it opens (Ctrl+3 leaves
 * it on the page once the editor unmounts; a click leaves it on the sidebar link), and takes it
 * back whenever the focused element disappears under it (a bulk action empties the list, an undo
 * brings it back), so j, k, a, ? and Ctrl+Z never fall on the page's body and do nothing.
 */
export function usePaneFocus({ pane, list, fallback, loaded, listShown, onKey }: Options): void {
  const opened = useRef(false);
  const keyHandler = useRef(onKey);
  keyHandler.current = onKey;

  useEffect(() => {
    if (!loaded) return;
    const a = document.activeElement;
    const first = !opened.current && (lost() || !!a?.closest('nav'));
    opened.current = true;
    const parked = a !== null && a === fallback() && listShown;
    if (first || lost() || parked) (list() ?? fallback())?.focus();
  }, [loaded, listShown, pane, list, fallback]);

  // Focus can still fall to the body (an element removed by a re-render): keys pressed then are
  // the pane's, since nothing else on the page claims them.
  useEffect(() => {
    const onBodyKey = (e: KeyboardEvent) => {
      if (e.target !== document.body || e.defaultPrevented || !pane.current) return;
      keyHandler.current(e as unknown as ReactKeyboardEvent<HTMLElement>);
    };
    window.addEventListener('keydown', onBodyKey);
    return () => window.removeEventListener('keydown', onBodyKey);
  }, [pane]);
}
