import { useId, useState, type FormEvent } from 'react';
import { MAX_FOOTNOTE_LENGTH } from '../../../common/editor/nodes';
import { FormActions } from '../../shell/FormActions';

interface Props {
  initial: string;
  submitLabel: string;
  onSubmit: (note: string) => void;
  onCancel: () => void;
}

export function FootnoteForm({ initial, submitLabel, onSubmit, onCancel }: Props) {
  const id = useId();
  const [note, setNote] = useState(initial);
  const [error, setError] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    e.stopPropagation();
    if (!note.trim()) return setError('Write the note, or cancel.');
    onSubmit(note.trim());
  };
  return (
    <form className="ed-form" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <label className="field__label" htmlFor={`${id}-note`}>
        Footnote text
      </label>
      <textarea id={`${id}-note`} className="textarea" rows={3} maxLength={MAX_FOOTNOTE_LENGTH} value={note} autoFocus onChange={(e) => setNote(e.target.value)}
        onKeyDown={(e) => {
          // A note is a sentence or two: Enter adds it, Shift+Enter starts a new line.
          if (e.key === 'Enter' && !e.shiftKey) {
            e.preventDefault();
            e.currentTarget.form?.requestSubmit();
          }
        }}
      />
      <FormActions error={error} submitLabel={submitLabel} onCancel={onCancel} className="ed-form__actions" />
    </form>
  );
}
