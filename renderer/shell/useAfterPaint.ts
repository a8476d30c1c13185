import { useEffect, useState } from 'react';

/**
 * False until the browser has painted the frame this component first rendered in: what is not
 * needed on the first screen (a draft's side panels and their fetches, a list's off-screen rows)
 * mounts after that screen is shown.
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
