import { useEffect, useId, useRef, useState } from 'react';
import type { DiffPart, RevisionContent } from '../../../common/api/revisions';
import type { Revision } from '../../../common/domain';
import { formatTimestamp } from '../../format/dates';
import { RevisionDiff, type DiffLayout } from './RevisionDiff';

export type ShownRevision = { kind: 'view'; revision: RevisionContent } | { kind: 'diff'; revision: Revision; parts: DiffPart[]; added: number; removed: number };

interface Props {
  shown: ShownRevision;
  busy: boolean;
  onRestore: (revision: Revision) => void;
  onClose: () => void;
  /** Where the focus goes back to: the button that opened it (disabled while it loaded, so not document.activeElement by now). */
  opener: HTMLElement | null;
}

/**
 * A revision, or its comparison with the current text, in a dialog as wide as the window: the side
 * panel is too narrow for two texts, and the comparison sat below the fold there. Escape or
 * "Back to the draft" closes it and the focus returns to the button that opened it.
 */
export function RevisionDialog({ shown, busy, onRestore, onClose, opener }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [layout, setLayout] = useState<DiffLayout>('side-by-side');
  const [confirming, setConfirming] = useState(false);
  useEffect(() => {
    ref.current?.showModal();
    // Into the text, so the arrow keys and Page Down scroll it at once.
    ref.current?.querySelector<HTMLElement>('.revision-diff__text, .revisions__text')?.focus();
    return () => opener?.focus();
  }, [opener]);
  const when = formatTimestamp(shown.revision.createdAt);
  const versionLabel = `Version of ${when}`;

  return (
    <dialog ref={ref} className="revision-dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <header className="revision-dialog__bar">
        <h2 id={`${id}-title`} className="revision-dialog__title">
          {shown.kind === 'diff' ? `${versionLabel} compared with the current text` : versionLabel}
        </h2>
        {shown.kind === 'diff' && (
          <div className="revision-dialog__layout" role="group" aria-label="Layout">
            {(['side-by-side', 'inline'] as const).map((l) => (
              <button key={l} type="button" className="button" aria-pressed={layout === l} onClick={() => setLayout(l)}>
                {l === 'inline' ? 'Inline' : 'Side by side'}
              </button>
            ))}
          </div>
        )}
        <button type="button" className="button" disabled={busy} onClick={() => setConfirming(true)}>
          Restore…
        </button>
        <button type="button" className="button button--primary" onClick={() => ref.current?.close()}>
          ← Back to the draft
        </button>
      </header>
      {confirming && (
        <div className="revision-dialog__confirm" role="alertdialog" aria-labelledby={`${id}-confirm`}>
          <p id={`${id}-confirm`}>Restore the {versionLabel.toLowerCase()}? The current text is kept as a revision first.</p>
          <button type="button" className="button button--primary" disabled={busy} onClick={() => onRestore(shown.revision)} autoFocus>
            Restore this version
          </button>
          <button type="button" className="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      )}
      <div className="revision-dialog__body">
        {shown.kind === 'diff' ? (
          <RevisionDiff parts={shown.parts} added={shown.added} removed={shown.removed} layout={layout} versionLabel={versionLabel} />
        ) : (
          <>
            <h3 className="revisions__shown-title">{shown.revision.title || 'Untitled draft'}</h3>
            {shown.revision.standfirst && <p className="muted">{shown.revision.standfirst}</p>}
            <div className="revisions__text" tabIndex={0} role="group" aria-label="Text of this version">
              {shown.revision.text}
            </div>
          </>
        )}
      </div>
    </dialog>
  );
}
