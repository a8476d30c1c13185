/**
 * Keeps keyboard focus on a post after a move: the moved element is a new or re-inserted DOM node
 * once the view redraws, so focus is put back by post id after the commit that shows the change.
 */
import { useEffect, useState, type RefObject } from 'react';

export function useRefocus(container: RefObject<HTMLElement | null>, version: unknown): (postId: string) => void {
  const [focusId, setFocusId] = useState<string | null>(null);
  useEffect(() => {
    if (!focusId) return;
    container.current?.querySelector<HTMLElement>(`[data-post-id="${focusId}"]`)?.focus();
    setFocusId(null);
  }, [container, version, focusId]);
  return setFocusId;
}
