import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';

export interface FilterOption {
  value: string;
  label: string;
}

interface Props {
  label: string;
  options: FilterOption[];
  selected: readonly string[];
  onChange: (next: string[]) => void;
}

/**
 * One planning filter as a multi-select combobox (the ARIA 1.2 pattern): type to narrow the list,
 * Up and Down to move, Enter to tick or untick, Escape to close; what is chosen shows as chips, each
 * with its own remove button, and Backspace in the empty box removes the last. The list is rendered
 * only while open, so 300 guest authors cost nothing while the calendar changes month.
 */
export function FilterCombobox({ label, options, selected, onChange }: Props) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const chosen = new Set(selected);
  const labels = useMemo(() => new Map(options.map((o) => [o.value, o.label])), [options]);
  const shown = useMemo(() => {
    const q = query.trim().toLocaleLowerCase();
    return q ? options.filter((o) => o.label.toLocaleLowerCase().includes(q)) : options;
  }, [options, query]);
  const current = shown[Math.min(active, shown.length - 1)];

  const toggle = (value: string) => onChange(chosen.has(value) ? selected.filter((v) => v !== value) : [...selected, value]);
  const show = (index: number) => {
    setOpen(true);
    setActive(Math.max(0, Math.min(index, shown.length - 1)));
    // The active option is announced through aria-activedescendant; keep it in sight too.
    requestAnimationFrame(() => document.getElementById(`${id}-opt-${Math.max(0, Math.min(index, shown.length - 1))}`)?.scrollIntoView({ block: 'nearest' }));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      show(open ? active + (e.key === 'ArrowDown' ? 1 : -1) : 0);
    } else if ((e.key === 'Enter' || (e.key === ' ' && query === '')) && open && current) {
      e.preventDefault();
      toggle(current.value);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      setOpen(false);
    } else if (e.key === 'Backspace' && query === '' && selected.length) {
      onChange(selected.slice(0, -1));
    } else if (e.key === 'Home' && open) {
      e.preventDefault();
      show(0);
    } else if (e.key === 'End' && open) {
      e.preventDefault();
      show(shown.length - 1);
    }
  };

  return (
    <div className="filter-combo">
      <label htmlFor={`${id}-input`} className="filter-combo__label">
        {label}
        {selected.length > 0 && <span className="visually-hidden">, {selected.length} chosen</span>}
      </label>
      <div className="filter-combo__box">
        <input
          ref={input}
          id={`${id}-input`}
          className="input filter-combo__input"
          role="combobox"
          aria-expanded={open}
          aria-controls={`${id}-list`}
          aria-autocomplete="list"
          aria-activedescendant={open && current ? `${id}-opt-${shown.indexOf(current)}` : undefined}
          autoComplete="off"
          placeholder={selected.length ? 'Add…' : 'Any'}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
            setOpen(true);
          }}
          onKeyDown={onKeyDown}
          onClick={() => setOpen(!open)}
          onBlur={() => setOpen(false)}
        />
        <ul id={`${id}-list`} role="listbox" aria-multiselectable="true" aria-label={label} className="filter-combo__list" hidden={!open || shown.length === 0}>
          {open &&
            shown.map((o, i) => (
              <li
                key={o.value}
                id={`${id}-opt-${i}`}
                role="option"
                aria-selected={chosen.has(o.value)}
                className={`filter-combo__option${o === current ? ' is-active' : ''}`}
                // Keep the focus in the box, so the list stays open for the next choice.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => {
                  setActive(i);
                  toggle(o.value);
                  input.current?.focus();
                }}
              >
                <span className="filter-combo__tick" aria-hidden="true">
                  {chosen.has(o.value) ? '☑' : '☐'}
                </span>
                {o.label}
              </li>
            ))}
        </ul>
        {open && shown.length === 0 && (
          <p className="filter-combo__list filter-combo__empty" role="status">
            Nothing matches “{query}”.
          </p>
        )}
      </div>
      {selected.length > 0 && (
        <ul className="filter-combo__chips" aria-label={`${label}: chosen`}>
          {selected.map((v) => (
            <li key={v} className="filter-combo__chip">
              <span>{labels.get(v) ?? v}</span>
              <button type="button" className="filter-combo__remove" aria-label={`Remove ${labels.get(v) ?? v} from ${label}`} onClick={() => onChange(selected.filter((x) => x !== v))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
