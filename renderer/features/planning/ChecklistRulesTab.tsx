import { useEffect, useState } from 'react';
import { RULE_IDS, type ChecklistConfig, type ChecklistOverrides, type RuleId, type RuleSettings } from '../../../common/checklist/config';
import { RULES } from '../../../common/checklist/rules';
import { useClient } from '../../api/ClientContext';
import { useFacets } from './usePlanData';

const NUMBERS: Partial<Record<RuleId, { min?: string; max?: string }>> = {
  'standfirst-length': { min: 'Fewest characters', max: 'Most characters' },
  'word-count': { min: 'Fewest words', max: 'Most words' },
  tags: { min: 'Fewest tags' },
};

/** The checklist's settings for every post, or one series' overrides of them. */
export function ChecklistRulesTab({ announce }: { announce: (m: string) => void }) {
  const client = useClient();
  const { facets } = useFacets();
  const [scope, setScope] = useState<string>('');
  const [config, setConfig] = useState<ChecklistConfig | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    void client.call('checklist.config', scope ? { seriesId: scope } : {}).then((v) => setConfig(v.effective), (e: Error) => setError(e.message));
  }, [client, scope]);

  const set = (id: RuleId, patch: Partial<RuleSettings>) => config && setConfig({ ...config, [id]: { ...config[id], ...patch } });
  const save = async () => {
    if (!config) return;
    try {
      await client.call('checklist.setConfig', { seriesId: scope || null, rules: config as ChecklistOverrides });
      setError('');
      announce('Checklist rules saved.');
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const number = (id: RuleId, key: 'min' | 'max', label: string) => (
    <label className="rules__number">
      {label}
      <input
        className="input"
        type="number"
        min={0}
        value={config?.[id][key] ?? ''}
        onChange={(e) => set(id, { [key]: e.target.value === '' ? undefined : Number(e.target.value) })}
      />
    </label>
  );

  return (
    <div className="rules">
      <div className="meta-field">
        <label htmlFor="rules-scope">Rules for</label>
        <select id="rules-scope" className="select" value={scope} onChange={(e) => setScope(e.target.value)}>
          <option value="">Every post</option>
          {facets?.series.map((s) => (
            <option key={s.id} value={s.id}>
              Series: {s.title}
            </option>
          ))}
        </select>
      </div>
      {config && (
        <table className="plan-list rules__table" aria-label="Pre-publish checklist rules">
          <thead>
            <tr>
              <th scope="col">Rule</th>
              <th scope="col">Level</th>
              <th scope="col">Settings</th>
            </tr>
          </thead>
          <tbody>
            {RULE_IDS.map((id) => {
              const rule = RULES.find((r) => r.id === id)!;
              return (
                <tr key={id} data-rule={id}>
                  <th scope="row">{rule.label(config[id])}</th>
                  <td>
                    <select className="select" aria-label={`Level of “${rule.label(config[id])}”`} value={config[id].level} onChange={(e) => set(id, { level: e.target.value as RuleSettings['level'] })}>
                      <option value="required">Required</option>
                      <option value="recommended">Recommended</option>
                      <option value="off">Off</option>
                    </select>
                  </td>
                  <td>
                    {NUMBERS[id]?.min && number(id, 'min', NUMBERS[id]!.min!)}
                    {NUMBERS[id]?.max && number(id, 'max', NUMBERS[id]!.max!)}
                    {id === 'image-text' && (
                      <label>
                        <input type="checkbox" checked={config[id].caption ?? false} onChange={(e) => set(id, { caption: e.target.checked })} /> Captions too
                      </label>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <button type="button" className="button button--primary" onClick={save}>
        Save rules{scope ? ' for this series' : ' for every post'}
      </button>
    </div>
  );
}
