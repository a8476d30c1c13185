import { memo, useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent, type RefObject } from 'react';
import { $wrapSelectionInMarkNode } from '@lexical/mark';
import { $getSelection, $isRangeSelection, $setSelection, COMMAND_PRIORITY_LOW, SELECTION_CHANGE_COMMAND, type LexicalEditor, type RangeSelection } from 'lexical';
import { mergeRegister } from '@lexical/utils';
import type { Note, NoteMessage } from '../../../common/api/notes';
import { uuidv7 } from '../../../common/ids';
import { useClient } from '../../api/ClientContext';
import { NOTE_COMMAND } from '../commands';
import { shortcutLabel } from '../shortcuts';
import { $selectNote, noteIdsAt, styleMarks } from './anchors';
import { useNoteAnchors } from './useNoteAnchors';
import { keepUnchanged } from './keep-unchanged';
import { NoteThread, type ThreadActions } from './NoteThread';
import { MentionTextarea } from './MentionTextarea';
import { withMentionTokens, type Mention } from '../../../common/notes/mentions';
import { useChanges } from '../../api/useChanges';
import { touches } from '../../../common/changes';
import { useRoute } from '../../shell/router';
import './notes.css';

interface Pending {
  selection: RangeSelection;
  quote: string;
}

/**
 * The draft's notes beside the text: open notes in text order, then detached and resolved ones.
 * Adding a note stores its thread first, then wraps the selected words in a mark with its id, so
 * a failure on the way leaves a detached note, never a lost one.
 *
 * Memoized: the side panels re-render after every autosave (the stored post changed), and this
 * panel, with its 200 threads, shows nothing of the post but its id.
 */
export const NotesPanel = memo(function NotesPanel({ postId, editorRef }: { postId: string; editorRef: RefObject<LexicalEditor | null> }) {
  const client = useClient();
  const editor = editorRef.current;
  const anchors = useNoteAnchors(editor);
  const [notes, setNotes] = useState<Note[]>([]);
  const [error, setError] = useState('');
  const [said, setSaid] = useState('');
  const [active, setActive] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<Mention[]>([]);
  const composer = useRef<HTMLTextAreaElement>(null);
  const id = useId();

  const load = useCallback(
    () => void client.call('notes.list', { postId }).then((next) => setNotes((prev) => keepUnchanged(prev, next)), (e: Error) => setError(e.message)),
    [client, postId],
  );
  useEffect(load, [load]);
  // A colleague's reply or resolve (through the workspace), or another window's: read again.
  useChanges((c) => touches(c, 'notes', [postId]) && load());

  const byId = useMemo(() => new Map(notes.map((n) => [n.id, n])), [notes]);
  const anchored = useMemo(() => new Set(anchors.order), [anchors]);
  const open = anchors.order.map((nid) => byId.get(nid)).filter((n): n is Note => !!n && n.resolvedAt === null);
  const detached = notes.filter((n) => !anchored.has(n.id));
  const resolved = anchors.order.map((nid) => byId.get(nid)).filter((n): n is Note => !!n && n.resolvedAt !== null);

  // Highlight only open notes' words, and the one being read more strongly.
  useEffect(() => {
    if (editor) styleMarks(editor, anchors.marks, (nid) => byId.get(nid)?.resolvedAt === null, active);
  }, [editor, anchors, byId, active]);

  // Opened from For you (#/drafts/<id>/note/<noteId>): that note is the one being read, its words selected.
  const route = useRoute();
  const wanted = route.rest[1] === 'note' ? route.rest[2] : null;
  const shown = useRef<string | null>(null);
  useEffect(() => {
    if (!wanted || shown.current === wanted || !byId.has(wanted)) return;
    shown.current = wanted;
    setActive(wanted);
    if (editor && anchored.has(wanted)) editor.update(() => void $selectNote(wanted));
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-note-id="${wanted}"] .note__quote`)?.focus());
    setSaid(`Showing the note on “${byId.get(wanted)!.quote.slice(0, 80)}”.`);
  }, [wanted, byId, anchored, editor]);

  // Both use only state setters, so they never change: the memoized threads' actions stay the same.
  const put = useCallback((note: Note) => setNotes((list) => (list.some((n) => n.id === note.id) ? list.map((n) => (n.id === note.id ? note : n)) : [...list, note])), []);
  const attempt = useCallback(async (fn: () => Promise<void>) => {
    setError('');
    try {
      await fn();
    } catch (e) {
      setError((e as Error).message);
    }
  }, []);

  const openRef = useRef(open);
  openRef.current = open;
  const activeRef = useRef(active);
  activeRef.current = active;

  const go = useCallback(
    (step: 1 | -1) => {
      if (!editor) return;
      const list = openRef.current;
      if (list.length === 0) return setSaid('No open notes in the text.');
      const at = list.findIndex((n) => n.id === activeRef.current);
      const next = list[at === -1 ? (step === 1 ? 0 : list.length - 1) : (at + step + list.length) % list.length];
      setActive(next.id);
      editor.update(() => void $selectNote(next.id));
      editor.focus();
      setSaid(`Note ${list.indexOf(next) + 1} of ${list.length}: “${next.quote.slice(0, 80)}”, ${next.messages.filter((m) => !m.deleted).length} messages.`);
    },
    [editor],
  );

  const startNote = useCallback(() => {
    if (!editor) return;
    const found = editor.getEditorState().read(() => {
      const sel = $getSelection();
      return $isRangeSelection(sel) && !sel.isCollapsed() ? { selection: sel.clone(), quote: sel.getTextContent().slice(0, 2000) } : null;
    });
    if (!found || !found.quote.trim()) return setSaid('Select the words the note is about first.');
    setText('');
    setPending(found);
  }, [editor]);

  useEffect(() => {
    if (pending) composer.current?.focus();
  }, [pending]);

  useEffect(() => {
    if (!editor) return;
    return mergeRegister(
      editor.registerCommand(
        NOTE_COMMAND,
        (action) => {
          if (action === 'add') startNote();
          else go(action === 'next' ? 1 : -1);
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
      // The caret in noted words makes that note the one being read (a few parent hops, no walk).
      editor.registerCommand(
        SELECTION_CHANGE_COMMAND,
        () => {
          const sel = $getSelection();
          if ($isRangeSelection(sel)) {
            const ids = noteIdsAt(sel.anchor.getNode());
            if (ids.length) setActive(ids[0]);
          }
          return false;
        },
        COMMAND_PRIORITY_LOW,
      ),
    );
  }, [editor, go, startNote]);

  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!pending || !editor) return;
    void attempt(async () => {
      const noteId = uuidv7();
      put(await client.call('notes.create', { postId, id: noteId, quote: pending.quote, body: withMentionTokens(text, picked) }));
      setPicked([]);
      editor.update(() => {
        const sel = pending.selection.clone();
        $setSelection(sel);
        $wrapSelectionInMarkNode(sel, sel.isBackward(), noteId);
      });
      setPending(null);
      setActive(noteId);
      setSaid('Note added.');
      editor.focus();
    });
  };

  const actions = useMemo<ThreadActions>(
    () => ({
      reply: (note, body) => attempt(async () => put(await client.call('notes.reply', { noteId: note.id, body }))),
      edit: (m: NoteMessage, body) => attempt(async () => put(await client.call('notes.editMessage', { id: m.id, body }))),
      remove: (m: NoteMessage) => attempt(async () => put(await client.call('notes.deleteMessage', { id: m.id }))),
      resolve: (note, yes) =>
        attempt(async () => {
          put(await client.call('notes.resolve', { id: note.id, resolved: yes }));
          setSaid(yes ? 'Note resolved.' : 'Note reopened.');
        }),
      show: (note) => {
        setActive(note.id);
        editor?.update(() => void $selectNote(note.id));
        editor?.focus();
      },
    }),
    [client, editor, put, attempt],
  );

  return (
    <section className="draft-panel notes-panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="draft-panel__title">
        Notes <span className="notes-panel__count">({open.length} open)</span>
      </h2>
      <div className="notes-panel__bar">
        <button type="button" className="button" onClick={startNote} onMouseDown={(e) => e.preventDefault()} aria-keyshortcuts={`Control+Alt+N`} title={`Add a note to the selected words (${shortcutLabel('note')})`}>
          Add note
        </button>
        <button type="button" className="button" onClick={() => go(-1)} aria-keyshortcuts="Control+Alt+," title={`Previous note (${shortcutLabel('prevNote')})`} disabled={open.length === 0}>
          Previous note
        </button>
        <button type="button" className="button" onClick={() => go(1)} aria-keyshortcuts="Control+Alt+." title={`Next note (${shortcutLabel('nextNote')})`} disabled={open.length === 0}>
          Next note
        </button>
      </div>
      <p role="status" className="notes-panel__status">
        {said}
      </p>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {pending && (
        <form className="note note--new" onSubmit={save} aria-label="New note">
          <p className="note__quote">“{pending.quote.length > 80 ? `${pending.quote.slice(0, 79)}…` : pending.quote}”</p>
          <MentionTextarea label="Note (@ to mention)" textareaRef={composer} value={text} onChange={setText} picked={picked} onPick={setPicked} onEscape={() => (setPending(null), editor?.focus())} />
          <div className="note__actions">
            <button type="submit" className="button button--small button--primary" disabled={!text.trim()}>
              Add note
            </button>
            <button type="button" className="button button--small" onClick={() => (setPending(null), editor?.focus())}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {open.length > 0 && (
        <ol className="notes-panel__list" aria-label="Open notes, in text order">
          {open.map((n) => (
            <NoteThread key={n.id} note={n} detached={false} active={n.id === active} actions={actions} />
          ))}
        </ol>
      )}
      {detached.length > 0 && (
        <>
          <h3 className="notes-panel__subtitle">Detached ({detached.length})</h3>
          <ol className="notes-panel__list" aria-label="Detached notes: their words were deleted">
            {detached.map((n) => (
              <NoteThread key={n.id} note={n} detached active={false} actions={actions} />
            ))}
          </ol>
        </>
      )}
      {resolved.length > 0 && (
        <details className="notes-panel__resolved">
          <summary>Resolved ({resolved.length})</summary>
          <ol className="notes-panel__list" aria-label="Resolved notes">
            {resolved.map((n) => (
              <NoteThread key={n.id} note={n} detached={false} active={n.id === active} actions={actions} />
            ))}
          </ol>
        </details>
      )}
    </section>
  );
});
