import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { useClient } from '../../api/ClientContext';
import { navigate } from '../../shell/router';
import { useSaverField, type DraftSaver } from './useDraftSaver';

interface Props {
  saver: DraftSaver;
  fields: RefObject<{ title: string; standfirst: string }>;
  onReload: () => void;
}

/**
 * Shown when another window saved this draft first. Nothing is overwritten: the user either takes
 * the stored version (this window's unsaved edits are dropped) or keeps this window's text as a
 * new draft.
 */
export function DraftConflictDialog({ saver, fields, onReload }: Props) {
  const client = useClient();
  const phase = useSaverField(saver, 'phase');
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const open = phase.kind === 'conflict';

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  const keepCopy = async () => {
    setBusy(true);
    setError('');
    try {
      const body = saver.unsavedBody();
      const title = fields.current.title.trim() || 'Untitled draft';
      const copy = await client.call('posts.create', {
        title: `${title} (my copy)`.slice(0, 300),
        standfirst: fields.current.standfirst,
        ...(body ? { body } : {}),
      });
      navigate('drafts', copy.id);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={dialog} className="draft-conflict" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`} onCancel={(e) => e.preventDefault()}>
      <h2 id={`${id}-title`}>This draft was changed in another window</h2>
      <p id={`${id}-desc`}>
        {phase.kind === 'conflict' ? phase.reason : ''} Your latest changes in this window are not saved yet. Choose what to keep:
      </p>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <div className="draft-conflict__actions">
        <button type="button" className="button button--primary" disabled={busy} onClick={() => void keepCopy()}>
          Keep mine as a copy
        </button>
        <button type="button" className="button" disabled={busy} onClick={onReload}>
          Reload their version
        </button>
      </div>
    </dialog>
  );
}
