import { useState } from 'react';

const KEY = 'workbench.reviewerName';

/** The reviewer's name, remembered on this machine so every annotation carries it. */
export function useReviewer(): [string, (name: string) => void] {
  const [name, setName] = useState(() => localStorage.getItem(KEY) ?? '');
  return [
    name,
    (n: string) => {
      setName(n);
      localStorage.setItem(KEY, n);
    },
  ];
}
