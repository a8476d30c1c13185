/**
 * The typing and open baselines: a bare Lexical rich-text editor with the same node set and the
 * same document as the app, and nothing else (no autosave, toolbar, panels or app shell).
 * "Open" fetches the serialized state and loads it, as the app does after choosing a draft.
 */
import { createRoot } from 'react-dom/client';
import { useState } from 'react';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { DRAFT_NODES } from '../../../common/editor/nodes/index';
import { registerBareDecorators } from './decorators';
import '../shared/page.css';

registerBareDecorators();

function OpenButton() {
  const [editor] = useLexicalComposerContext();
  const [state, setState] = useState('');
  const open = async () => {
    const json = await (await fetch('../state.json')).json();
    editor.setEditorState(editor.parseEditorState(json));
    setState('open');
  };
  (window as unknown as { benchOpen: () => Promise<void> }).benchOpen = open;
  return (
    <p>
      <button type="button" id="open" onClick={() => void open()}>
        Open the long draft
      </button>{' '}
      <span>{state}</span>
    </p>
  );
}

function App() {
  return (
    <LexicalComposer initialConfig={{ namespace: 'bench-bare', nodes: DRAFT_NODES, onError: (e: Error) => { throw e; } }}>
      <OpenButton />
      <div className="editor">
        <RichTextPlugin contentEditable={<ContentEditable className="editor__input" aria-label="Draft body" />} ErrorBoundary={LexicalErrorBoundary} />
      </div>
      <HistoryPlugin />
      <ListPlugin />
      <LinkPlugin />
    </LexicalComposer>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(<App />);
