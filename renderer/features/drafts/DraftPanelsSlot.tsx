import type { RefObject } from 'react';
import type { LexicalEditor } from 'lexical';
import type { Post } from '../../../common/domain';
import { DraftSidePanels } from './DraftSidePanels';
import { useAfterPaint } from '../../shell/useAfterPaint';
import { useSaverField, type DraftSaver } from './useDraftSaver';

/**
 * Side panels get the post as last stored; only this slot re-renders after a save, not the editor.
 * They mount once the opened draft is painted, so opening a long draft waits for the editor only.
 */
export function DraftPanelsSlot({ saver, onReplaced, editorRef, readOnly }: { saver: DraftSaver; onReplaced: (post: Post) => void; editorRef: RefObject<LexicalEditor | null>; readOnly?: boolean }) {
  const post = useSaverField(saver, 'post');
  const adopted = useSaverField(saver, 'adopted');
  const painted = useAfterPaint();
  if (!painted) return <aside className="draft-panels" aria-label="Post details" aria-busy="true" />;
  return <DraftSidePanels post={post} fromElsewhere={adopted} onChange={saver.queuePatch} onReplaced={onReplaced} editorRef={editorRef} readOnly={readOnly} />;
}
