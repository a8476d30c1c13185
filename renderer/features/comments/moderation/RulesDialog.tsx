import { useCallback, useEffect, useState } from 'react';
import { useModalDialog } from '../useModalDialog';
import type { RuleRunReport, RuleView } from '../../../../common/api/moderation';
import type { RuleSpec } from '../../../../common/moderation/rule-schema';
import { useClient } from '../../../api/ClientContext';
import { RunReport } from './RunReport';
import { useRuleForm } from './RuleForm';

interface Props {
  /** Selected comments in the pane (id -> revision), a scope for "apply". */
  selectedIds: string[];
  postId: string | undefined;
  onApplied: (report: RuleRunReport) => void;
  onClose: () => void;
}

type Scope = 'selection' | 'post' | 'all';

/** The team's moderation rules: list, turn on and off, remove; a new rule is tried (dry run) before it is saved; apply to a scope. */
export function RulesDialog({ selectedIds, postId, onApplied, onClose }: Props) {
  const client = useClient();
  const { ref, close, onCancel } = useModalDialog(onClose);
  const [rules, setRules] = useState<RuleView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [trial, setTrial] = useState<{ spec: string; report: RuleRunReport } | null>(null);
  const [scope, setScope] = useState<Scope>(selectedIds.length ? 'selection' : postId ? 'post' : 'all');
  const [preview, setPreview] = useState<RuleRunReport | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRuleForm();

  const load = useCallback(() => client.call('rules.list', {}).then((r) => setRules(r.rules), (e: Error) => setError(e.message)), [client]);
  useEffect(() => {
    void load();
  }, [load]);
  const run = async (f: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await f();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const specOrError = (): RuleSpec | null => {
    const s = form.spec();
    if (typeof s === 'string') {
      setError(s);
      return null;
    }
    return s;
  };
  const tryRule = () => {
    const spec = specOrError();
    if (spec) void run(async () => setTrial({ spec: JSON.stringify(spec), report: await client.call('rules.test', { spec }) }));
  };
  const save = () => {
    const spec = specOrError();
    if (!spec) return;
    void run(async () => {
      await client.call('rules.add', { spec });
      setTrial(null);
      form.reset();
      await load();
    });
  };
  const scopeInput = () => (scope === 'selection' ? { ids: selectedIds } : scope === 'post' && postId ? { postId } : {});
  const tried = trial !== null && trial.spec === JSON.stringify(form.spec());

  return (
    <dialog
      ref={ref}
      className="comments-dialog rules-dialog"
      aria-labelledby="rules-title"
      onCancel={onCancel}
    >
      <h2 id="rules-title">Moderation rules</h2>
      <p className="muted">
        Rules decide only comments still waiting: pending ones no person has moderated. Spam rules decide first, then holds, then trust; every rule that fires is
        recorded on the comment.
      </p>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <ul className="rules-list" aria-label="Rules">
        {rules.map((r) => (
          <li key={r.id} className="rules-list__item">
            <label>
              <input type="checkbox" checked={r.enabled} disabled={busy} onChange={(e) => void run(async () => (await client.call('rules.setEnabled', { id: r.id, enabled: e.target.checked }), await load()))} />{' '}
              {r.description}
            </label>
            <button type="button" className="button button--small" disabled={busy} aria-label={`Remove rule: ${r.description}`} onClick={() => void run(async () => (await client.call('rules.remove', { id: r.id }), await load()))}>
              Remove
            </button>
          </li>
        ))}
        {!rules.length && <li className="muted">No rules: every imported comment keeps the status its file gave it.</li>}
      </ul>
      <section className="rule-form" aria-labelledby="rule-form-title">
        <h3 id="rule-form-title">New rule</h3>
        {form.fields(() => setTrial(null))}
        <div className="comments-dialog__buttons">
          <button type="button" className="button" disabled={busy} onClick={tryRule}>
            Dry run: what would it change?
          </button>
          <button type="button" className="button button--primary" disabled={busy || !tried} onClick={save} title={tried ? undefined : 'Run the dry run first'}>
            Save rule
          </button>
        </div>
        {trial && tried && <RunReport report={trial.report} title="Dry run of the new rule with the rules saved" />}
      </section>
      <section className="rule-apply" aria-labelledby="rule-apply-title">
        <h3 id="rule-apply-title">Apply the rules to comments stored</h3>
        <fieldset>
          <legend>Which comments</legend>
          <label>
            <input type="radio" name="rule-scope" checked={scope === 'selection'} disabled={!selectedIds.length} onChange={() => (setScope('selection'), setPreview(null))} /> The {selectedIds.length}{' '}
            selected
          </label>
          <label>
            <input type="radio" name="rule-scope" checked={scope === 'post'} disabled={!postId} onChange={() => (setScope('post'), setPreview(null))} /> The chosen post's
          </label>
          <label>
            <input type="radio" name="rule-scope" checked={scope === 'all'} onChange={() => (setScope('all'), setPreview(null))} /> Every comment
          </label>
        </fieldset>
        <div className="comments-dialog__buttons">
          <button type="button" className="button" disabled={busy} onClick={() => void run(async () => setPreview(await client.call('rules.apply', { scope: scopeInput(), dryRun: true })))}>
            Preview
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={busy || !preview}
            onClick={() =>
              void run(async () => {
                const report = await client.call('rules.apply', { scope: scopeInput(), dryRun: false });
                setPreview(null);
                onApplied(report);
                close();
              })
            }
          >
            Apply
          </button>
        </div>
        {preview && <RunReport report={preview} title="Preview of applying the rules" />}
      </section>
      <div className="comments-dialog__buttons">
        <button type="button" className="button" onClick={close}>
          Close
        </button>
      </div>
    </dialog>
  );
}
