import { useCallback, useRef } from 'react';

/**
 * Hands on only the latest of a component's answers to one question. Changes arriving by sync start
 * reads close together, and an older answer landing last would put back what it read before (a
 * draft's title still "Untitled" in For you).
 */
export function useLatestAnswer(): <T>(answer: Promise<T>, take: (value: T) => void, fail: (error: Error) => void) => void {
  const asked = useRef(0);
  return useCallback((answer, take, fail) => {
    const mine = ++asked.current;
    answer.then(
      (value) => mine === asked.current && take(value),
      (error: Error) => mine === asked.current && fail(error),
    );
  }, []);
}
