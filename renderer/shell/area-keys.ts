/**
 * Ctrl/Cmd+1..4 switch areas from anywhere, including inside the editor. The boot module
 * (renderer/boot.ts) starts listening as soon as the page has parsed, before React's shell has
 * loaded: a key pressed as the window appears changes the hash route at once, and the shell opens
 * that area when it mounts. A listener in the shell itself missed keys pressed before its first
 * effects ran (the window stayed on Drafts).
 */
import { AREAS, navigate, type Area } from './route';

type AreaKey = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

/** The area a key press asks for, if it is exactly Ctrl (or Cmd) with the area's digit. */
export function areaForKey(e: AreaKey): Area | undefined {
  if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return undefined;
  return AREAS.find((a) => a.key === e.key)?.id;
}

export function listenForAreaKeys(target: Pick<Window, 'addEventListener'> = window): void {
  target.addEventListener('keydown', (e) => {
    const area = areaForKey(e);
    if (!area) return;
    e.preventDefault();
    navigate(area);
  });
}
