import { useEffect, useRef, useState, type DragEvent, type ReactNode } from 'react';
import type { ImportDraftResult } from '../../../common/api/posts';
import { useClient } from '../../api/ClientContext';
import { DRAFT_FILE_ACCEPT, DRAFT_FILE_EXTENSIONS, MAX_BROWSER_IMPORT_MB, MAX_IMPORT_MB, readFileBase64 } from './file-data';
import { ImportResult } from './ImportResult';

interface Props {
  onImported: () => void;
  /** The list the drop zone surrounds. */
  children: ReactNode;
}

/**
 * Import a guest author's file as a new draft: the native dialog in the desktop app, a file
 * picker or a drop onto the list in browser mode.
 */
export function DraftImport({ onImported, children }: Props) {
  const client = useClient();
  const input = useRef<HTMLInputElement>(null);
  const [desktop, setDesktop] = useState(false);
  const [busy, setBusy] = useState('');
  const [dragging, setDragging] = useState(false);
  const [result, setResult] = useState<ImportDraftResult | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    client.call('desktop.capabilities', {}).then((c) => setDesktop(c.available), () => setDesktop(false));
  }, [client]);

  const run = async (name: string, load: () => Promise<ImportDraftResult>) => {
    setBusy(name);
    setError('');
    setResult(null);
    try {
      setResult(await load());
      onImported();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy('');
    }
  };

  const importFile = (file: File) => {
    if (file.size === 0) {
      setError(`${file.name}: the file is empty. Nothing was imported.`);
      return;
    }
    const limit = desktop ? MAX_IMPORT_MB : MAX_BROWSER_IMPORT_MB;
    if (file.size > limit * 1024 * 1024) {
      const where = desktop ? 'for a draft' : 'for a file sent to the browser-mode server (the desktop app and `workbench import-draft` take up to 50 MB)';
      setError(`${file.name}: ${(file.size / 1048576).toFixed(1)} MB is over the ${limit} MB limit ${where}. Nothing was imported.`);
      return;
    }
    void run(file.name, async () => client.call('posts.import', { fileName: file.name, dataBase64: await readFileBase64(file) }));
  };

  const choose = async () => {
    if (!desktop) return input.current?.click();
    const { path } = await client.call('desktop.chooseFile', { title: 'Import a draft', extensions: DRAFT_FILE_EXTENSIONS });
    if (path) void run(path.replace(/^.*[\\/]/, ''), () => client.call('posts.import', { path }));
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) importFile(file);
  };
  const onDragOver = (e: DragEvent) => {
    if (!e.dataTransfer.types.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };

  return (
    <div
      className={dragging ? 'draft-import draft-import--over' : 'draft-import'}
      onDragOver={onDragOver}
      onDragLeave={(e) => e.currentTarget.contains(e.relatedTarget as Node | null) || setDragging(false)}
      onDrop={onDrop}
      data-testid="draft-drop-zone"
    >
      <div className="draft-import__bar">
        <button type="button" className="button" onClick={() => void choose()} disabled={busy !== ''}>
          Import a file…
        </button>
        <input
          ref={input}
          type="file"
          accept={DRAFT_FILE_ACCEPT}
          className="visually-hidden"
          tabIndex={-1}
          aria-label="Import a draft file (.docx, .md, .html, .txt)"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) importFile(file);
          }}
        />
        <span className="muted draft-import__hint">or drop a .docx, .md, .html or .txt file onto the list</span>
      </div>
      <div role="status" aria-live="polite" className="draft-import__status">
        {busy && <p>Importing {busy}…</p>}
        {result && <ImportResult result={result} onDismiss={() => setResult(null)} />}
      </div>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {dragging && <p className="draft-import__overlay" aria-hidden="true">Drop to import as a new draft</p>}
      {children}
    </div>
  );
}
