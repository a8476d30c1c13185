import { useState } from 'react';

/** One step at a time (a backup, a remote call): busy while it runs, its error or notice shown after. */
export function useRunner(after?: () => Promise<void> | void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError('');
    setNotice('');
    try {
      await work();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
      await after?.();
    }
  };
  return { busy, error, notice, setError, setNotice, run };
}
