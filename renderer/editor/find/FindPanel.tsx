import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { HISTORY_PUSH_TAG } from 'lexical';
import { $findMatches, $replaceAll, $replaceMatch, type Match } from './find-matches';
import { clearMatches, paintMatches, toRange } from './highlight';
import './find.css';

interface Props {
  showReplace: boolean;
  onClose: () => void;
}

const REFRESH_MS = 150;

/** Find (Ctrl+F) and replace (Ctrl+H) in the draft. */
export function FindPanel({ showReplace, onClose }: Props) {
  const [editor] = useLexicalComposerContext();
  const id = useId();
  const [query, setQuery] = useState('');
  const [replacement, setReplacement] = useState('');
  const [matchCase, setMatchCase] = useState(false);
  const [wholeWord, setWholeWord] = useState(false);
  const [matches, setMatches] = useState<Match[]>([]);
  const [current, setCurrent] = useState(0);
  const [note, setNote] = useState('');
  const findInput = useRef<HTMLInputElement>(null);
  const options = { matchCase, wholeWord };

  const search = useCallback(() => {
    const found = editor.getEditorState().read(() => $findMatches(query, { matchCase, wholeWord }));
    setMatches(found);
    setCurrent((c) => (found.length === 0 ? 0 : Math.min(c, found.length - 1)));
  }, [editor, query, matchCase, wholeWord]);

  useEffect(() => {
    findInput.current?.focus();
    findInput.current?.select();
  }, [showReplace]);

  useEffect(() => {
    const t = setTimeout(search, REFRESH_MS);
    return () => clearTimeout(t);
  }, [search]);

  // Keep matches current while the text changes under an open panel.
  useEffect(() => {
    let t: ReturnType<typeof setTimeout> | null = null;
    const off = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      if (t) clearTimeout(t);
      t = setTimeout(search, REFRESH_MS);
    });
    return () => {
      off();
      if (t) clearTimeout(t);
    };
  }, [editor, search]);

  useEffect(() => {
    paintMatches(editor, matches, current);
    const r = matches[current] ? toRange(editor, matches[current]) : null;
    const el = r?.startContainer.parentElement;
    el?.scrollIntoView({ block: 'center', behavior: 'auto' });
  }, [editor, matches, current]);

  useEffect(() => clearMatches, []);

  const step = (delta: number) => {
    if (matches.length === 0) return;
    setCurrent((c) => (c + delta + matches.length) % matches.length);
  };

  const replaceOne = () => {
    const m = matches[current];
    if (!m) return;
    editor.update(
      () => {
        $replaceMatch(m, replacement);
      },
      { tag: HISTORY_PUSH_TAG, onUpdate: search },
    );
    setNote('Replaced 1.');
  };

  const replaceAll = () => {
    let count = 0;
    // One update is one undo step: Ctrl+Z brings every replaced match back at once.
    editor.update(
      () => {
        count = $replaceAll(query, options, replacement);
      },
      { tag: HISTORY_PUSH_TAG, onUpdate: () => {
        setNote(`Replaced ${count}.`);
        search();
      } },
    );
  };

  const close = () => {
    clearMatches();
    onClose();
    editor.focus();
  };

  const countText = query ? (matches.length === 0 ? 'No matches' : `${current + 1} of ${matches.length}`) : '';

  return (
    <div
      className="find-panel"
      role="search"
      aria-label={showReplace ? 'Find and replace' : 'Find'}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          close();
        }
      }}
    >
      <div className="find-panel__row">
        <label className="find-panel__label" htmlFor={`${id}-find`}>
          Find
        </label>
        <input
          id={`${id}-find`}
          ref={findInput}
          className="input find-panel__input"
          placeholder="Find"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setCurrent(0);
            setNote('');
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              step(e.shiftKey ? -1 : 1);
            }
          }}
        />
        <div className="find-panel__actions">
        <span className="find-panel__count" id={`${id}-count`} aria-live="polite">
          {countText}
        </span>
        <button type="button" className="button" onClick={() => step(-1)} disabled={!matches.length} title="Previous match (Shift+Enter)">
          Previous
        </button>
        <button type="button" className="button" onClick={() => step(1)} disabled={!matches.length} title="Next match (Enter)">
          Next
        </button>
        <label className="find-panel__option">
          <input type="checkbox" checked={matchCase} onChange={(e) => setMatchCase(e.target.checked)} /> Match case
        </label>
        <label className="find-panel__option">
          <input type="checkbox" checked={wholeWord} onChange={(e) => setWholeWord(e.target.checked)} /> Whole word
        </label>
        <button type="button" className="button" onClick={close} aria-label="Close find">
          Close
        </button>
        </div>
      </div>
      {showReplace && (
        <div className="find-panel__row">
          <label className="find-panel__label" htmlFor={`${id}-replace`}>
            Replace with
          </label>
          <input id={`${id}-replace`} className="input find-panel__input" value={replacement} onChange={(e) => setReplacement(e.target.value)} />
          <div className="find-panel__actions">
          {/* Disabled with nothing found: the count beside Find says so ("No matches"). */}
          <button type="button" className="button" onClick={replaceOne} disabled={!matches.length} aria-describedby={query ? `${id}-count` : undefined}>
            Replace
          </button>
          <button type="button" className="button" onClick={replaceAll} disabled={!matches.length}>
            Replace all
          </button>
          <span className="find-panel__count" role="status">
            {note}
          </span>
          </div>
        </div>
      )}
    </div>
  );
}
