import { useEffect, useId, useRef, useState } from 'react';
import { useClient } from '../../api/ClientContext';
import { runExport, type ExportTargetInput } from './run-export';
import './export.css';

/** What is exported: one draft (page, fragment or WXR) or a whole series (its folder). */
export type ExportSubject = { kind: 'post'; id: string; title: string } | { kind: 'series'; id: string; title: string };

type PostFormat = 'page' | 'fragment' | 'wxr';

const POST_FORMATS: { value: PostFormat; label: string; hint: string }[] = [
  { value: 'page', label: 'Standalone page', hint: 'One valid HTML page with its own small stylesheet; pictures go in assets/ beside it.' },
  { value: 'fragment', label: 'CMS fragment', hint: 'The body and footnotes only, to paste into WordPress, Ghost or any CMS.' },
  { value: 'wxr', label: 'WordPress WXR', hint: 'The post with its approved comments, for WordPress’s importer (Tools › Import).' },
];

/** The export the CLI's missing-alt refusal names; offered again with force. */
const MISSING_ALT = /no alt text/;

function targetFor(subject: ExportSubject, format: PostFormat, withComments: boolean, force: boolean): ExportTargetInput {
  if (subject.kind === 'series') return { kind: 'series', series: { id: subject.id }, withComments, force };
  const post = { id: subject.id };
  if (format === 'page') return { kind: 'page', post, withComments, force };
  if (format === 'fragment') return { kind: 'fragment', post, force };
  return { kind: 'wxr', post };
}

/**
 * Export… : the same files as `workbench export`, `export-series` and `export-wxr`, saved through
 * the system's dialog in the desktop app or downloaded in the browser.
 */
export interface ExportDialogProps {
  subject: ExportSubject;
  onClose: () => void;
  /** Runs before each export: the draft saves what is on screen, so the export has it. */
  beforeExport?: () => Promise<void>;
}

export function ExportDialog({ subject, onClose, beforeExport }: ExportDialogProps) {
  const client = useClient();
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [format, setFormat] = useState<PostFormat>('page');
  const [withComments, setWithComments] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const run = async (force: boolean) => {
    setBusy(true);
    setError('');
    setNotice('');
    try {
      await beforeExport?.();
      const said = await runExport(client, targetFor(subject, format, withComments, force));
      setNotice(said ?? 'Nothing was saved.');
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const commentsApply = subject.kind === 'series' || format === 'page';
  return (
    <dialog ref={dialog} className="export-dialog" aria-labelledby={`${id}-title`} aria-busy={busy} onClose={onClose}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void run(false);
        }}
      >
        <h2 id={`${id}-title`}>Export “{subject.title || 'Untitled draft'}”</h2>
        {subject.kind === 'post' ? (
          <fieldset className="export-dialog__formats">
            <legend>Format</legend>
            {POST_FORMATS.map((f) => (
              <label key={f.value} className="export-dialog__format">
                <input type="radio" name="format" value={f.value} checked={format === f.value} onChange={() => setFormat(f.value)} aria-describedby={`${id}-${f.value}`} />
                <span>
                  <span className="export-dialog__label">{f.label}</span>
                  <span className="export-dialog__hint" id={`${id}-${f.value}`}>
                    {f.hint}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
        ) : (
          <p className="export-dialog__intro">
            The series index and a page for each published or scheduled post, linked to each other, in one folder (a .zip when it downloads). Pictures go in
            assets/.
          </p>
        )}
        <label className="export-dialog__check">
          <input type="checkbox" checked={commentsApply && withComments} disabled={!commentsApply} onChange={(e) => setWithComments(e.target.checked)} aria-describedby={`${id}-comments`} />
          Include the approved comments
        </label>
        <p className="export-dialog__hint" id={`${id}-comments`}>
          {commentsApply
            ? 'Only comments a reviewer approved are published; pending, spam and trash never are.'
            : format === 'wxr'
              ? 'WXR always carries the approved comments.'
              : 'A fragment is the body only; comments belong to the page.'}
        </p>
        {error && (
          <div className="export-dialog__error" role="alert">
            <p>{error}</p>
            {MISSING_ALT.test(error) && (
              <button type="button" className="button" disabled={busy} onClick={() => void run(true)}>
                Export anyway, pictures marked decorative
              </button>
            )}
          </div>
        )}
        <p className="export-dialog__notice" role="status" aria-live="polite">
          {busy ? 'Exporting…' : notice}
        </p>
        <div className="export-dialog__actions">
          <button type="button" className="button" onClick={() => dialog.current?.close()}>
            {notice ? 'Done' : 'Cancel'}
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            Export
          </button>
        </div>
      </form>
    </dialog>
  );
}
