import { useModalDialog } from './useModalDialog';

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
  const { ref, close, onCancel } = useModalDialog(onClose);
  return (
    <dialog
      ref={ref}
      className="comments-dialog"
      aria-labelledby="key-help-title"
      onCancel={onCancel}
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
