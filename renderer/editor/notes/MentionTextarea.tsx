import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { Mentionable } from '../../../common/api/notes';
import { mentionQueryAt, type Mention } from '../../../common/notes/mentions';
import { useClient } from '../../api/ClientContext';

interface Props {
  label: string;
  /** Shown to screen readers only when true (the reply and edit boxes). */
  hiddenLabel?: boolean;
  value: string;
  onChange: (text: string) => void;
  picked: Mention[];
  onPick: (picked: Mention[]) => void;
  rows?: number;
  placeholder?: string;
  autoFocus?: boolean;
  /** Escape with the member list closed (the new-note box closes itself). */
  onEscape?: () => void;
  textareaRef?: RefObject<HTMLTextAreaElement | null>;
}

let cached: Promise<Mentionable> | null = null;

/**
 * A note's text box that offers the workspace's members after `@` (an ARIA combobox with its
 * listbox): arrows move, Enter or Tab picks, Escape closes, a click picks too. The pick is shown
 * as `@Name` and remembered, so sending stores the member's id (common/notes/mentions.ts).
 */
export function MentionTextarea({ label, hiddenLabel, value, onChange, picked, onPick, rows = 2, placeholder, autoFocus, onEscape, textareaRef }: Props) {
  const client = useClient();
  const id = useId();
  const own = useRef<HTMLTextAreaElement>(null);
  const ref = textareaRef ?? own;
  const [people, setPeople] = useState<Mentionable | null>(null);
  const [query, setQuery] = useState<{ start: number; query: string } | null>(null);
  const [index, setIndex] = useState(0);
  const caretAfterPick = useRef<number | null>(null);

  // The caret goes after a picked name in the commit that shows the name, before the next key is
  // handled: placed a frame later, a key typed meanwhile was already in, and the caret landed
  // before it ("@Gus Guest ow many…h").
  useLayoutEffect(() => {
    const at = caretAfterPick.current;
    if (at === null) return;
    caretAfterPick.current = null;
    ref.current?.setSelectionRange(at, at);
  }, [value, ref]);

  useEffect(() => {
    // The members change rarely: asked once a window, again after a failure.
    cached ??= client.call('notes.mentionable', {});
    void cached.then(setPeople, () => (cached = null));
  }, [client]);

  const q = query?.query.toLowerCase() ?? '';
  const options = query && people ? people.people.filter((p) => p.name.toLowerCase().split(/\s+/).some((w) => w.startsWith(q)) || p.name.toLowerCase().startsWith(q)).slice(0, 8) : [];
  const open = query !== null && options.length > 0;
  const active = Math.min(index, Math.max(0, options.length - 1));

  const look = (text: string, caret: number) => {
    const found = mentionQueryAt(text, caret);
    setQuery(found);
    if (found?.query !== query?.query) setIndex(0);
  };

  const pick = (m: Mention) => {
    if (!query) return;
    const caret = ref.current?.selectionStart ?? value.length;
    const insert = `@${m.name} `;
    const next = value.slice(0, query.start) + insert + value.slice(caret);
    onChange(next);
    onPick([...picked.filter((p) => p.id !== m.id), { id: m.id, name: m.name }]);
    setQuery(null);
    caretAfterPick.current = query.start + insert.length;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (open && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      setIndex((active + (e.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length);
    } else if (open && (e.key === 'Enter' || e.key === 'Tab') && !e.shiftKey) {
      e.preventDefault();
      pick(options[active]);
    } else if (e.key === 'Escape') {
      if (query) {
        e.preventDefault();
        e.stopPropagation();
        setQuery(null);
      } else onEscape?.();
    }
  };

  const hint = people && !people.workspace && people.people.length === 0 ? 'Mentions offer the people of a team workspace, or the people kept in Planning → People.' : '';
  return (
    <div className="mention-box">
      <label htmlFor={`${id}-t`} className={hiddenLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <textarea
        id={`${id}-t`}
        ref={ref}
        className="input"
        rows={rows}
        placeholder={placeholder}
        autoFocus={autoFocus}
        value={value}
        role="combobox"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={open ? `${id}-o${active}` : undefined}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => {
          onChange(e.target.value);
          look(e.target.value, e.target.selectionStart);
        }}
        onKeyDown={onKeyDown}
        onClick={(e) => look(value, e.currentTarget.selectionStart)}
        onBlur={() => setTimeout(() => setQuery(null), 150)}
      />
      <ul id={`${id}-list`} role="listbox" aria-label="Members to mention" className="mention-box__list" hidden={!open}>
        {options.map((p, i) => (
          <li
            key={p.id}
            id={`${id}-o${i}`}
            role="option"
            aria-selected={i === active}
            className={`mention-box__option${i === active ? ' mention-box__option--active' : ''}`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(p)}
          >
            {p.name}
            {p.role && <span className="mention-box__role"> {p.role}</span>}
          </li>
        ))}
      </ul>
      {hint && (
        <p id={`${id}-hint`} className="note__meta">
          {hint}
        </p>
      )}
    </div>
  );
}
