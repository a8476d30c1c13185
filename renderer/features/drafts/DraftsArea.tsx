import { useEffect, useState } from 'react';
import { DraftsList } from './DraftsList';
import { loadDraftView, loadedDraftView } from './load-draft-view';

/**
 * The draft view's chunk, rendered as soon as it is in. Not React.lazy: React holds back a
 * suspended boundary's reveal for about 300 ms, which would be most of the time to open a draft.
 */
function useDraftView() {
  const [mod, setMod] = useState(loadedDraftView);
  const [error, setError] = useState('');
  useEffect(() => {
    if (!mod) void loadDraftView().then(setMod, (e: Error) => setError(e.message));
  }, [mod]);
  return { DraftView: mod?.DraftView ?? null, error };
}

/** #/drafts lists drafts, #/drafts/trash the trash; #/drafts/<id> opens one. */
export function DraftsArea({ rest }: { rest: string[] }) {
  const [id] = rest;
  const { DraftView, error } = useDraftView();
  if (!id) return <DraftsList view="drafts" />;
  if (id === 'trash') return <DraftsList view="trash" key="trash" />;
  if (error) return <p className="pane error-text" role="alert">The editor could not be loaded: {error}</p>;
  if (!DraftView) return <p className="pane muted">Loading…</p>;
  return <DraftView id={id} key={id} />;
}
