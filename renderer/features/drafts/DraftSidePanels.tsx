import type { Post } from '../../../common/domain';
import type { Input } from '../../../common/api';
import { MetadataPanel } from './MetadataPanel';
import { RevisionsPanel } from './RevisionsPanel';
import './draft-panels.css';

/** A change to the open draft that the panels ask the editor's saver to store (same revision chain as the body). */
export type DraftPatch = Omit<Input<'posts.update'>, 'id' | 'baseRevision'>;

export interface DraftSidePanelsProps {
  post: Post;
  /** Queue a change; the draft's saver stores it with the body, in order, with revision checks. */
  onChange: (patch: DraftPatch) => void;
  /** A revision was restored on the server: the editor reloads this post. */
  onReplaced: (post: Post) => void;
}

/** Metadata and revisions beside the editor. */
export function DraftSidePanels({ post, onChange, onReplaced }: DraftSidePanelsProps) {
  return (
    <aside className="draft-panels" aria-label="Post details">
      <MetadataPanel post={post} onChange={onChange} />
      <RevisionsPanel post={post} onReplaced={onReplaced} />
    </aside>
  );
}
