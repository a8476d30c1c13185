import { useId, useState } from 'react';
import type { Author } from '../../../common/domain';
import { FormActions } from '../../shell/FormActions';

export type AuthorDetails = Pick<Author, 'name' | 'role' | 'organisation' | 'bio'>;

interface Props {
  initial: AuthorDetails;
  submitLabel: string;
  onSubmit: (details: AuthorDetails) => Promise<void>;
  onCancel: () => void;
}

/** Name, role, organisation and short bio of a guest author, for adding or correcting one. */
export function AuthorForm({ initial, submitLabel, onSubmit, onCancel }: Props) {
  const id = useId();
  const [d, setD] = useState(initial);
  const [error, setError] = useState('');
  const field = (key: keyof AuthorDetails, label: string, max: number) => (
    <label className="meta-field__stack" htmlFor={`${id}-${key}`}>
      {label}
      {key === 'bio' ? (
        <textarea id={`${id}-${key}`} className="textarea" rows={3} maxLength={max} value={d[key]} onChange={(e) => setD({ ...d, [key]: e.target.value })} />
      ) : (
        <input id={`${id}-${key}`} className="input" maxLength={max} value={d[key]} onChange={(e) => setD({ ...d, [key]: e.target.value })} />
      )}
    </label>
  );
  return (
    <form
      className="author-form"
      aria-label={submitLabel}
      onSubmit={(e) => {
        e.preventDefault();
        if (!d.name.trim()) return setError('An author needs a name.');
        onSubmit({ ...d, name: d.name.trim() }).catch((err: Error) => setError(err.message));
      }}
    >
      {field('name', 'Name', 200)}
      {field('role', 'Role', 200)}
      {field('organisation', 'Organisation', 200)}
      {field('bio', 'Short bio', 2000)}
      <FormActions error={error} submitLabel={submitLabel} onCancel={onCancel} className="meta-field__row" />
    </form>
  );
}
