import { memo, useState } from 'react';
import type { Tag } from '../../../common/api/comments';
import { useClient } from '../../api/ClientContext';

/** The team's annotation vocabulary: add, rename and remove tags (annotations keep their notes). */
export const TagManager = memo(function TagManager({ tags, onChanged }: { tags: Tag[]; onChanged: () => void }) {
  const client = useClient();
  const [name, setName] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState('');

  const run = async (f: () => Promise<unknown>) => {
    try {
      await f();
      setError('');
      onChanged();
      return true;
    } catch (e) {
      setError((e as Error).message);
      return false;
    }
  };

  return (
    <details className="tags">
      <summary>Team tags ({tags.length})</summary>
      <ul className="tags__list">
        {tags.map((t) => (
          <li key={t.id}>
            {editing === t.id ? (
              <form
                className="tags__row"
                onSubmit={async (e) => {
                  e.preventDefault();
                  if (await run(() => client.call('tags.update', { id: t.id, name: draft }))) setEditing(null);
                }}
              >
                <label className="visually-hidden" htmlFor={`tag-${t.id}`}>
                  New name for {t.name}
                </label>
                <input id={`tag-${t.id}`} value={draft} onChange={(e) => setDraft(e.target.value)} autoFocus />
                <button type="submit" className="button">Save</button>
                <button type="button" className="button" onClick={() => setEditing(null)}>Cancel</button>
              </form>
            ) : (
              <span className="tags__row">
                <span className="tags__name">{t.name}</span>
                <button type="button" className="button" onClick={() => (setEditing(t.id), setDraft(t.name))}>
                  Rename<span className="visually-hidden"> {t.name}</span>
                </button>
                <button type="button" className="button button--danger" onClick={() => void run(() => client.call('tags.delete', { id: t.id }))}>
                  Remove<span className="visually-hidden"> {t.name}</span>
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
      <form
        className="tags__row"
        onSubmit={async (e) => {
          e.preventDefault();
          if (await run(() => client.call('tags.create', { name }))) setName('');
        }}
      >
        <label>
          New tag <input value={name} onChange={(e) => setName(e.target.value)} maxLength={60} />
        </label>
        <button type="submit" className="button" disabled={!name.trim()}>
          Add tag
        </button>
      </form>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </details>
  );
});
