import { touches } from '../../../common/changes';
import { useChanges } from '../../api/useChanges';
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { LexicalEditor } from 'lexical';
import type { EditorState, Post, PostDetails } from '../../../common/domain';
import { useClient } from '../../api/ClientContext';
import { Editor } from '../../editor/Editor';
import type { CoEditSettings } from '../../editor/collab/CoEditPlugin';
import { useDraftSaver } from './useDraftSaver';
import { DraftFields } from './DraftFields';
import { DraftPanelsSlot } from './DraftPanelsSlot';
import { DraftPreviewSlot } from './DraftPreviewSlot';
import { DraftConflictDialog } from './DraftConflictDialog';
import { ExportDialogSlot, EXPORT_KEYS, isChord, PREVIEW_KEYS } from '../export/ExportAction';
import { exportDialogLoader, previewViewLoader } from '../export/loaders';
import './DraftView.css';
import { discardIfUntouched, keepDraft } from './discard-untouched';

interface Props {
  post: Post;
  /** Set in a team workspace: the body is co-edited live, and only the other fields are saved here. */
  coEdit: CoEditSettings | null;
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

/** What a projection of the body's text into the row changes; the other fields are the post's details. */
const BODY_PROJECTION = new Set(['body', 'revision', 'updatedAt', 'wordCount']);
const detailsOf = (p: PostDetails) => JSON.stringify(Object.entries(p).filter(([k]) => !BODY_PROJECTION.has(k)).sort(([a], [b]) => (a < b ? -1 : 1)));

function onlyBodyMoved(held: PostDetails, stored: PostDetails): boolean {
  return detailsOf(held) === detailsOf(stored);
}

/** The editing session of one loaded post: fields, body editor, side panels, preview, one saver. */
const ignore = () => undefined;

export function DraftSession({ post, coEdit, onReplaced, onReload }: Props) {
  const client = useClient();
  const editorRef = useLastEditor();
  const fields = useRef({ title: post.title, standfirst: post.standfirst });
  const getBody = useCallback(() => (editorRef.current ? (editorRef.current.getEditorState().toJSON() as unknown as EditorState) : null), []);
  const saver = useDraftSaver(client, post, getBody);
  const [preview, setPreview] = useState(false);
  const [exporting, setExporting] = useState(false);
  const previewButton = useRef<HTMLButtonElement>(null);

  const leavePreview = useCallback(() => {
    setPreview(false);
    requestAnimationFrame(() => previewButton.current?.focus());
  }, []);
  const inPreview = useRef(preview);
  inPreview.current = preview;
  // The preview shows what is stored, so what is on screen is saved first.
  const togglePreview = useCallback(() => {
    if (inPreview.current) return leavePreview();
    void saver.flush();
    setPreview(true);
  }, [leavePreview, saver]);
  // The preview and Export… come from their own chunks: fetch them once the draft is shown.
  useEffect(() => {
    const cancels = [previewViewLoader.preload(), exportDialogLoader.preload()];
    return () => cancels.forEach((cancel) => cancel());
  }, []);
  // Export… and the preview answer their keys anywhere in the draft, editor included.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isChord(e, EXPORT_KEYS)) {
        e.preventDefault();
        void saver.flush();
        setExporting(true);
      } else if (isChord(e, PREVIEW_KEYS)) {
        e.preventDefault();
        togglePreview();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [saver, togglePreview]);
  // The post changed elsewhere (a terminal, another window): while nothing here waits to be saved,
  // the stored post replaces ours. With unsaved changes, the next save meets the conflict dialog as
  // before. A co-edited body follows its own stream instead, so there only the other fields are
  // taken, in place: a colleague's new title shows here, and the next save is based on it.
  const [shown, setShown] = useState<{ title: string; standfirst: string }>();
  useChanges((c) => {
    if (!touches(c, 'posts', [post.id])) return;
    if (!coEdit) {
      void client.call('posts.get', { id: post.id }).then(
        (stored) => stored.revision > saver.state.revision && !saver.hasUnsaved() && onReplaced(stored),
        () => undefined,
      );
      return;
    }
    void client.call('posts.details', { id: post.id }).then((stored) => {
      // The body's own typing, projected into the row, moves only these: nothing to take (the
      // server lets a save based on an older revision through when only the body moved since).
      if (onlyBodyMoved(saver.state.post, stored)) return;
      const fresh = { title: stored.title, standfirst: stored.standfirst };
      const moved = fresh.title !== fields.current.title || fresh.standfirst !== fields.current.standfirst;
      // A field in use keeps what is in it, and the post is not taken: the writer's next save then
      // meets the conflict dialog, never silently over the colleague's words.
      if (moved && document.activeElement?.closest('.draft__fields')) return;
      if (!saver.adopt({ ...saver.state.post, ...stored })) return;
      if (!moved) return;
      fields.current = fresh;
      setShown(fresh);
    }, () => undefined);
  });
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

  const guest = coEdit?.role === 'guest-author';
  return (
    <section className="draft" aria-label="Draft">
      <header className="draft__header">
        <a href="#/drafts">← All drafts</a>
        <div className="draft__actions">
          <button
            ref={previewButton}
            type="button"
            className="button"
            aria-pressed={preview}
            aria-keyshortcuts={PREVIEW_KEYS.aria}
            title={`The exported page, at desktop or phone width (${PREVIEW_KEYS.label})`}
            onClick={togglePreview}
          >
            Preview
          </button>
          {/* The preview's own bar has Export… beside the page. */}
          <button
            hidden={preview}
            type="button"
            className="button"
            aria-haspopup="dialog"
            aria-keyshortcuts={EXPORT_KEYS.aria}
            title={`A page, a CMS fragment or WXR (${EXPORT_KEYS.label})`}
            onClick={() => (void saver.flush(), setExporting(true))}
          >
            Export…
          </button>
        </div>
      </header>
      {/* The editor stays mounted (hidden) under the preview, so its state and undo history survive. */}
      <div className="draft__grid" hidden={preview}>
        <div className="draft__column">
          {guest && (
            <p className="draft__guest-banner" role="note">
              You are a guest author: your changes to the text are suggestions for the editors, and you may accept or reject the suggestions in the Suggestions panel. Leave notes on the text; the title and details are the editors’.
            </p>
          )}
          <DraftFields initialTitle={post.title} initialStandfirst={post.standfirst} onTitle={onTitle} onStandfirst={onStandfirst} onBlur={saver.flush} readOnly={guest} shown={shown} />
          <Editor
            postId={post.id}
            initialBody={post.body}
            editorRef={editorRef}
            // Co-edited, the body is on disk in main's document with each keystroke: nothing to save here.
            onChange={coEdit ? ignore : saver.bodyChanged}
            onBlur={saver.flush}
            onBaseline={coEdit ? ignore : saver.setBaseline}
            coEdit={coEdit}
          />
        </div>
        <DraftPanelsSlot saver={saver} onReplaced={onReplaced} editorRef={editorRef} readOnly={guest} />
      </div>
      {preview && <DraftPreviewSlot saver={saver} onBack={leavePreview} onExport={() => setExporting(true)} />}
      {exporting && <ExportDialogSlot subject={{ kind: 'post', id: post.id, title: fields.current.title }} beforeExport={saver.flush} onClose={() => setExporting(false)} />}
      <DraftConflictDialog saver={saver} fields={fields} onReload={onReload} />
    </section>
  );
}
