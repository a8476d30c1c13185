import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ConnectedSite } from '../../../common/api/wordpress';
import { useClient } from '../../api/ClientContext';
import { SitePanel } from './SitePanel';
import { useRunner } from '../../shell/use-runner';

/**
 * Connected WordPress sites: connect one (address, user, application password, checked at once),
 * and for each site publish a post, pull comments, push moderation and read the connection log.
 */
export function ConnectionsDialog({ onClose }: { onClose: () => void }) {
  const client = useClient();
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [sites, setSites] = useState<ConnectedSite[] | null>(null);
  const [url, setUrl] = useState('');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, notice, setError, setNotice, run } = useRunner();

  const refresh = useCallback(async () => {
    try {
      setSites(await client.call('wordpress.sites', {}));
    } catch (e) {
      setError((e as Error).message);
    }
  }, [client]);

  useEffect(() => {
    dialog.current?.showModal();
    void refresh();
  }, [refresh]);

  const connect = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const site = await client.call('wordpress.connect', { url, user, password });
      setPassword('');
      setNotice(`Connected ${site.url} as ${site.userName}.`);
      await refresh();
    });
  };

  const disconnect = (site: ConnectedSite) =>
    run(async () => {
      await client.call('wordpress.disconnect', { siteId: site.id });
      setNotice(`The password for ${site.url} is forgotten.`);
      await refresh();
    });

  return (
    <dialog ref={dialog} className="connections-dialog" aria-labelledby={`${id}-title`} aria-busy={busy} onClose={onClose}>
      <div className="connections-dialog__header">
        <h2 id={`${id}-title`}>Connections</h2>
        <button type="button" className="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
      <form className="connections-form" onSubmit={connect} aria-labelledby={`${id}-connect`}>
        <h3 id={`${id}-connect`}>Connect a WordPress site</h3>
        <label>
          Site address
          <input type="text" inputMode="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://example.org" required />
        </label>
        <label>
          User name
          <input type="text" value={user} onChange={(e) => setUser(e.target.value)} autoComplete="username" required />
        </label>
        <label>
          Application password
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="off" required />
        </label>
        <p className="connections-form__hint">
          Create one in WordPress under Users → Profile → Application Passwords. It is checked at once and stored sealed, never in the database.
        </p>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Checking…' : 'Connect'}
        </button>
      </form>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <p className="connections-dialog__notice" role="status" aria-live="polite">
        {notice}
      </p>
      {sites === null ? (
        <p>Loading connections…</p>
      ) : sites.length === 0 ? (
        <p className="connections-dialog__empty">No site is connected yet.</p>
      ) : (
        sites.map((s) => <SitePanel key={s.id} site={s} onDisconnect={() => void disconnect(s)} />)
      )}
    </dialog>
  );
}
