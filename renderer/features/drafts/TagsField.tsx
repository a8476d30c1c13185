import { useId, useState } from 'react';

/** Tags as removable chips; Enter or a comma adds what was typed. */
export function TagsField({ tags, onChange }: { tags: string[]; onChange: (tags: string[]) => void }) {
  const id = useId();
  const [text, setText] = useState('');
  const add = () => {
    const fresh = text
      .split(',')
      .map((t) => t.trim().slice(0, 60))
      .filter((t) => t && !tags.some((x) => x.toLowerCase() === t.toLowerCase()));
    setText('');
    if (fresh.length) onChange([...tags, ...fresh].slice(0, 50));
  };
  return (
    <div className="meta-field">
      <label htmlFor={`${id}-tag`}>Tags</label>
      {tags.length > 0 && (
        <ul className="chips" aria-label="Tags">
          {tags.map((t) => (
            <li key={t} className="chip">
              {t}
              <button type="button" className="chip__remove" aria-label={`Remove tag ${t}`} onClick={() => onChange(tags.filter((x) => x !== t))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="meta-field__row">
        <input
          id={`${id}-tag`}
          className="input"
          value={text}
          maxLength={200}
          placeholder="Add a tag"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ',') {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" className="button" onClick={add} disabled={!text.trim()}>
          Add
        </button>
      </div>
    </div>
  );
}
