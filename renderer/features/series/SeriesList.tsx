import { useCallback, useEffect, useRef, useState } from 'react';
import type { SeriesInfo } from '../../../common/api/series';
import { describeCadence } from '../../../common/series/cadence';
import { useClient } from '../../api/ClientContext';
import { useChanges } from '../../api/useChanges';
import { useLatestAnswer } from '../../api/useLatestAnswer';
import { touches } from '../../../common/changes';
import { takeAnswered, takeOrCall } from '../../api/early';
import { navigate } from '../../shell/router';
import { SeriesForm } from './SeriesForm';
import { SeriesView } from './lazy-series-view';
import { formatDate } from './format';

export function SeriesList() {
  const client = useClient();
  // On a cold open the boot module's answer is often in before this first render: start with it.
  const [list, setList] = useState<SeriesInfo[] | null>(() => takeAnswered('series.list', { trash: false })?.value ?? null);
  const answered = useRef(list !== null);
  const [trash, setTrash] = useState(false);
  const [error, setError] = useState('');
  const [creating, setCreating] = useState(false);

  const latest = useLatestAnswer();
  const load = useCallback(() => {
    // The unfiltered list may have been asked for as the window booted (shell/early-requests.ts).
    latest(takeOrCall(client, 'series.list', { trash }), setList, (e) => setError(e.message));
  }, [client, trash, latest]);
  useEffect(() => {
    // The first list came with the first render (above): no second request for it.
    if (answered.current) answered.current = false;
    else load();
  }, [load]);
  // A series' title, cadence and post count are in its row: re-read when any series changed.
  useChanges((c) => touches(c, 'series') && load());
  const listed = list !== null;
  useEffect(() => (listed ? SeriesView.loader.preload() : undefined), [listed]);

  const restore = async (s: SeriesInfo) => {
    try {
      await client.call('series.restore', { id: s.id });
      load();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <section className="pane" aria-labelledby="series-title">
      <header className="pane__header">
        <h1 id="series-title">{trash ? 'Series in the trash' : 'Series'}</h1>
        <div className="series-view__actions">
          <label className="series-list__trash">
            <input type="checkbox" checked={trash} onChange={(e) => setTrash(e.target.checked)} /> Show the trash
          </label>
          {!creating && !trash && (
            <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
              New series
            </button>
          )}
        </div>
      </header>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {creating && <SeriesForm postCount={0} onSaved={(s) => navigate('series', s.id)} onCancel={() => setCreating(false)} />}
      {list && list.length === 0 && !creating && (
        <div className="empty-state">
          {trash ? (
            <>
              <h2>The trash is empty</h2>
              <p>A deleted series waits here until you restore it.</p>
            </>
          ) : (
            <>
              <h2>No series yet</h2>
              <p>
                Plan a run of guest posts: choose <strong>New series</strong>, give it a topic and a notice such as “This is the third in a
                series of guest blogs that explores …”, then add its posts in order.
              </p>
            </>
          )}
        </div>
      )}
      {list && list.length > 0 && (
        <ul className="series-list" aria-label={trash ? 'Series in the trash' : 'All series'}>
          {list.map((s) => (
            <li key={s.id}>
              {trash ? (
                <div className="series-list__item">
                  <span className="series-list__title">{s.title}</span>
                  <span className="muted">
                    {s.postCount} post{s.postCount === 1 ? '' : 's'}
                  </span>
                  <button type="button" className="button button--small" onClick={() => restore(s)}>
                    Restore “{s.title}”
                  </button>
                </div>
              ) : (
                <a href={`#/series/${s.id}`} className="series-list__item">
                  <span className="series-list__title">{s.title}</span>
                  <span className="muted">
                    {s.postCount} post{s.postCount === 1 ? '' : 's'} · {describeCadence(s.cadence)}
                    {s.nextPlannedDate ? ` · next ${formatDate(s.nextPlannedDate)}` : ''}
                  </span>
                  {s.overdueCount > 0 && <span className="badge badge--overdue">{s.overdueCount} overdue</span>}
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
