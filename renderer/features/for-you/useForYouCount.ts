import { useCallback, useEffect, useState } from 'react';
import { touches } from '../../../common/changes';
import { useClient } from '../../api/ClientContext';
import { useChanges } from '../../api/useChanges';
import { useLatestAnswer } from '../../api/useLatestAnswer';

/** How many threads For you lists, for the sidebar; read again when notes, people or posts change. */
export function useForYouCount(): number {
  const client = useClient();
  const [count, setCount] = useState(0);
  const latest = useLatestAnswer();
  const load = useCallback(() => latest(client.call('notes.forYou', {}), (l) => setCount(l.length), () => undefined), [client, latest]);
  useEffect(load, [load]);
  useChanges((c) => (touches(c, 'notes') || touches(c, 'people') || touches(c, 'posts')) && load());
  return count;
}
