import type { Post } from '../../../common/domain';
import { DraftSidePanels } from './DraftSidePanels';
import { useSaverField, type DraftSaver } from './useDraftSaver';

/** Side panels get the post as last stored; only this slot re-renders after a save, not the editor. */
export function DraftPanelsSlot({ saver, onReplaced }: { saver: DraftSaver; onReplaced: (post: Post) => void }) {
  const post = useSaverField(saver, 'post');
  return <DraftSidePanels post={post} onChange={saver.queuePatch} onReplaced={onReplaced} />;
}
