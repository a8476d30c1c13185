import { DraftsList } from './DraftsList';
import { useModule } from '../../shell/module-loader';
import { draftViewLoader } from './load-draft-view';

/** #/drafts lists drafts, #/drafts/trash the trash; #/drafts/<id> opens one. */
export function DraftsArea({ rest }: { rest: string[] }) {
  const [id] = rest;
  // The editor's chunk (with Lexical, the biggest) only for a draft: on the list it would compete
  // with the list's own request and rows; the list preloads it once its rows are shown.
  const { mod, error } = useModule(draftViewLoader, !!id && id !== 'trash');
  const DraftView = mod?.DraftView;
  if (!id) return <DraftsList view="drafts" />;
  if (id === 'trash') return <DraftsList view="trash" key="trash" />;
  if (error) return <p className="pane error-text" role="alert">The editor could not be loaded: {error}</p>;
  if (!DraftView) return <p className="pane muted">Loading…</p>;
  return <DraftView id={id} key={id} />;
}
