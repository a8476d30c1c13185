import { useEffect, useRef, useState } from 'react';
import type { Output } from '../../../common/api';
import { useClient } from '../../api/ClientContext';
import { copyRich } from './clipboard';
import './preview.css';

/**
 * The exported page, full width, as a reader will see it: at desktop or phone width, light or
 * dark, with the Export action and a way back to the text (the button or Escape). The page is the
 * exporter's own sanitized output in a frame with an empty sandbox: no script runs in it and it
 * cannot reach the app, and its own strict CSP stays in force.
 */
export interface PreviewViewProps {
  postId: string;
  /** Bumped after each acknowledged save, so the preview follows the stored text. */
  revision: number;
  onBack: () => void;
  onExport: () => void;
}

type Scheme = 'light' | 'dark';
type Width = 'desktop' | 'phone';
type Preview = Output<'publish.preview'>;

const DEBOUNCE_MS = 300;

function Choice<T extends string>({ label, value, options, onChange }: { label: string; value: T; options: [T, string][]; onChange: (v: T) => void }) {
  return (
    <div className="preview-view__choice" role="group" aria-label={label}>
      {options.map(([v, text]) => (
        <button key={v} type="button" className="button" aria-pressed={value === v} onClick={() => onChange(v)}>
          {text}
        </button>
      ))}
    </div>
  );
}

export function PreviewView({ postId, revision, onBack, onExport }: PreviewViewProps) {
  const client = useClient();
  const [scheme, setScheme] = useState<Scheme>(() => (window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'));
  const [width, setWidth] = useState<Width>('desktop');
  const [suggestions, setSuggestions] = useState<'without' | 'with'>('without');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const request = useRef(0);
  const back = useRef<HTMLButtonElement>(null);

  useEffect(() => back.current?.focus(), []);

  // Escape goes back to the text, unless a dialog above the view (Export…) takes it first.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || document.querySelector('dialog[open]')) return;
      e.preventDefault();
      onBack();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onBack]);

  useEffect(() => {
    const id = ++request.current;
    const timer = setTimeout(() => {
      client.call('publish.preview', { postId, colorScheme: scheme, withComments: true, suggestions }).then(
        (p) => {
          if (id !== request.current) return; // a newer request is on its way
          setPreview(p);
          setError('');
        },
        (e: Error) => id === request.current && setError(e.message),
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [client, postId, revision, scheme, suggestions]);

  const copy = async (kind: 'html' | 'text') => {
    if (!preview) return;
    try {
      if (kind === 'html') await copyRich(preview.fragmentHtml, preview.fragmentText);
      else await navigator.clipboard.writeText(preview.fragmentText);
      setNotice(kind === 'html' ? 'Copied the body as HTML.' : 'Copied the body as plain text.');
    } catch (e) {
      setNotice(`Could not copy: ${(e as Error).message}`);
    }
  };

  const missingAlt = preview?.warnings.filter((w) => w.code === 'image-missing-alt') ?? [];
  return (
    <section className="preview-view" aria-labelledby="preview-view-title">
      <h2 id="preview-view-title" className="visually-hidden">
        Preview of the exported page
      </h2>
      <div className="preview-view__bar" role="toolbar" aria-label="Preview">
        <button ref={back} type="button" className="button" onClick={onBack} aria-keyshortcuts="Escape">
          ← Back to the text
        </button>
        <Choice label="Width" value={width} options={[['desktop', 'Desktop'], ['phone', 'Phone']]} onChange={setWidth} />
        <Choice label="Colours" value={scheme} options={[['light', 'Light'], ['dark', 'Dark']]} onChange={setScheme} />
        <Choice label="Pending suggestions" value={suggestions} options={[['without', 'As published'], ['with', 'With suggestions']]} onChange={setSuggestions} />
        <button type="button" className="button" disabled={!preview} onClick={() => void copy('html')}>
          Copy as HTML
        </button>
        <button type="button" className="button" disabled={!preview} onClick={() => void copy('text')}>
          Copy as plain text
        </button>
        <button type="button" className="button button--primary" aria-haspopup="dialog" onClick={onExport}>
          Export…
        </button>
        <span className="preview-view__notice" role="status">
          {notice}
        </span>
      </div>
      {error && (
        <p className="error-text" role="alert">
          The preview could not be made: {error}
        </p>
      )}
      {preview && preview.warnings.length > 0 && (
        <details className="preview-view__warnings">
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
      <div className={`preview-view__stage preview-view__stage--${width}`}>
        {preview ? (
          <iframe className={`preview-view__frame preview-view__frame--${scheme}`} title="Publish preview of this draft" sandbox="" srcDoc={preview.html} />
        ) : (
          !error && <p className="muted">Preparing the preview…</p>
        )}
      </div>
    </section>
  );
}
