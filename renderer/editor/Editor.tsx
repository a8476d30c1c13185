import { memo, useState, type RefObject } from 'react';
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { createEmptyHistoryState, HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { EditorRefPlugin } from '@lexical/react/LexicalEditorRefPlugin';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
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
}

/**
 * The draft body editor. Memoized with stable props: nothing above it re-renders it while the
 * user types, and all per-keystroke work stays inside Lexical.
 */
export const Editor = memo(function Editor({ postId, initialBody, editorRef, onChange, onBlur, onBaseline }: EditorProps) {
  const [loadError, setLoadError] = useState('');
  const [history] = useState(createEmptyHistoryState);
  // No editorState here: LoadBodyPlugin loads the body after the plugins have registered.
  const [initialConfig] = useState<InitialConfigType>(() => ({
    namespace: 'draft',
    nodes: DRAFT_NODES,
    theme: editorTheme,
    onError: (error: Error) => {
      console.error(error);
    },
  }));

  return (
    <LexicalComposer initialConfig={initialConfig}>
      <div className="editor">
        <Toolbar postId={postId} />
        <FindPlugin />
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
        </div>
        <ListPlugin />
        <LinkPlugin validateUrl={isAllowedUrl} />
        <MarkdownShortcutPlugin transformers={DRAFT_TRANSFORMERS} />
        <ListTabPlugin />
        <TablesPlugin />
        <ShortcutsPlugin />
        <InsertNodesPlugin />
        <PastePlugin />
        <ImageFilePlugin />
        <SchemaGuardPlugin />
        {/* After every plugin that registers node transforms, before those that read the loaded body. */}
        <LoadBodyPlugin body={initialBody} history={history} onError={setLoadError} />
        {/* After the load: it starts from the loaded body, so the load itself is never a step to undo. */}
        <HistoryPlugin externalHistoryState={history} />
        <CountsPlugin />
        <AutosavePlugin onChange={onChange} onBlur={onBlur} onBaseline={onBaseline} />
        <EditorRefPlugin editorRef={editorRef} />
      </div>
    </LexicalComposer>
  );
});
