import { useEffect, useRef } from 'react';

export const TRIAGE_KEYS: [string, string][] = [
  ['j / ↓', 'Next comment'],
  ['k / ↑', 'Previous comment'],
  ['a', 'Approve'],
  ['u', 'Mark pending'],
  ['s', 'Mark spam'],
  ['d', 'Move to trash'],
  ['x', 'Select or unselect'],
  ['Shift+j / Shift+k', 'Extend the selection'],
  ['Ctrl+a', 'Select all in filter'],
  ['Ctrl+z', 'Undo the last moderation'],
  ['n', 'Annotate (the selected text, or a phrase you type)'],
  ['r', 'Write a reply draft'],
  ['t', 'Follow the thread from this comment'],
  ['/', 'Search'],
  ['Esc', 'Back to the list'],
  ['?', 'Show these keys'],
];

export function KeyHelp({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  // Closes the native dialog first, so the page is no longer inert when onClose moves the focus
  // back to the list, and tells the pane at once: the dialog's own close event comes a task
  // later, and a key pressed in between would find the help still marked open.
  const close = () => {
    ref.current?.close();
    onClose();
  };
  return (
    <dialog
      ref={ref}
      className="comments-dialog"
      aria-labelledby="key-help-title"
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
    >
      <h2 id="key-help-title">Keyboard triage</h2>
      <dl className="key-help">
        {TRIAGE_KEYS.map(([k, v]) => (
          <div key={k}>
            <dt>
              <kbd>{k}</kbd>
            </dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <div className="comments-dialog__buttons">
        <button type="button" className="button" onClick={close} autoFocus>
          Close
        </button>
      </div>
    </dialog>
  );
}
