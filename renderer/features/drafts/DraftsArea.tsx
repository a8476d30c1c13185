import { lazy, Suspense } from 'react';
import { DraftsList } from './DraftsList';
import { loadDraftView } from './load-draft-view';

const DraftView = lazy(() => loadDraftView().then((m) => ({ default: m.DraftView })));

/** #/drafts lists drafts, #/drafts/trash the trash; #/drafts/<id> opens one. */
export function DraftsArea({ rest }: { rest: string[] }) {
  const [id] = rest;
  if (!id) return <DraftsList view="drafts" />;
  if (id === 'trash') return <DraftsList view="trash" key="trash" />;
  return (
    <Suspense fallback={<p className="pane muted">Loading…</p>}>
      <DraftView id={id} key={id} />
    </Suspense>
  );
}
