import { useEffect, useId, useState } from 'react';

/** A date that is stored when the person leaves the field or presses Enter, and can be cleared. */
export function MetaDateField({ label, value, onCommit }: { label: string; value: string | null; onCommit: (date: string | null) => void }) {
  const id = useId();
  const [draft, setDraft] = useState(value ?? '');
  useEffect(() => setDraft(value ?? ''), [value]);
  const commit = (next: string) => {
    const v = next || null;
    if (v !== value && (v === null || /^\d{4}-\d{2}-\d{2}$/.test(v))) onCommit(v);
  };
  return (
    <div className="meta-field">
      <label htmlFor={id}>{label}</label>
      <div className="meta-field__row">
        <input
          id={id}
          className="input"
          type="date"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => commit(draft)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              commit(draft);
            }
          }}
        />
        {draft && (
          <button
            type="button"
            className="button"
            aria-label={`Clear ${label.toLowerCase()}`}
            onClick={() => {
              setDraft('');
              commit('');
            }}
          >
            Clear
          </button>
        )}
      </div>
    </div>
  );
}
