import { useEffect, useId, useRef, useState } from 'react';
import type { ImportInspection, ImportJob, ImportPreview, ImportSummary } from '../../../../common/api/imports';
import { IMPORT_FORMATS, type ImportFormat, type PostSummary } from '../../../../common/domain';
import { useClient } from '../../../api/ClientContext';
import { CsvMapping, type CsvColumns } from './CsvMapping';
import { FileChooser } from './FileChooser';
import { ImportPreviewView } from './ImportPreviewView';
import { ImportProgressView } from './ImportProgressView';
import { defaultedStatusText } from '../../../../common/import-notes';
import { CSV_FIELD_LABELS, FORMAT_LABELS, plural } from './labels';
import { uploadFile } from './upload';
import './import.css';
import { statusLabel } from '../../../../common/series/workflow';

type FileRef = { uploadId: string } | { path: string };
type Step = 'choose' | 'options' | 'preview' | 'running' | 'done';

interface Props {
  onClose: () => void;
  onImported: (summary: ImportSummary) => void;
}

/**
 * Import reader comments: choose a file (upload in browser mode, the native dialog in the desktop
 * app), set format, post and CSV columns, look at a preview that writes nothing, confirm, watch
 * progress (Cancel leaves the database unchanged), see the result.
 */
export function ImportCommentsDialog({ onClose, onImported }: Props) {
  const client = useClient();
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [step, setStep] = useState<Step>('choose');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [desktop, setDesktop] = useState(false);
  const [file, setFile] = useState<FileRef | null>(null);
  const [info, setInfo] = useState<ImportInspection | null>(null);
  const [format, setFormat] = useState<ImportFormat | ''>('');
  const [posts, setPosts] = useState<PostSummary[]>([]);
  const [postSlug, setPostSlug] = useState('');
  const [columns, setColumns] = useState<CsvColumns>({});
  const [dateOrder, setDateOrder] = useState<'dmy' | 'mdy'>('dmy');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [job, setJob] = useState<ImportJob | null>(null);

  useEffect(() => {
    dialog.current?.showModal();
    client.call('desktop.capabilities', {}).then((c) => setDesktop(c.available), () => setDesktop(false));
    client.call('posts.list', { limit: 5000 }).then(setPosts, () => setPosts([]));
  }, [client]);

  // Poll a running job; the server keeps serving requests between chunks of the file.
  useEffect(() => {
    if (step !== 'running' || !job || job.state !== 'running') return;
    const timer = setTimeout(async () => {
      try {
        const next = await client.call('imports.progress', { jobId: job.jobId });
        setJob(next);
        if (next.state === 'done' && next.summary) setStep('done'); else if (next.state !== 'running') {
          setError(next.error?.message ?? 'The import stopped.');
          setStep('preview');
        }
      } catch (e) {
        setError((e as Error).message);
      }
    }, 250);
    return () => clearTimeout(timer);
  }, [client, job, step]);

  // A CSV whose Post column is mapped names each comment's post itself: no post to choose then.
  const needsPost = format === 'text' || format === 'json' || (format === 'csv' && !columns.post);
  // JSON from `workbench comments --json` usually names its posts; the choice is for those that do not.
  const postOptional = format === 'json';
  const options = () => ({
    file: file!,
    format: (format || 'auto') as ImportFormat | 'auto',
    ...(postSlug && needsPost ? { postSlug } : {}),
    ...(format === 'csv' ? { csv: { columns, dateOrder } } : {}),
  });

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError('');
    try {
      await fn();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const inspect = (ref: FileRef) =>
    run(async () => {
      const found = await client.call('imports.inspect', { file: ref });
      setFile(ref);
      setInfo(found);
      setFormat(found.format ?? '');
      setColumns(found.csv?.mapping ?? {});
      setPreview(null);
      setStep('options');
    });

  const chooseUpload = (f: File) =>
    run(async () => {
      const up = await uploadFile(f);
      await inspect({ uploadId: up.uploadId });
    });
  const chooseDesktop = () =>
    run(async () => {
      const r = await client.call('desktop.chooseFile', { title: 'Import comments', extensions: ['xml', 'csv', 'json', 'txt'] });
      if (r.path) await inspect({ path: r.path });
    });

  const showPreview = () => run(async () => {
    setPreview(await client.call('imports.preview', options()));
    setStep('preview');
  });
  const confirm = () => run(async () => {
    setJob(await client.call('imports.start', options()));
    setStep('running');
  });
  const cancel = () => job && run(async () => setJob(await client.call('imports.cancel', { jobId: job.jobId })));

  // The area refreshes once the dialog closes: a refresh may re-mount the header this dialog lives in.
  const close = () => {
    if (step === 'running') return;
    dialog.current?.close();
    onClose();
    if (step === 'done' && job?.summary) onImported(job.summary);
  };

  const blockedBy = previewBlockers({ format, needsPost: needsPost && !postOptional, postSlug, hasContent: !!columns.content, hasPosts: posts.length > 0 });

  return (
    <dialog ref={dialog} className="import-dialog" aria-labelledby={`${id}-title`} onCancel={(e) => {
      e.preventDefault();
      close();
    }}>
      <h2 id={`${id}-title`}>Import comments</h2>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}

      {step === 'choose' && <FileChooser busy={busy} onFile={chooseUpload} onDesktopChoose={desktop ? chooseDesktop : undefined} />}

      {(step === 'options' || step === 'preview') && info && (
        <div className="import-options">
          <p>
            <strong>{info.fileName}</strong> <span className="import-hint">({plural(info.size, 'byte')})</span>{' '}
            <button type="button" className="button button--link" onClick={() => setStep('choose')} disabled={busy}>
              Choose another file
            </button>
          </p>
          <label className="import-field">
            <span>Format</span>
            <select value={format} onChange={(e) => { setFormat(e.target.value as ImportFormat); setStep('options'); }} disabled={busy}>
              {!format && <option value="">Choose the format…</option>}
              {IMPORT_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {FORMAT_LABELS[f]}
                  {f === info.format ? ' (detected)' : ''}
                </option>
              ))}
            </select>
          </label>
          {format === 'csv' && columns.post && (
            <p className="import-hint" data-testid="import-post-from-column">
              Each comment goes to the post its “{columns.post}” column names (by slug or link); a post that does not exist yet is created.
            </p>
          )}
          {needsPost && (
            <label className="import-field">
              <span>{postOptional ? 'Attach comments that name no post to' : 'Attach to post'}</span>
              <select value={postSlug} onChange={(e) => { setPostSlug(e.target.value); setStep('options'); }} disabled={busy}>
                <option value="">Choose a post…</option>
                {posts.map((p) => (
                  <option key={p.id} value={p.slug}>
                    {p.title || p.slug} ({statusLabel(p.status)})
                  </option>
                ))}
              </select>
            </label>
          )}
          {format === 'csv' && info.csv && (
            <CsvMapping headers={info.csv.headers} columns={columns} dateOrder={dateOrder} onChange={(c, d) => { setColumns(c); setDateOrder(d); setStep('options'); }} />
          )}
        </div>
      )}

      {step === 'preview' && preview && <ImportPreviewView preview={preview} />}
      {step === 'running' && job && <ImportProgressView job={job} />}
      {step === 'done' && job?.summary && (
        <p className="import-done" role="status">
          Imported {plural(job.summary.comments.imported, 'new comment')}; {job.summary.comments.updated.toLocaleString()} updated, {job.summary.comments.unchanged.toLocaleString()} unchanged.
          {(job.summary.defaultedStatus ?? []).map((d) => ` ${defaultedStatusText(d, 'after')}.`).join('')}
        </p>
      )}

      <div className="import-actions">
        {step === 'options' && blockedBy.length > 0 && (
          <p id={`${id}-blocked`} className="import-blocked" data-testid="import-blocked">
            To preview: {blockedBy.join(' ')}
          </p>
        )}
        {step === 'options' && (
          <button
            type="button"
            className="button button--primary"
            onClick={showPreview}
            disabled={busy || blockedBy.length > 0}
            aria-describedby={blockedBy.length > 0 ? `${id}-blocked` : undefined}
          >
            Preview
          </button>
        )}
        {step === 'preview' && (
          <button type="button" className="button button--primary" onClick={confirm} disabled={busy}>
            Import {preview ? plural(preview.comments.imported + preview.comments.updated, 'comment') : ''}
          </button>
        )}
        {step === 'running' ? (
          <button type="button" className="button button--danger" onClick={cancel} disabled={busy || job?.state !== 'running'}>
            Cancel import
          </button>
        ) : (
          <button type="button" className="button" onClick={close}>
            {step === 'done' ? 'Close' : 'Cancel'}
          </button>
        )}
      </div>
    </dialog>
  );
}

/** Why Preview cannot run yet, each reason a sentence the user can act on; empty when it can. */
export function previewBlockers(o: { format: ImportFormat | ''; needsPost: boolean; postSlug: string; hasContent: boolean; hasPosts: boolean }): string[] {
  const why: string[] = [];
  if (!o.format) why.push('choose the file’s format.');
  if (o.format === 'csv' && !o.hasContent) why.push(`choose the column that holds the “${CSV_FIELD_LABELS.content}”.`);
  if (o.needsPost && !o.postSlug) {
    if (o.format === 'csv') why.push(`choose a post to attach the comments to, or map a column to “${CSV_FIELD_LABELS.post}”.`);
    else if (o.hasPosts) why.push('choose the post these comments belong to.');
    else why.push('there is no post yet to attach them to; create a draft in Drafts first.');
  }
  return why.map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1)));
}
