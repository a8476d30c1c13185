import { PreviewPane } from './PreviewPane';
import { useSaverField, type DraftSaver } from './useDraftSaver';

/** The preview follows acknowledged saves (the revision), never unsaved keystrokes. */
export function DraftPreviewSlot({ saver }: { saver: DraftSaver }) {
  const post = useSaverField(saver, 'post');
  const revision = useSaverField(saver, 'revision');
  return (
    <div className="draft__preview">
      <PreviewPane postId={post.id} revision={revision} />
    </div>
  );
}
