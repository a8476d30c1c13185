import { useCallback, useEffect, useState } from 'react';
import type { Person } from '../../../common/api/people';
import type { PostChange, WorkItem } from '../../../common/api/planning';
import { statusLabel } from '../../../common/series/workflow';
import { useClient } from '../../api/ClientContext';
import { formatDate, formatTimestamp } from '../../format/dates';
import { postName } from './PlanChip';
import { MePicker } from './MePicker';

function describeChange(c: PostChange): string {
  if (c.kind === 'status') return `status ${c.from ? statusLabel(c.from) : 'none'} → ${c.to ? statusLabel(c.to) : 'none'}`;
  return `planned date ${c.from ? formatDate(c.from) : 'none'} → ${c.to ? formatDate(c.to) : 'none'}`;
}

/** The posts I own or review by due date, overdue first, and what changed on them since I last looked. */
export function MyWork({ today }: { today: string }) {
  const client = useClient();
  const [data, setData] = useState<{ meId: string | null; items: WorkItem[]; changes: PostChange[]; seenAt: string | null } | null>(null);
  const [error, setError] = useState('');
  const load = useCallback(() => void client.call('planning.myWork', { today }).then(setData, (e: Error) => setError(e.message)), [client, today]);
  useEffect(load, [load]);

  return (
    <div className="my-work">
      <MePicker onChange={(_me: Person | null) => load()} />
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {data && !data.meId && <p className="muted">Choose who you are above to see the posts you own or review.</p>}
      {data?.meId && (
        <>
          <section aria-labelledby="changes-title" className="my-work__changes">
            <h2 id="changes-title">Changed since you last looked ({data.changes.length})</h2>
            {data.changes.length === 0 ? (
              <p className="muted">Nothing has changed on your posts{data.seenAt ? ` since ${formatTimestamp(data.seenAt)}` : ''}.</p>
            ) : (
              <>
                <ul>
                  {data.changes.map((c) => (
                    <li key={c.seq}>
                      <a href={`#/drafts/${c.postId}`}>{c.title}</a>: {describeChange(c)}
                    </li>
                  ))}
                </ul>
                <button type="button" className="button" onClick={() => void client.call('planning.markSeen', {}).then(load, (e: Error) => setError(e.message))}>
                  Mark all as seen
                </button>
              </>
            )}
          </section>
          <section aria-labelledby="due-title">
            <h2 id="due-title">Due work ({data.items.length})</h2>
            {data.items.length === 0 ? (
              <p className="muted">You own or review no post that is still to be published.</p>
            ) : (
              <table className="plan-list" aria-label="My posts by due date">
                <thead>
                  <tr>
                    <th scope="col">Due</th>
                    <th scope="col">Post</th>
                    <th scope="col">My part</th>
                    <th scope="col">Status</th>
                    <th scope="col">Series</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((i) => (
                    <tr key={i.post.id} className={i.overdue ? 'is-overdue' : undefined}>
                      <td>
                        {i.due ? formatDate(i.due) : 'No date'}
                        {i.overdue && <span className="badge badge--overdue">Overdue</span>}
                      </td>
                      <td>
                        <a href={`#/drafts/${i.post.id}`}>{postName(i.post)}</a>
                      </td>
                      <td>{i.roles.map((r) => (r === 'owner' ? 'Owner' : 'Reviewer')).join(' and ')}</td>
                      <td>{statusLabel(i.post.status)}</td>
                      <td>{i.post.seriesTitle ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </>
      )}
    </div>
  );
}
