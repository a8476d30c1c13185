import { memo, useRef, useState, type RefObject } from 'react';
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { createEmptyHistoryState, HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { EditorRefPlugin } from '@lexical/react/LexicalEditorRefPlugin';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { LexicalCollaboration } from '@lexical/react/LexicalCollaborationContext';
import type { LexicalEditor } from 'lexical';
import type { EditorState } from '../../common/domain';
import { DRAFT_NODES, isAllowedUrl } from '../../common/editor/nodes';
import { editorTheme } from './theme/editorTheme';
import { DRAFT_TRANSFORMERS } from './markdown';
import { registerDecorators } from './decorators/registerDecorators';
import { Toolbar } from './toolbar/Toolbar';
import { FindPlugin } from './find/FindPlugin';
import { ShortcutsPlugin } from './plugins/ShortcutsPlugin';
import { InsertNodesPlugin } from './plugins/InsertNodesPlugin';
import { PastePlugin } from './plugins/PastePlugin';
import { ImageFilePlugin } from './plugins/ImageFilePlugin';
import { SchemaGuardPlugin } from './plugins/SchemaGuardPlugin';
import { ListTabPlugin } from './plugins/ListTabPlugin';
import { AutosavePlugin } from './plugins/AutosavePlugin';
import { CountsPlugin } from './plugins/CountsPlugin';
import { LoadBodyPlugin } from './plugins/LoadBodyPlugin';
import { TablesPlugin } from './plugins/TablesPlugin';
import { SuggestionModePlugin } from './suggestions/SuggestionModePlugin';
import { GuestLimitsPlugin } from './suggestions/GuestLimitsPlugin';
import { useSuggestionLock } from './suggestions/suggestion-mode';
import { AwayChanges } from './collab/AwayChanges';
import { CoEditPlugin, type CoEditSettings } from './collab/CoEditPlugin';
import './collab/coedit.css';
import './theme/editor.css';
import './popover/popover.css';

registerDecorators();

export interface EditorProps {
  postId: string;
  initialBody: EditorState;
  editorRef: RefObject<LexicalEditor | null>;
  /** Content changed (cheap notification; serialize later). */
  onChange: () => void;
  onBlur: () => void;
  onBaseline: (json: () => string) => void;
  /** In a team workspace: the body is co-edited through its Yjs document instead of loaded and saved. */
  coEdit?: CoEditSettings | null;
}

/**
 * The draft body editor. Memoized with stable props: nothing above it re-renders it while the
 * user types, and all per-keystroke work stays inside Lexical.
 */
export const Editor = memo(function Editor({ postId, initialBody, editorRef, onChange, onBlur, onBaseline, coEdit }: EditorProps) {
  const [loadError, setLoadError] = useState('');
  const [history] = useState(createEmptyHistoryState);
  const cursorsRef = useRef<HTMLDivElement>(null);
  // A guest author's typing is suggestions: "## " or "- " must not turn a block into a heading or a list.
  const guest = useSuggestionLock() !== null;
  // No editorState here: LoadBodyPlugin loads the body after the plugins have registered, or the
  // co-editing binding fills the editor from the body's document (null: Lexical's rule for collab).
  const [initialConfig] = useState<InitialConfigType>(() => ({
    namespace: 'draft',
    nodes: DRAFT_NODES,
    theme: editorTheme,
    editable: !coEdit?.readOnly,
    ...(coEdit ? { editorState: null } : {}),
    onError: (error: Error) => {
      console.error(error);
    },
  }));

  const composer = (
    <LexicalComposer initialConfig={initialConfig}>
      <div className="editor">
        <Toolbar postId={postId} />
        <FindPlugin />
        {/* Its text arrives from the body's document; undo is Y.UndoManager's, never the HistoryPlugin's. */}
        {coEdit && <CoEditPlugin settings={coEdit} cursorsRef={cursorsRef} />}
        {/* Beside the binding, not inside it: it only marks the DOM the binding's text renders into. */}
        {coEdit && <AwayChanges postId={postId} />}
        {loadError && (
          <p className="error-text" role="alert">
            {loadError}
          </p>
        )}
        <div className="editor__surface">
          <RichTextPlugin
            contentEditable={
              <ContentEditable
                className="editor__content"
                aria-label="Draft text"
                spellCheck
                lang="en-GB"
                aria-placeholder="Write the post…"
                placeholder={<div className="editor__placeholder">Write the post…</div>}
              />
            }
            ErrorBoundary={LexicalErrorBoundary}
          />
          {/* Remote carets and selections: drawn for the eye; the presence list names who is here. */}
          {coEdit && <div ref={cursorsRef} className="coedit-cursors" aria-hidden="true" />}
        </div>
        <ListPlugin />
        <LinkPlugin validateUrl={isAllowedUrl} />
        {!guest && <MarkdownShortcutPlugin transformers={DRAFT_TRANSFORMERS} />}
        <ListTabPlugin />
        <TablesPlugin />
        <ShortcutsPlugin />
        <SuggestionModePlugin />
        <GuestLimitsPlugin />
        <InsertNodesPlugin />
        <PastePlugin />
        <ImageFilePlugin />
        <SchemaGuardPlugin />
        {!coEdit && (
          <>
            {/* After every plugin that registers node transforms, before those that read the loaded body. */}
            <LoadBodyPlugin body={initialBody} history={history} onError={setLoadError} />
            {/* After the load: it starts from the loaded body, so the load itself is never a step to undo. */}
            <HistoryPlugin externalHistoryState={history} />
          </>
        )}
        <CountsPlugin />
        <AutosavePlugin onChange={onChange} onBlur={onBlur} onBaseline={onBaseline} />
        <EditorRefPlugin editorRef={editorRef} />
      </div>
    </LexicalComposer>
  );
  return coEdit ? <LexicalCollaboration>{composer}</LexicalCollaboration> : composer;
});
