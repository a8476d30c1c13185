import { useId, useRef, useState, type FormEvent } from 'react';
import type { SeriesInfo } from '../../../common/api/series';
import { statusLabel, statusName, workflowProblems } from '../../../common/series/workflow';
import { useClient } from '../../api/ClientContext';
import { FormActions } from '../../shell/FormActions';

interface Row {
  key: number;
  /** The stored name this row started as, so a rename carries its posts along; null for a new status. */
  was: string | null;
  label: string;
}

/** Rename, reorder, add and remove a series' statuses, and choose its commissioning and delivered steps. */
export function WorkflowEditor({ series, onSaved, onCancel }: { series: SeriesInfo; onSaved: () => void; onCancel: () => void }) {
  const client = useClient();
  const id = useId();
  const nextKey = useRef(series.workflow.length);
  const [rows, setRows] = useState<Row[]>(series.workflow.map((s, i) => ({ key: i, was: s, label: statusLabel(s) })));
  const [commission, setCommission] = useState<string>(series.commissionStatus);
  const [delivery, setDelivery] = useState<string>(series.deliveryStatus);
  const [error, setError] = useState('');

  // Roles follow their row through renames: keyed by the row's original name.
  const nameOf = (was: string) => {
    const r = rows.find((x) => x.was === was);
    return r ? statusName(r.label) : was;
  };
  const names = rows.map((r) => statusName(r.label));

  const update = (key: number, label: string) => setRows(rows.map((r) => (r.key === key ? { ...r, label } : r)));
  const move = (i: number, by: number) => {
    const next = [...rows];
    const [row] = next.splice(i, 1);
    next.splice(i + by, 0, row);
    setRows(next);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const workflow = { statuses: names, commissionStatus: nameOf(commission), deliveryStatus: nameOf(delivery) };
    const problems = workflowProblems(workflow);
    if (problems.length) return setError(`The workflow cannot be used: ${problems.join('; ')}.`);
    const renames = rows.filter((r) => r.was && r.was !== statusName(r.label)).map((r) => ({ from: r.was as string, to: statusName(r.label) }));
    try {
      await client.call('series.update', {
        id: series.id,
        workflow: names,
        renames,
        commissionStatus: workflow.commissionStatus,
        deliveryStatus: workflow.deliveryStatus,
      });
      onSaved();
    } catch (err) {
      setError((err as Error).message);
    }
  };

  return (
    <form className="workflow-editor" onSubmit={submit} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Workflow of “{series.title}”</h2>
      <p className="muted">Statuses in order. Renaming one moves its posts with it; a status still in use cannot be removed.</p>
      <ol className="workflow-editor__list">
        {rows.map((r, i) => (
          <li key={r.key} className="workflow-editor__row">
            <label>
              <span className="visually-hidden">Status {i + 1}</span>
              <input className="input" value={r.label} onChange={(e) => update(r.key, e.target.value)} maxLength={40} />
            </label>
            <button type="button" className="button button--small" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move ${r.label} earlier`}>
              ↑
            </button>
            <button type="button" className="button button--small" disabled={i === rows.length - 1} onClick={() => move(i, 1)} aria-label={`Move ${r.label} later`}>
              ↓
            </button>
            <button type="button" className="button button--small button--danger" onClick={() => setRows(rows.filter((x) => x.key !== r.key))} aria-label={`Remove ${r.label}`}>
              Remove
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className="button" onClick={() => setRows([...rows, { key: nextKey.current++, was: null, label: 'New status' }])}>
        Add a status
      </button>
      <div className="workflow-editor__roles">
        <label className="series-row__field">
          <span>Commissioning records author and deadline at</span>
          <select className="select" value={commission} onChange={(e) => setCommission(e.target.value)}>
            {rows.filter((r) => r.was).map((r) => (
              <option key={r.key} value={r.was as string}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
        <label className="series-row__field">
          <span>Counts as delivered from</span>
          <select className="select" value={delivery} onChange={(e) => setDelivery(e.target.value)}>
            {rows.filter((r) => r.was).map((r) => (
              <option key={r.key} value={r.was as string}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <FormActions error={error} submitLabel="Save workflow" onCancel={onCancel} className="series-form__actions" />
    </form>
  );
}
