import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { LexicalEditor } from 'lexical';
import type { EditorState, Post } from '../../../common/domain';
import { useClient } from '../../api/ClientContext';
import { Editor } from '../../editor/Editor';
import { useDraftSaver } from './useDraftSaver';
import { DraftFields } from './DraftFields';
import { DraftPanelsSlot } from './DraftPanelsSlot';
import { DraftPreviewSlot } from './DraftPreviewSlot';
import { DraftConflictDialog } from './DraftConflictDialog';
import './DraftView.css';
import { discardIfUntouched, keepDraft } from './discard-untouched';

interface Props {
  post: Post;
  onReplaced: (post: Post) => void;
  onReload: () => void;
}

/**
 * A ref that keeps the last editor even after Lexical's ref plugin clears it on unmount: the
 * saver's final flush (area switch, closing the draft) runs during that same unmount.
 */
function useLastEditor(): RefObject<LexicalEditor | null> {
  const [holder] = useState(() => {
    let last: LexicalEditor | null = null;
    return {
      get current() {
        return last;
      },
      set current(editor: LexicalEditor | null) {
        if (editor) last = editor;
      },
    };
  });
  return holder;
}

/** The editing session of one loaded post: fields, body editor, side panels, preview, one saver. */
export function DraftSession({ post, onReplaced, onReload }: Props) {
  const client = useClient();
  const editorRef = useLastEditor();
  const fields = useRef({ title: post.title, standfirst: post.standfirst });
  const getBody = useCallback(() => (editorRef.current ? (editorRef.current.getEditorState().toJSON() as unknown as EditorState) : null), []);
  const saver = useDraftSaver(client, post, getBody);
  const [preview, setPreview] = useState(false);
  // Leaving a draft never typed into removes it (discard-untouched.ts); the server checks again.
  useEffect(() => {
    keepDraft(post.id);
    return () => {
      const untouched = () => {
        const body = getBody();
        const text = body ? JSON.stringify(body.root).includes('"text":') : false;
        return !saver.hasUnsaved() && post.revision === 1 && !fields.current.title.trim() && !fields.current.standfirst.trim() && !text;
      };
      discardIfUntouched(client, post.id, untouched);
    };
  }, [client, post.id, post.revision, getBody, saver]);

  const onTitle = useCallback((title: string) => {
    fields.current.title = title;
    saver.queuePatch({ title });
  }, [saver]);
  const onStandfirst = useCallback((standfirst: string) => {
    fields.current.standfirst = standfirst;
    saver.queuePatch({ standfirst });
  }, [saver]);

  return (
    <section className="draft" aria-label="Draft">
      <header className="draft__header">
        <a href="#/drafts">← All drafts</a>
        <button type="button" className="button" aria-pressed={preview} onClick={() => setPreview(!preview)}>
          Preview
        </button>
      </header>
      <div className={preview ? 'draft__grid draft__grid--preview' : 'draft__grid'}>
        <div className="draft__column">
          <DraftFields initialTitle={post.title} initialStandfirst={post.standfirst} onTitle={onTitle} onStandfirst={onStandfirst} onBlur={saver.flush} />
          <Editor postId={post.id} initialBody={post.body} editorRef={editorRef} onChange={saver.bodyChanged} onBlur={saver.flush} onBaseline={saver.setBaseline} />
        </div>
        <DraftPanelsSlot saver={saver} onReplaced={onReplaced} />
        {preview && <DraftPreviewSlot saver={saver} />}
      </div>
      <DraftConflictDialog saver={saver} fields={fields} onReload={onReload} />
    </section>
  );
}
