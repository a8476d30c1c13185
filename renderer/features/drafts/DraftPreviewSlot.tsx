import { Loaded } from '../export/Loaded';
import { previewViewLoader } from '../export/loaders';
import { useSaverField, type DraftSaver } from './useDraftSaver';

/** The full preview follows acknowledged saves (the revision), never unsaved keystrokes. */
export function DraftPreviewSlot({ saver, onBack, onExport }: { saver: DraftSaver; onBack: () => void; onExport: () => void }) {
  const post = useSaverField(saver, 'post');
  const revision = useSaverField(saver, 'revision');
  return (
    <Loaded
      loader={previewViewLoader}
      what="preview"
      render={(m) => <m.PreviewView postId={post.id} revision={revision} onBack={onBack} onExport={onExport} />}
    />
  );
}
