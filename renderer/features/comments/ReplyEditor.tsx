import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { OnChangePlugin } from '@lexical/react/LexicalOnChangePlugin';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { $getRoot, type EditorState } from 'lexical';
import type { ReplyDraft } from '../../../common/api/comments';
import { useClient } from '../../api/ClientContext';
import { PostReplyControl } from '../connections/PostReplyControl';

const SAVE_DELAY_MS = 600;
const theme = { text: { bold: 'reply-bold', italic: 'reply-italic' }, paragraph: 'reply-paragraph' };

/**
 * Runs one reply editor (the same composer and plugins) off screen and throws it away, while the
 * pane is idle: the first r then runs code the engine has already compiled and React has already
 * rendered once, where it otherwise paid for both on the key press (most of the first r's wait
 * beyond a later r's). Hidden from assistive technology and input, and gone in the next task.
 */
export function warmReplyEditor(): void {
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  host.inert = true;
  host.style.cssText = 'position:fixed;left:-10000px;top:0;width:320px;';
  document.body.append(host);
  const root = createRoot(host);
  flushSync(() =>
    root.render(
      <LexicalComposer initialConfig={{ namespace: 'reply-warm-up', theme, onError: () => undefined }}>
        <RichTextPlugin contentEditable={<ContentEditable className="reply__content" />} ErrorBoundary={LexicalErrorBoundary} />
        <HistoryPlugin />
        <OnChangePlugin onChange={() => undefined} ignoreSelectionChange />
      </LexicalComposer>,
    ),
  );
  setTimeout(() => {
    root.unmount();
    host.remove();
  }, 0);
}

/**
 * A short rich-text reply (paragraphs, bold and italic with Ctrl+B / Ctrl+I) autosaved shortly
 * after typing stops, with a draft or ready status. Saves carry the revision they were based on;
 * a CONFLICT (another window saved) is shown, never overwritten.
 */
export function ReplyEditor({
  commentId,
  onSaved,
  focusSignal,
  focusOnMount = false,
  knownEmpty = false,
}: {
  commentId: string;
  onSaved: () => void;
  focusSignal: number;
  focusOnMount?: boolean;
  /**
   * The list said this comment has no reply draft: start empty at once instead of asking the
   * server first (a round trip before the first r could type). A draft another window saved
   * meanwhile is not lost: the first save, based on revision 0, comes back as a conflict.
   */
  knownEmpty?: boolean;
}) {
  const client = useClient();
  // Read at mount only: the list's own refresh after our first save must not reload the editor.
  const [startEmpty] = useState(knownEmpty);
  const [draft, setDraft] = useState<ReplyDraft | null | undefined>(startEmpty ? null : undefined);
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'error'>('idle');
  const [message, setMessage] = useState('');
  const latest = useRef<{ body: string; text: string } | null>(null);
  const revision = useRef(0);
  const status = useRef<ReplyDraft['status']>('draft');
  // Shown: the control that posts the reply to the comment's site needs it marked ready.
  const [ready, setReady] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const editorBox = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    if (startEmpty) return () => clearTimeout(timer.current);
    setDraft(undefined);
    client.call('replies.get', { commentId }).then((d) => {
      if (!live) return;
      setDraft(d);
      revision.current = d?.revision ?? 0;
      status.current = d?.status ?? 'draft';
      setReady(status.current === 'ready');
      latest.current = d ? { body: d.body, text: d.text } : null;
    });
    return () => {
      live = false;
      clearTimeout(timer.current);
    };
  }, [client, commentId, startEmpty]);

  // Focus for an r pressed while this comment is shown (a newer signal than at mount), or when the
  // editor was opened to write (r or the button), once the draft has loaded; never merely for
  // being shown, or filtering would steal focus from the search box.
  // A layout effect: the focus lands in the commit that mounted the editor, within the key's task,
  // rather than after the next paint.
  const handledSignal = useRef(focusOnMount ? Number.NaN : focusSignal);
  useLayoutEffect(() => {
    if (draft === undefined || focusSignal === handledSignal.current) return;
    handledSignal.current = focusSignal;
    editorBox.current?.querySelector<HTMLElement>('[contenteditable]')?.focus();
  }, [focusSignal, draft]);

  // One save at a time: each carries the revision the one before it got back. Without this a status
  // change, the autosave of more typing and a Post click could each send the same base revision, and
  // the later ones came back as a conflict with this very editor's own save.
  const queue = useRef<Promise<boolean>>(Promise.resolve(true));
  const save = (): Promise<boolean> => {
    const next = queue.current.then(saveNow);
    queue.current = next;
    return next;
  };
  const saveNow = async (): Promise<boolean> => {
    if (!latest.current) return true;
    setState('saving');
    try {
      const saved = await client.call('replies.save', { commentId, baseRevision: revision.current, ...latest.current, status: status.current });
      revision.current = saved.revision;
      setState('saved');
      setMessage('');
      onSaved();
      return true;
    } catch (e) {
      setState('error');
      setMessage((e as Error).message);
      return false;
    }
  };
  /** Saves what is typed now (not after the autosave delay), before the reply is posted anywhere. */
  const flush = async (): Promise<string | null> => {
    clearTimeout(timer.current);
    return (await save()) ? (latest.current?.text ?? '') : null;
  };
  const schedule = () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), SAVE_DELAY_MS);
  };

  const onChange = (editorState: EditorState) => {
    const body = JSON.stringify(editorState.toJSON());
    const text = editorState.read(() => $getRoot().getTextContent());
    if (latest.current && latest.current.body === body) return;
    if (!latest.current && !text.trim()) return;
    latest.current = { body, text };
    schedule();
  };

  if (draft === undefined) return <p className="muted">Loading the reply…</p>;

  return (
    <section className="reply" aria-labelledby={`reply-h-${commentId}`}>
      <h3 id={`reply-h-${commentId}`}>Reply draft</h3>
      <LexicalComposer
        key={commentId}
        initialConfig={{
          namespace: 'reply',
          theme,
          editorState: draft?.body ?? undefined,
          onError: (e: Error) => setMessage(`The reply could not be loaded: ${e.message}`),
        }}
      >
        <div className="reply__surface" ref={editorBox}>
          <RichTextPlugin
            contentEditable={<ContentEditable className="reply__content" aria-label="Reply draft text" aria-placeholder="Write a reply…" placeholder={<div className="reply__placeholder">Write a reply…</div>} />}
            ErrorBoundary={LexicalErrorBoundary}
          />
        </div>
        <HistoryPlugin />
        <OnChangePlugin onChange={onChange} ignoreSelectionChange />
      </LexicalComposer>
      <div className="reply__bar">
        <label>
          Reply status{' '}
          <select
            defaultValue={draft?.status ?? 'draft'}
            onChange={(e) => {
              status.current = e.target.value as ReplyDraft['status'];
              setReady(status.current === 'ready');
              clearTimeout(timer.current);
              if (latest.current) void save();
            }}
          >
            <option value="draft">Draft</option>
            <option value="ready">Ready to send</option>
          </select>
        </label>
        <span className="reply__state" role="status" data-state={state}>
          {state === 'saving' ? 'Saving…' : state === 'saved' ? 'Saved' : state === 'error' ? `Not saved: ${message}` : ''}
        </span>
      </div>
      <PostReplyControl commentId={commentId} ready={ready} flush={flush} />
    </section>
  );
}
