import { useId, useState, type FormEvent } from 'react';
import { FormActions } from '../../shell/FormActions';

interface Props {
  initialAlt: string;
  initialCaption: string;
  submitLabel: string;
  onSubmit: (altText: string, caption: string) => void;
  onCancel: () => void;
}

/** Alt text (required: describes the image for people who cannot see it) and an optional caption. */
export function ImageDetailsForm({ initialAlt, initialCaption, submitLabel, onSubmit, onCancel }: Props) {
  const id = useId();
  const [alt, setAlt] = useState(initialAlt);
  const [caption, setCaption] = useState(initialCaption);
  const [error, setError] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    e.stopPropagation();
    if (!alt.trim()) {
      setError('Alt text is required: describe what the image shows.');
      return;
    }
    onSubmit(alt.trim().slice(0, 1000), caption.trim().slice(0, 2000));
  };
  return (
    <form className="ed-form" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <label className="field" htmlFor={`${id}-alt`}>
        <span className="field__label">Alt text (required)</span>
      </label>
      <input id={`${id}-alt`} className="input" value={alt} autoFocus aria-invalid={!!error} aria-describedby={error ? `${id}-err` : undefined} onChange={(e) => setAlt(e.target.value)} />
      <label className="field" htmlFor={`${id}-caption`}>
        <span className="field__label">Caption (optional)</span>
      </label>
      <input id={`${id}-caption`} className="input" value={caption} onChange={(e) => setCaption(e.target.value)} />
      <FormActions error={error} errorId={`${id}-err`} submitLabel={submitLabel} onCancel={onCancel} className="ed-form__actions" />
    </form>
  );
}
