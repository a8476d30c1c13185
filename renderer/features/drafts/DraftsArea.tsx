import { DraftsList } from './DraftsList';
import { DraftView } from './DraftView';

/** #/drafts lists drafts, #/drafts/trash the trash; #/drafts/<id> opens one. */
export function DraftsArea({ rest }: { rest: string[] }) {
  const [id] = rest;
  if (!id) return <DraftsList view="drafts" />;
  if (id === 'trash') return <DraftsList view="trash" key="trash" />;
  return <DraftView id={id} key={id} />;
}
