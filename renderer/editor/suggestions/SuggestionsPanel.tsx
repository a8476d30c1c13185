import { memo, useEffect, useId, useMemo, useState, type RefObject } from 'react';
import { HISTORY_PUSH_TAG, type LexicalEditor, type NodeKey, type NodeMutation } from 'lexical';
import { SuggestedDeletionNode, SuggestedFormatNode, SuggestedInsertionNode } from '../../../common/editor/nodes/SuggestionNodes';
import { memberColourClass } from '../collab/member-colour';
import '../collab/member-colours.css';
import { afterSettlement } from './guest-history';
import { isGuestEditor } from './guest-limits';
import { $resolveSuggestions, type PendingSuggestion, type Resolution, type SuggestionPick } from '../../../common/editor/suggestion-edits';
import { useStableCallback } from '../../shell/useStableCallback';
import { PendingList } from './pending-list';
import { formatTimestamp } from '../../format/dates';
import './suggestions.css';

const KIND = { insertion: 'Insert', deletion: 'Delete', format: 'Format' } as const;
const NOUN = { insertion: 'insertion', deletion: 'deletion', format: 'format change' } as const;
const short = (s: string) => (s.length > 80 ? `${s.slice(0, 79)}…` : s);
/** How long typing inside a suggestion must pause before the panel shows its new words. */
const WORDS_DELAY_MS = 300;

/**
 * The pending suggestions, brought up to date a frame after any suggestion node is made, changed
 * or removed. Words typed inside a suggestion reach its quote once typing pauses, re-reading only
 * that suggestion (pending-list.ts): a re-render per keystroke would put a React commit, which
 * measures the selection across the whole draft, and a relayout of the panel on every key.
 */
function usePendingSuggestions(editor: LexicalEditor | null): PendingSuggestion[] {
  const [list, setList] = useState<PendingSuggestion[]>([]);
  useEffect(() => {
    if (!editor) return;
    const pending = new PendingList();
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const read = () => {
      frame = 0;
      if (timer) clearTimeout(timer);
      timer = null;
      setList(editor.getEditorState().read(() => pending.$read()));
    };
    const schedule = () => {
      if (frame) return;
      if (pending.needsWalk()) frame = requestAnimationFrame(read);
      else {
        if (timer) clearTimeout(timer);
        timer = setTimeout(read, WORDS_DELAY_MS);
      }
    };
    const changed = (mutations: Map<NodeKey, NodeMutation>) => {
      editor.getEditorState().read(() => pending.$note(mutations));
      schedule();
    };
    const stops = [
      ...[SuggestedInsertionNode, SuggestedDeletionNode, SuggestedFormatNode].map((k) => editor.registerMutationListener(k, changed, { skipInitialization: false })),
      editor.registerUpdateListener(({ dirtyElements }) => pending.noteDirty(dirtyElements) && schedule()),
    ];
    return () => {
      stops.forEach((s) => s());
      if (frame) cancelAnimationFrame(frame);
      if (timer) clearTimeout(timer);
    };
  }, [editor]);
  return list;
}

type Resolve = (which: SuggestionPick, how: Resolution, what: string) => void;

/** One pending suggestion; memoized, so a keystroke in one suggestion re-renders only its item. */
const SuggestionItem = memo(function SuggestionItem({ s, resolve }: { s: PendingSuggestion; resolve: Resolve }) {
  const label = `${NOUN[s.kind]} by ${s.authorName || 'someone'}: “${short(s.quote)}”`;
  return (
    <li className={`suggestion ${memberColourClass(s.authorId)}`}>
      <p className="suggestion__meta">
        <strong>{KIND[s.kind]}</strong> · {s.authorName || 'Someone'} · <time dateTime={s.at}>{formatTimestamp(s.at)}</time>
      </p>
      <p className="suggestion__quote">“{short(s.quote)}”</p>
      <div className="suggestion__actions">
        <button type="button" className="button button--small button--primary" aria-label={`Accept ${label}`} onClick={() => resolve((n) => n.getSuggestionId() === s.id, 'accept', '')}>
          Accept
        </button>
        <button type="button" className="button button--small" aria-label={`Reject ${label}`} onClick={() => resolve((n) => n.getSuggestionId() === s.id, 'reject', '')}>
          Reject
        </button>
      </div>
    </li>
  );
});

/**
 * Pending suggestions beside the text, in text order: accept or reject one, all of one author's,
 * or all. Each decision is one editor update, so it is one undo step (and syncs like an edit).
 * Memoized: it shows nothing of the stored post, so an autosave does not re-render its 500 items.
 */
export const SuggestionsPanel = memo(function SuggestionsPanel({ editorRef }: { editorRef: RefObject<LexicalEditor | null> }) {
  const editor = editorRef.current;
  const list = usePendingSuggestions(editor);
  const [said, setSaid] = useState('');
  const id = useId();
  const authors = useMemo(() => [...new Map(list.map((s) => [s.authorId, s.authorName || 'Someone'])).entries()], [list]);

  const resolve: Resolve = useStableCallback((which, how, what) => {
    if (!editor) return;
    editor.update(
      () => {
        const n = $resolveSuggestions(which, how);
        // A guest's settlement is final (guest-history.ts): no Undo is offered for it.
        const undo = isGuestEditor() ? '' : ` Undo with ${'Ctrl+Z'}.`;
        setSaid(`${how === 'accept' ? 'Accepted' : 'Rejected'} ${n === 1 ? 'one suggestion' : `${n} suggestions`}${what}.${undo}`);
      },
      { tag: HISTORY_PUSH_TAG, onUpdate: () => afterSettlement(editor) },
    );
  });

  return (
    <section className="draft-panel suggestions-panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="draft-panel__title">
        Suggestions <span className="notes-panel__count">({list.length} pending)</span>
      </h2>
      <p role="status" className="notes-panel__status">
        {said}
      </p>
      {list.length > 0 && (
        <>
          <div className="suggestions-panel__bar" role="group" aria-label="All suggestions">
            <button type="button" className="button button--small" onClick={() => resolve(() => true, 'accept', '')}>
              Accept all
            </button>
            <button type="button" className="button button--small" onClick={() => resolve(() => true, 'reject', '')}>
              Reject all
            </button>
          </div>
          {authors.length > 1 &&
            authors.map(([aid, name]) => (
              <div key={aid} className="suggestions-panel__bar" role="group" aria-label={`Suggestions by ${name}`}>
                <button type="button" className="button button--small" onClick={() => resolve((n) => n.getAuthorId() === aid, 'accept', ` by ${name}`)}>
                  Accept all by {name}
                </button>
                <button type="button" className="button button--small" onClick={() => resolve((n) => n.getAuthorId() === aid, 'reject', ` by ${name}`)}>
                  Reject all by {name}
                </button>
              </div>
            ))}
          <ol className="suggestions-panel__list" aria-label="Pending suggestions, in text order">
            {list.map((s) => (
              <SuggestionItem key={s.id} s={s} resolve={resolve} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
});
