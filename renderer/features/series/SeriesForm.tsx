import { useId, useState, type FormEvent } from 'react';
import type { SeriesInfo } from '../../../common/api/series';
import { NAMED_CADENCES } from '../../../common/series/cadence';
import { NOTICE_PLACEHOLDERS } from '../../../common/series/ordinal';
import { slugify } from '../../../common/text';
import { useClient } from '../../api/ClientContext';
import { NoticePreview } from './NoticePreview';
import { FormActions } from '../../shell/FormActions';

const DEFAULT_TEMPLATE = 'This is the {ordinal} in a series of guest blogs that explores {topic}.';

interface Props {
  initial?: SeriesInfo;
  postCount: number;
  onSaved: (s: SeriesInfo) => void;
  onCancel: () => void;
}

function splitCadence(cadence: string): { kind: string; days: number } {
  const m = /^(\d+) days?$/.exec(cadence);
  return m ? { kind: 'custom', days: Number(m[1]) } : { kind: cadence, days: 10 };
}

/** Creates a series or edits one: title, slug, description, topic, cadence and the notice template. */
export function SeriesForm({ initial, postCount, onSaved, onCancel }: Props) {
  const client = useClient();
  const id = useId();
  const [title, setTitle] = useState(initial?.title ?? '');
  const [slug, setSlug] = useState(initial?.slug ?? '');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [topic, setTopic] = useState(initial?.topic ?? '');
  const [cadenceKind, setCadenceKind] = useState(splitCadence(initial?.cadence ?? 'weekly').kind);
  const [days, setDays] = useState(splitCadence(initial?.cadence ?? 'weekly').days);
  const [template, setTemplate] = useState(initial?.noticeTemplate ?? DEFAULT_TEMPLATE);
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) return setError('Give the series a title.');
    if (!template.trim()) return setError('The notice template is empty; the default reads: ' + DEFAULT_TEMPLATE);
    const cadence = cadenceKind === 'custom' ? `${days} day${days === 1 ? '' : 's'}` : cadenceKind;
    const fields = { title: title.trim(), description, topic: topic.trim(), cadence, noticeTemplate: template.trim() };
    setSaving(true);
    try {
      const saved = initial
        ? await client.call('series.update', { id: initial.id, ...fields, ...(slug ? { slug } : {}) })
        : await client.call('series.create', { ...fields, ...(slug ? { slug } : {}) });
      onSaved(saved);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="series-form" onSubmit={submit} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{initial ? 'Edit series' : 'New series'}</h2>
      <div className="series-form__grid">
        <label className="field">
          <span>Title</span>
          <input className="input" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={300} required />
        </label>
        <label className="field">
          <span>Slug</span>
          <input
            className="input"
            value={slug}
            placeholder={slugify(title || 'series title')}
            onChange={(e) => setSlug(e.target.value)}
            pattern="[a-z0-9]+(-[a-z0-9]+)*"
            aria-describedby={`${id}-slug-hint`}
          />
          <small id={`${id}-slug-hint`} className="muted">
            Lower-case words joined by hyphens; left empty, it is made from the title.
          </small>
        </label>
        <label className="field field--wide">
          <span>Topic</span>
          <input
            className="input"
            value={topic}
            onChange={(e) => setTopic(e.target.value)}
            maxLength={500}
            placeholder="current issues and opportunities for clinical and medical leaders"
          />
        </label>
        <label className="field field--wide">
          <span>Description</span>
          <textarea className="textarea" rows={2} value={description} onChange={(e) => setDescription(e.target.value)} maxLength={5000} />
        </label>
        <div className="field">
          <label htmlFor={`${id}-cadence`}>Cadence</label>
          <div className="field__row">
            <select id={`${id}-cadence`} className="select" value={cadenceKind} onChange={(e) => setCadenceKind(e.target.value)}>
              {NAMED_CADENCES.map((c) => (
                <option key={c} value={c}>
                  {c.charAt(0).toUpperCase() + c.slice(1)}
                </option>
              ))}
              <option value="custom">Every … days</option>
            </select>
            {cadenceKind === 'custom' && (
              <label>
                <span className="visually-hidden">Days between posts</span>
                <input
                  className="input field__days"
                  type="number"
                  min={1}
                  max={999}
                  value={days}
                  onChange={(e) => setDays(Math.min(999, Math.max(1, Math.floor(Number(e.target.value)) || 1)))}
                />{' '}
                days
              </label>
            )}
          </div>
        </div>
        <label className="field field--wide">
          <span>Notice template</span>
          <textarea
            className="textarea"
            rows={2}
            value={template}
            onChange={(e) => setTemplate(e.target.value)}
            maxLength={1000}
            aria-describedby={`${id}-tpl-hint`}
          />
          <small id={`${id}-tpl-hint`} className="muted">
            Placeholders: {NOTICE_PLACEHOLDERS.join(', ')} ({'{title}'} is the series title).
          </small>
        </label>
      </div>
      <NoticePreview template={template} topic={topic} title={title} count={postCount} />
      <FormActions error={error} submitLabel={initial ? 'Save series' : 'Create series'} onCancel={onCancel} className="series-form__actions" busy={saving} />
    </form>
  );
}
