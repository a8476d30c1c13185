import { useId, useState, type DragEvent } from 'react';

interface Props {
  busy: boolean;
  /** The native dialog of the desktop app, when there is one. */
  onDesktopChoose?: () => void;
  onFile: (file: File) => void;
}

/** A file picker with a drop zone; in the desktop app the native dialog is offered first. */
export function FileChooser({ busy, onDesktopChoose, onFile }: Props) {
  const id = useId();
  const [over, setOver] = useState(false);
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file && !busy) onFile(file);
  };
  return (
    <div
      className={`import-drop${over ? ' import-drop--over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <p>Drop an export here, or</p>
      {onDesktopChoose ? (
        <button type="button" className="button" onClick={onDesktopChoose} disabled={busy}>
          Choose a file…
        </button>
      ) : (
        <>
          <label htmlFor={id} className="button">
            Choose a file…
          </label>
          <input
            id={id}
            className="import-drop__input"
            type="file"
            accept=".xml,.csv,.json,.txt,text/xml,text/csv,application/json,text/plain"
            disabled={busy}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) onFile(file);
              e.target.value = '';
            }}
          />
        </>
      )}
      <p className="import-hint">WordPress WXR, Disqus XML, CSV, JSON, or the text of a published page copied from the browser.</p>
    </div>
  );
}
