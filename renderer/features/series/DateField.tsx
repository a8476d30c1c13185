import { useEffect, useState } from 'react';

/**
 * A date input that saves when the person is done (leaving the field or pressing Enter), not on
 * every keystroke: typing a year digit by digit would otherwise save 0002, 0020, 0202 on the way.
 */
export function DateField({ label, value, onCommit, hideLabel = false }: { label: string; value: string | null; onCommit: (date: string | null) => void; hideLabel?: boolean }) {
  const [draft, setDraft] = useState(value ?? '');
  useEffect(() => setDraft(value ?? ''), [value]);
  const commit = () => {
    const next = draft || null;
    if (next !== value && (next === null || /^\d{4}-\d{2}-\d{2}$/.test(next))) onCommit(next);
  };
  return (
    <label className="series-row__field">
      <span className={hideLabel ? 'visually-hidden' : undefined}>{label}</span>
      <input
        className="input"
        type="date"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          }
        }}
      />
    </label>
  );
}
