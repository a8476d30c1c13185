import { useEffect, useId, useState } from 'react';
import type { Author } from '../../../common/domain';
import { useClient } from '../../api/ClientContext';

interface Props {
  exclude: string[];
  onPick: (author: Author) => void;
}

/** A searchable list of existing authors (a combobox: type, arrow keys, Enter). */
export function AuthorPicker({ exclude, onPick }: Props) {
  const client = useClient();
  const id = useId();
  const [text, setText] = useState('');
  const [found, setFound] = useState<Author[]>([]);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);

  const excluded = exclude.join(',');
  useEffect(() => {
    if (!open) return;
    let live = true;
    const t = setTimeout(() => {
      client.call('authors.list', { search: text.trim() || undefined, limit: 50 }).then(
        (list) => {
          if (!live) return;
          setFound(list.filter((a) => !excluded.split(',').includes(a.id)));
          setActive(0);
        },
        () => live && setFound([]),
      );
    }, 120);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [client, text, open, excluded]);

  const pick = (a: Author) => {
    onPick(a);
    setText('');
    setOpen(false);
  };
  const listId = `${id}-list`;
  return (
    <div className="author-picker">
      <label htmlFor={`${id}-input`}>Add an existing author</label>
      <input
        id={`${id}-input`}
        className="input"
        role="combobox"
        aria-expanded={open && found.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && found[active] ? `${id}-opt-${found[active].id}` : undefined}
        placeholder="Search by name or organisation"
        value={text}
        maxLength={200}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
            setActive((i) => Math.min(i + 1, found.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((i) => Math.max(i - 1, 0));
          } else if (e.key === 'Enter' && open && found[active]) {
            e.preventDefault();
            pick(found[active]);
          } else if (e.key === 'Escape') setOpen(false);
        }}
      />
      {open && found.length > 0 && (
        <ul id={listId} role="listbox" className="author-picker__list" aria-label="Authors">
          {found.map((a, i) => (
            <li
              key={a.id}
              id={`${id}-opt-${a.id}`}
              role="option"
              aria-selected={i === active}
              className="author-picker__option"
              onMouseDown={(e) => {
                e.preventDefault();
                pick(a);
              }}
            >
              <strong>{a.name}</strong>
              {(a.role || a.organisation) && <span className="muted"> {[a.role, a.organisation].filter(Boolean).join(', ')}</span>}
            </li>
          ))}
        </ul>
      )}
      {open && text.trim() && found.length === 0 && <p className="muted">No author matches “{text.trim()}”. Add them as a new author.</p>}
    </div>
  );
}
