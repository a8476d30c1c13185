import { useEffect, useRef, useState } from 'react';
import type { Output } from '../../../common/api';
import { useClient } from '../../api/ClientContext';
import './PreviewPane.css';

/** The exact publish output of the open draft, in a sandboxed frame. */
export interface PreviewPaneProps {
  postId: string;
  /** Bumped by the editor after each acknowledged save, so the preview refreshes (debounced). */
  revision: number;
}

type Scheme = 'light' | 'dark';
type Preview = Output<'publish.preview'>;

const DEBOUNCE_MS = 400;

async function copyToClipboard(html: string, text: string): Promise<void> {
  if (typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
    try {
      await navigator.clipboard.write([
        new ClipboardItem({ 'text/html': new Blob([html], { type: 'text/html' }), 'text/plain': new Blob([text], { type: 'text/plain' }) }),
      ]);
      return;
    } catch {
      // Some platforms refuse rich clipboard items; plain text still helps.
    }
  }
  await navigator.clipboard.writeText(html === text ? text : html);
}

export function PreviewPane({ postId, revision }: PreviewPaneProps) {
  const client = useClient();
  const [scheme, setScheme] = useState<Scheme>(() => (window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'));
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const request = useRef(0);

  useEffect(() => {
    const id = ++request.current;
    const timer = setTimeout(() => {
      client.call('publish.preview', { postId, colorScheme: scheme, withComments: true }).then(
        (p) => {
          if (id !== request.current) return; // a newer revision is on its way
          setPreview(p);
          setError('');
        },
        (e: Error) => id === request.current && setError(e.message),
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [client, postId, revision, scheme]);

  const copy = async (kind: 'html' | 'text') => {
    if (!preview) return;
    try {
      if (kind === 'html') await copyToClipboard(preview.fragmentHtml, preview.fragmentText);
      else await navigator.clipboard.writeText(preview.fragmentText);
      setNotice(kind === 'html' ? 'Copied the body as HTML.' : 'Copied the body as plain text.');
    } catch (e) {
      setNotice(`Could not copy: ${(e as Error).message}`);
    }
  };

  const missingAlt = preview?.warnings.filter((w) => w.code === 'image-missing-alt') ?? [];
  return (
    <section className="preview-pane" aria-label="Publish preview">
      <div className="preview-pane__toolbar" role="toolbar" aria-label="Preview">
        <button type="button" className="button" aria-pressed={scheme === 'dark'} onClick={() => setScheme(scheme === 'dark' ? 'light' : 'dark')}>
          Dark page
        </button>
        <button type="button" className="button" disabled={!preview} onClick={() => void copy('html')}>
          Copy as HTML
        </button>
        <button type="button" className="button" disabled={!preview} onClick={() => void copy('text')}>
          Copy as plain text
        </button>
        <span className="preview-pane__notice" role="status">
          {notice}
        </span>
      </div>
      {error && (
        <p className="error-text" role="alert">
          The preview could not be made: {error}
        </p>
      )}
      {preview && preview.warnings.length > 0 && (
        <details className="preview-pane__warnings">
          <summary>
            {preview.warnings.length} thing{preview.warnings.length === 1 ? '' : 's'} to check before publishing
            {missingAlt.length ? ` (export is refused until ${missingAlt.length} image${missingAlt.length === 1 ? ' has' : 's have'} alt text)` : ''}
          </summary>
          <ul>
            {preview.warnings.map((w, i) => (
              <li key={i}>{w.message}</li>
            ))}
          </ul>
        </details>
      )}
      {preview ? (
        <iframe className={`preview-pane__frame preview-pane__frame--${scheme}`} title="Publish preview of this draft" sandbox="" srcDoc={preview.html} />
      ) : (
        !error && <p className="muted">Preparing the preview…</p>
      )}
    </section>
  );
}
