interface Props {
  /** Shown above the buttons as an alert, so a screen reader hears why the form was not saved. */
  error?: string | null;
  errorId?: string;
  submitLabel: string;
  onCancel: () => void;
  /** The row's layout class, from the form's own stylesheet. */
  className: string;
  busy?: boolean;
}

/** The end of every small form in the app: its error, if any, then the submit and Cancel buttons. */
export function FormActions({ error, errorId, submitLabel, onCancel, className, busy }: Props) {
  return (
    <>
      {error && (
        <p id={errorId} className="error-text" role="alert">
          {error}
        </p>
      )}
      <div className={className}>
        <button type="submit" className="button button--primary" disabled={busy}>
          {submitLabel}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </>
  );
}
