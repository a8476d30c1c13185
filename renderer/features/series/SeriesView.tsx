import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { SeriesInfo } from '../../../common/api/series';
import { describeCadence } from '../../../common/series/cadence';
import { useClient } from '../../api/ClientContext';
import { navigate } from '../../shell/router';
import { ConfirmWarningsDialog } from '../checklist/ConfirmWarningsDialog';
import { BoardTab } from './BoardTab';
import { CalendarTab } from './CalendarTab';
import { ExportButtons } from './ExportButtons';
import { ListTab } from './ListTab';
import { PlanSummary } from './PlanSummary';
import { SeriesForm } from './SeriesForm';
import { useSeriesDetail } from './useSeriesDetail';
import { WorkflowEditor } from './WorkflowEditor';

const TABS = [
  { id: 'list', label: 'List' },
  { id: 'board', label: 'Board' },
  { id: 'calendar', label: 'Calendar' },
] as const;
type Tab = (typeof TABS)[number]['id'];

export function SeriesView({ seriesId, tab: tabParam }: { seriesId: string; tab?: string }) {
  const client = useClient();
  const actions = useSeriesDetail(seriesId);
  const { detail, error, setError } = actions;
  const tab: Tab = TABS.some((t) => t.id === tabParam) ? (tabParam as Tab) : 'list';
  const [panel, setPanel] = useState<'none' | 'edit' | 'workflow' | 'delete'>('none');
  const [allSeries, setAllSeries] = useState<SeriesInfo[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const tabRefs = useRef<Record<string, HTMLButtonElement | null>>({});

  useEffect(() => {
    client.call('series.list', {}).then(setAllSeries, () => setAllSeries([]));
  }, [client, detail?.series.updatedAt]);

  // Re-setting the same text would not be announced again, so clear it first.
  const announce = useCallback((message: string) => {
    setAnnouncement('');
    requestAnimationFrame(() => setAnnouncement(message));
  }, []);

  const onTabKey = (e: KeyboardEvent) => {
    const i = TABS.findIndex((t) => t.id === tab);
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = TABS[(i + step + TABS.length) % TABS.length].id;
    navigate('series', seriesId, next);
    tabRefs.current[next]?.focus();
  };

  const trash = async () => {
    try {
      await client.call('series.delete', { id: seriesId });
      navigate('series');
    } catch (e) {
      setError((e as Error).message);
    }
  };

  if (!detail) {
    return (
      <section className="pane" aria-labelledby="series-view-title">
        <h1 id="series-view-title">Series</h1>
        {error ? (
          <p className="error-text" role="alert">
            {error} <a href="#/series">Back to all series</a>
          </p>
        ) : (
          <p className="muted">Loading…</p>
        )}
      </section>
    );
  }
  const s = detail.series;

  return (
    <section className="pane series-view" aria-labelledby="series-view-title">
      <nav className="series-view__crumbs" aria-label="Breadcrumb">
        <a href="#/series">All series</a>
      </nav>
      <header className="pane__header">
        <div>
          <h1 id="series-view-title">{s.title}</h1>
          <p className="muted series-view__meta">
            {detail.posts.length} post{detail.posts.length === 1 ? '' : 's'} · {describeCadence(s.cadence)}
            {s.topic ? ` · explores ${s.topic}` : ''}
          </p>
        </div>
        <div className="series-view__actions">
          <button type="button" className="button" aria-expanded={panel === 'edit'} onClick={() => setPanel(panel === 'edit' ? 'none' : 'edit')}>
            Edit series
          </button>
          <button type="button" className="button" aria-expanded={panel === 'workflow'} onClick={() => setPanel(panel === 'workflow' ? 'none' : 'workflow')}>
            Workflow
          </button>
          <ExportButtons seriesId={s.id} title={s.title} onError={setError} />
          <button type="button" className="button button--danger" onClick={() => setPanel('delete')}>
            Delete series
          </button>
        </div>
      </header>
      {s.description && <p className="series-view__description">{s.description}</p>}
      {panel === 'delete' && (
        <div className="confirm" role="alertdialog" aria-labelledby="confirm-delete">
          <p id="confirm-delete">Move “{s.title}” to the trash? Its posts stay where they are and it can be restored.</p>
          <button type="button" className="button button--danger" onClick={trash}>
            Move to trash
          </button>
          <button type="button" className="button" onClick={() => setPanel('none')}>
            Keep it
          </button>
        </div>
      )}
      {panel === 'edit' && (
        <SeriesForm
          initial={s}
          postCount={detail.posts.length}
          onSaved={() => {
            setPanel('none');
            actions.reload();
            announce('Series saved.');
          }}
          onCancel={() => setPanel('none')}
        />
      )}
      {panel === 'workflow' && (
        <WorkflowEditor
          series={s}
          onSaved={() => {
            setPanel('none');
            actions.reload();
            announce('Workflow saved.');
          }}
          onCancel={() => setPanel('none')}
        />
      )}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <PlanSummary detail={detail} />
      <div role="tablist" aria-label="Views of the series" className="tabs" onKeyDown={onTabKey}>
        {TABS.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              tabRefs.current[t.id] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            className="tabs__tab"
            onClick={() => navigate('series', seriesId, t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tabs__panel">
        {tab === 'list' && <ListTab actions={actions} detail={detail} allSeries={allSeries} announce={announce} />}
        {tab === 'board' && <BoardTab actions={actions} detail={detail} announce={announce} />}
        {tab === 'calendar' && <CalendarTab actions={actions} detail={detail} announce={announce} />}
      </div>
      {actions.question && <ConfirmWarningsDialog question={actions.question} />}
      <div className="visually-hidden" role="status" aria-live="polite" data-testid="series-announcer">
        {announcement}
      </div>
    </section>
  );
}
