import { DraftsList } from './DraftsList';
import { DraftView } from './DraftView';

/** #/drafts lists drafts; #/drafts/<id> opens one. */
export function DraftsArea({ rest }: { rest: string[] }) {
  const [id] = rest;
  return id ? <DraftView id={id} key={id} /> : <DraftsList />;
}
