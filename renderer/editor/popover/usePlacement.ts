import { useCallback, useEffect, useRef } from 'react';
import { placePopover, type Box } from './place';

/** The caret or selected text right now, as a live Range (it follows edits and scrolling). */
export function selectionRange(root: HTMLElement | null): Range | null {
  const sel = typeof window !== 'undefined' ? window.getSelection() : null;
  if (!root || !sel || sel.rangeCount === 0 || !sel.anchorNode || !root.contains(sel.anchorNode)) return null;
  return sel.getRangeAt(0).cloneRange();
}

/** The box of a range; a caret in an empty paragraph has no box of its own, so its block's is used. */
export function rangeBox(range: Range): Box | null {
  const rects = Array.from(range.getClientRects()).filter((r) => r.width || r.height);
  const last = rects[rects.length - 1];
  if (last) return { top: rects[0].top, left: rects[0].left, bottom: last.bottom, right: last.right };
  const node = range.startContainer;
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  if (!el || !el.isConnected) return null;
  const r = el.getBoundingClientRect();
  return { top: r.top, left: r.left, bottom: Math.min(r.bottom, r.top + 32), right: r.right };
}

function toolbarFloor(from: Element): number {
  const toolbar = from.closest('.editor')?.querySelector('.toolbar');
  return toolbar ? toolbar.getBoundingClientRect().bottom : 0;
}

/**
 * A ref for a pop-over element that places it at its anchor (see place.ts) when it opens, and
 * again when the window scrolls or resizes, so it stays beside its text and in view.
 */
export function usePlacement(anchor: () => Box | null) {
  const el = useRef<HTMLElement | null>(null);
  const anchorRef = useRef(anchor);
  anchorRef.current = anchor;
  const place = useCallback(() => {
    const node = el.current;
    const box = anchorRef.current();
    if (!node) return;
    node.classList.add('popover--placed');
    if (!box) return;
    node.style.maxHeight = '';
    const size = node.getBoundingClientRect();
    const p = placePopover(box, { width: size.width, height: size.height }, { width: window.innerWidth, height: window.innerHeight }, toolbarFloor(node));
    node.style.top = `${p.top}px`;
    node.style.left = `${p.left}px`;
    node.style.maxHeight = p.maxHeight === null ? '' : `${p.maxHeight}px`;
    node.dataset.side = p.side;
  }, []);
  useEffect(() => {
    window.addEventListener('resize', place);
    window.addEventListener('scroll', place, true);
    return () => {
      window.removeEventListener('resize', place);
      window.removeEventListener('scroll', place, true);
    };
  }, [place]);
  return useCallback(
    (node: HTMLElement | null) => {
      el.current = node;
      if (node) place();
    },
    [place],
  );
}
