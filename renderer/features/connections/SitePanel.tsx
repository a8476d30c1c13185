import { useEffect, useId, useState } from 'react';
import type { Output } from '../../../common/api';
import type { ConnectedSite, LogRow, ModerationChange, ModerationConflict, RemoteLink } from '../../../common/api/wordpress';
import { useClient } from '../../api/ClientContext';
import { useRunner } from '../../shell/use-runner';

type Posts = Output<'posts.list'>;

/** One connected site: publish a post, pull its comments, push moderation back, read the log. */
export function SitePanel({ site, onDisconnect }: { site: ConnectedSite; onDisconnect: () => void }) {
  const client = useClient();
  const id = useId();
  const [posts, setPosts] = useState<Posts>([]);
  const [postId, setPostId] = useState('');
  const [status, setStatus] = useState<'draft' | 'future' | 'publish'>('draft');
  // Where the chosen post is on this site: its remote id, link and status, kept in the store.
  const [remote, setRemote] = useState<RemoteLink | null>(null);
  const [editedThere, setEditedThere] = useState(false);
  const [changes, setChanges] = useState<ModerationChange[] | null>(null);
  const [conflicts, setConflicts] = useState<ModerationConflict[]>([]);
  const [log, setLog] = useState<LogRow[] | null>(null);
  // After each step the open log shows what it sent and got back.
  const { busy, error, notice, setError, setNotice, run } = useRunner(async () => {
    if (log) setLog(await client.call('wordpress.log', { siteId: site.id, limit: 50 }).catch(() => log));
  });

  useEffect(() => {
    client.call('posts.list', {}).then((p) => {
      setPosts(p);
      setPostId((old) => old || p[0]?.id || '');
    }, (e: Error) => setError(e.message));
  }, [client]);

  const loadRemote = async (id: string) => {
    if (!id) return setRemote(null);
    const links = await client.call('wordpress.postLinks', { postId: id }).catch(() => []);
    setRemote(links.find((l) => l.siteId === site.id) ?? null);
  };
  useEffect(() => {
    void loadRemote(postId);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [postId]);

  const publish = (overwrite: boolean) =>
    run(async () => {
      setEditedThere(false);
      try {
        const r = await client.call('wordpress.publish', { siteId: site.id, post: { id: postId }, status, overwrite });
        await loadRemote(postId);
        setNotice(`${r.created ? 'Created' : 'Updated'} post ${r.remoteId} (${r.status})${r.picturesUploaded ? `, ${r.picturesUploaded} pictures uploaded` : ''}.`);
      } catch (e) {
        if ((e as { code?: string }).code === 'CONFLICT') setEditedThere(true);
        throw e;
      }
    });

  // A long pull reports how far it is (each page is stored as it comes) and can be cancelled.
  const [pulling, setPulling] = useState<{ pages: number; fetched: number } | null>(null);
  const pull = () =>
    run(async () => {
      setPulling({ pages: 0, fetched: 0 });
      const poll = setInterval(() => {
        client.call('wordpress.pullProgress', { siteId: site.id }).then((p) => p.running && setPulling({ pages: p.pages, fetched: p.fetched }), () => {});
      }, 400);
      try {
        const r = await client.call('wordpress.pullComments', { siteId: site.id });
        const counts = `${r.fetched} comments fetched: ${r.imported} new, ${r.changed} changed in WordPress, ${r.unchanged} unchanged`;
        // A change there to a comment decided here since is the push's conflict: the same list decides it.
        setConflicts(r.conflicts);
        const ruled = r.ruledHeld + r.ruledSpam ? ` Your moderation rules held ${r.ruledHeld} and sent ${r.ruledSpam} to spam.` : '';
        setNotice(r.cancelled ? `Pull cancelled after ${r.pages} page${r.pages === 1 ? '' : 's'}: ${counts}. Pull again to fetch the rest.${ruled}` : `${counts}.${ruled}${r.conflicts.length ? ` ${r.conflicts.length} changed there and here: left for you to decide.` : ''}`);
      } finally {
        clearInterval(poll);
        setPulling(null);
      }
    });
  const cancelPull = () => void client.call('wordpress.cancelPull', { siteId: site.id }).catch((e: Error) => setError(e.message));

  const preview = () =>
    run(async () => {
      setConflicts([]);
      setChanges(await client.call('wordpress.moderationPreview', { siteId: site.id }));
    });

  const push = (overwrite: number[] = []) =>
    run(async () => {
      const r = await client.call('wordpress.pushModeration', { siteId: site.id, overwrite });
      setChanges(null);
      setConflicts(r.conflicts);
      setNotice(`${r.pushed} of ${r.changes.length} changes sent to ${site.url}.${r.conflicts.length ? ` ${r.conflicts.length} left for you to decide.` : ''}`);
    });

  const toggleLog = async () => setLog(log ? null : await client.call('wordpress.log', { siteId: site.id, limit: 50 }));

  return (
    <section className="site-panel" aria-labelledby={`${id}-site`}>
      <h3 id={`${id}-site`}>
        {site.siteName || site.url} <span className="site-panel__meta">{site.url} · {site.userName}{site.hasPassword ? '' : ' · no password stored'}</span>
      </h3>
      <div className="site-panel__row">
        <div className="site-panel__field">
          <label htmlFor={`${id}-post`}>Post</label>
          <select id={`${id}-post`} value={postId} onChange={(e) => setPostId(e.target.value)}>
            {posts.map((p) => <option key={p.id} value={p.id}>{p.title || p.slug}</option>)}
          </select>
        </div>
        <div className="site-panel__field">
          <label htmlFor={`${id}-as`}>Publish as</label>
          <select id={`${id}-as`} value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
            <option value="draft">Draft</option>
            <option value="future">Scheduled (planned date)</option>
            <option value="publish">Published</option>
          </select>
        </div>
        <button type="button" className="button button--primary" disabled={busy || !postId || !site.canPublish} onClick={() => void publish(false)}>
          Publish to WordPress
        </button>
      </div>
      {editedThere && (
        <div className="site-panel__decision" role="group" aria-label="Edited in WordPress">
          <button type="button" className="button" onClick={() => void publish(true)} disabled={busy}>Overwrite their edit</button>
          <button type="button" className="button" onClick={() => setEditedThere(false)}>Cancel</button>
        </div>
      )}
      {remote && (
        <p className="site-panel__link">
          On this site as post {remote.remoteId} ({remote.remoteStatus}): <a href={remote.link} target="_blank" rel="noreferrer noopener">{remote.link}</a>
        </p>
      )}
      <div className="site-panel__row">
        <button type="button" className="button" disabled={busy || !site.canModerate} onClick={() => void pull()}>Pull comments</button>
        <button type="button" className="button" disabled={busy || !site.canModerate} onClick={() => void preview()}>Push moderation…</button>
        <button type="button" className="button" aria-expanded={log !== null} onClick={() => void toggleLog()}>Connection log</button>
        <button type="button" className="button" onClick={onDisconnect}>Disconnect</button>
      </div>
      {pulling && (
        <div className="site-panel__row" role="group" aria-label="Pull in progress">
          <progress aria-label="Pulling comments" />
          <span>Pulling comments… {pulling.pages} page{pulling.pages === 1 ? '' : 's'}, {pulling.fetched} comments so far</span>
          <button type="button" className="button" onClick={cancelPull}>Cancel pull</button>
        </div>
      )}
      {error && <p className="error-text" role="alert">{error}</p>}
      <p className="site-panel__notice" role="status" aria-live="polite">{notice}</p>
      {changes && (
        <div className="site-panel__preview">
          <h4>{changes.length ? `${changes.length} change${changes.length === 1 ? '' : 's'} to send` : 'Nothing to send: WordPress agrees with every decision here.'}</h4>
          <ul>
            {changes.map((c) => <li key={c.remoteId}>{c.author || 'Anonymous'} on “{c.postTitle}”: {c.from} → {c.to}</li>)}
          </ul>
          {changes.length > 0 && <button type="button" className="button button--primary" disabled={busy} onClick={() => void push()}>Send {changes.length} change{changes.length === 1 ? '' : 's'}</button>}
          <button type="button" className="button" onClick={() => setChanges(null)}>Cancel</button>
        </div>
      )}
      {conflicts.length > 0 && (
        <div className="site-panel__preview" role="group" aria-label="Changed in WordPress">
          <h4>Changed in WordPress since the pull</h4>
          <ul>
            {conflicts.map((c) => (
              <li key={c.remoteId}>
                {c.author || 'Anonymous'}: {c.reason}; yours is {c.to}.{' '}
                <button type="button" className="button" disabled={busy} onClick={() => void push([c.remoteId])}>Send mine anyway</button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {log && (
        <table className="site-panel__log">
          <caption>Connection log (newest first, no passwords)</caption>
          <thead><tr><th scope="col">When</th><th scope="col">Request</th><th scope="col">Answer</th></tr></thead>
          <tbody>
            {log.map((l) => (
              <tr key={l.id}>
                <td>{l.at.slice(11, 19)}</td>
                <td>{l.method} {decodeURIComponent(l.url.replace(/^https?:\/\/[^/]+/, ''))}</td>
                <td>{l.status ?? 'no answer'} · {l.ms} ms</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
