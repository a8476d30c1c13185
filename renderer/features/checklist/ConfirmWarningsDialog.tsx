import { useId } from 'react';
import './checklist.css';
import type { RuleResult } from '../../../common/checklist/evaluate';
import { useModalDialog } from '../comments/useModalDialog';

export interface WarningsQuestion {
  /** The status asked for, in words ("scheduled"). */
  to: string;
  warnings: RuleResult[];
  answer: (go: boolean) => void;
}

/**
 * Asks before a move to scheduled or published while recommended checks fail: names each failing
 * rule, and goes ahead only on the explicit button. Cancel has the focus, so Enter or Escape
 * changes nothing; the native modal dialog keeps the rest of the window inert meanwhile.
 */
export function ConfirmWarningsDialog({ question }: { question: WarningsQuestion }) {
  const id = useId();
  const { ref, close, onCancel } = useModalDialog(() => question.answer(false));
  const go = () => {
    ref.current?.close();
    question.answer(true);
  };
  return (
    <dialog ref={ref} className="checklist-confirm" aria-labelledby={`${id}-t`} aria-describedby={`${id}-d`} onCancel={onCancel}>
      <h2 id={`${id}-t`}>Move to {question.to} with recommended checks failing?</h2>
      <p id={`${id}-d`}>
        {question.warnings.length === 1 ? 'One recommended check fails' : `${question.warnings.length} recommended checks fail`}. The post can still move to {question.to}; the
        checklist keeps showing what is left to fix.
      </p>
      <ul className="checklist-confirm__list" aria-label="Failing recommended checks">
        {question.warnings.map((w) => (
          <li key={w.id}>
            <strong>{w.label}</strong>: {w.message}
          </li>
        ))}
      </ul>
      <div className="checklist-confirm__actions">
        <button type="button" className="button" onClick={close} autoFocus>
          Cancel
        </button>
        <button type="button" className="button button--primary" onClick={go}>
          Move to {question.to} anyway
        </button>
      </div>
    </dialog>
  );
}
