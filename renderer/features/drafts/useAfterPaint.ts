import { useEffect, useState } from 'react';

/**
 * False until the browser has painted the frame this component first rendered in: what is not
 * needed to start editing (side panels and their fetches) mounts after the editor is on screen.
 */
export function useAfterPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // rAF runs just before the paint; the task after it runs once the frame is out.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return painted;
}
