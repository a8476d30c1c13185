import { useEffect, useState } from 'react';
import type { BodyProvider } from './body-provider';

interface Person {
  id: string;
  name: string;
  colour: string;
}

/** Who else is in this draft, from the awareness states (one entry per member, however many windows). */
function othersIn(provider: BodyProvider, selfId: string): Person[] {
  const awareness = provider.hocuspocus.awareness;
  if (!awareness) return [];
  const byId = new Map<string, Person>();
  for (const [client, state] of awareness.getStates()) {
    if (client === awareness.clientID) continue;
    const name = typeof state.name === 'string' ? state.name : '';
    const id = typeof state.awarenessData?.memberId === 'string' ? state.awarenessData.memberId : `client-${client}`;
    if (!name || id === selfId) continue;
    byId.set(id, { id, name, colour: typeof state.color === 'string' ? state.color : '#37474f' });
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The list of who else is in the draft, with each member's colour; announced politely as it changes. */
export function Presence({ provider, self }: { provider: BodyProvider; self: { id: string; name: string } }) {
  const [others, setOthers] = useState<Person[]>(() => othersIn(provider, self.id));
  useEffect(() => {
    const awareness = provider.hocuspocus.awareness;
    if (!awareness) return;
    let last = '';
    const look = () => {
      const next = othersIn(provider, self.id);
      const key = next.map((p) => `${p.id}:${p.name}:${p.colour}`).join('|');
      if (key !== last) {
        last = key;
        setOthers(next);
      }
    };
    look();
    awareness.on('change', look);
    return () => awareness.off('change', look);
  }, [provider, self.id]);
  return (
    <div className="coedit-presence" role="status" aria-live="polite">
      {others.length === 0 ? (
        <span className="muted">Only you are in this draft.</span>
      ) : (
        <>
          <span>Also in this draft:</span>
          <ul className="coedit-presence__list" aria-label="Also in this draft">
            {others.map((p) => (
              <li key={p.id} className="coedit-presence__person" data-member={p.id}>
                <span className="coedit-presence__dot" style={{ backgroundColor: p.colour }} aria-hidden="true" />
                {p.name}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
