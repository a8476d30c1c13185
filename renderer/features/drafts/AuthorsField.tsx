import { useState } from 'react';
import type { Author } from '../../../common/domain';
import { useClient } from '../../api/ClientContext';
import { AuthorForm, type AuthorDetails } from './AuthorForm';
import { AuthorPicker } from './AuthorPicker';

interface Props {
  authors: Author[];
  onChange: (authors: Author[]) => void;
}

const EMPTY: AuthorDetails = { name: '', role: '', organisation: '', bio: '' };

/** The guest authors of the post, in byline order: pick, add, correct, reorder, remove. */
export function AuthorsField({ authors, onChange }: Props) {
  const client = useClient();
  const [editing, setEditing] = useState<string | 'new' | null>(null);

  const move = (i: number, by: number) => {
    const next = [...authors];
    const [a] = next.splice(i, 1);
    next.splice(i + by, 0, a);
    onChange(next);
  };
  const create = async (d: AuthorDetails) => {
    const a = await client.call('authors.create', d);
    onChange([...authors, a]);
    setEditing(null);
  };
  const update = async (id: string, d: AuthorDetails) => {
    const a = await client.call('authors.update', { id, ...d });
    onChange(authors.map((x) => (x.id === id ? a : x)));
    setEditing(null);
  };

  return (
    <fieldset className="meta-field authors-field">
      <legend>Guest authors</legend>
      {authors.length === 0 && <p className="muted">No author yet. Pick one below or add a new one.</p>}
      <ol className="authors-field__list" aria-label="Byline">
        {authors.map((a, i) => (
          <li key={a.id} className="authors-field__item">
            {editing === a.id ? (
              <AuthorForm initial={a} submitLabel="Save author" onSubmit={(d) => update(a.id, d)} onCancel={() => setEditing(null)} />
            ) : (
              <>
                <div>
                  <strong>{a.name}</strong>
                  {(a.role || a.organisation) && <div className="muted">{[a.role, a.organisation].filter(Boolean).join(', ')}</div>}
                  {a.bio && <div className="authors-field__bio">{a.bio}</div>}
                </div>
                <div className="authors-field__actions">
                  <button type="button" className="button" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move ${a.name} up`}>
                    ↑
                  </button>
                  <button type="button" className="button" disabled={i === authors.length - 1} onClick={() => move(i, 1)} aria-label={`Move ${a.name} down`}>
                    ↓
                  </button>
                  <button type="button" className="button" onClick={() => setEditing(a.id)} aria-label={`Edit ${a.name}`}>
                    Edit
                  </button>
                  <button type="button" className="button button--danger" onClick={() => onChange(authors.filter((x) => x.id !== a.id))} aria-label={`Remove ${a.name}`}>
                    Remove
                  </button>
                </div>
              </>
            )}
          </li>
        ))}
      </ol>
      {editing === 'new' ? (
        <AuthorForm initial={EMPTY} submitLabel="Add author" onSubmit={create} onCancel={() => setEditing(null)} />
      ) : (
        <>
          <AuthorPicker exclude={authors.map((a) => a.id)} onPick={(a) => onChange([...authors, a])} />
          <button type="button" className="button" onClick={() => setEditing('new')}>
            New author…
          </button>
        </>
      )}
    </fieldset>
  );
}
