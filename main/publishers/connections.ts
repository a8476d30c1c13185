/**
 * Connected sites: connect (check the login at once, then remember the site and seal the password),
 * disconnect (forget the password; the links between local and remote posts stay, so connecting
 * again never publishes a duplicate), status, and a ready-to-use publisher for a site whose every
 * exchange lands in the site's log.
 */
import type { DB } from '../../db/connection';
import { AppError } from '../../common/errors';
import { appendLog, getSite, listSites, upsertSite, findSiteByUrl, type CmsSite } from '../../db/repos/cms';
import type { CredentialStore } from './credentials';
import type { Publisher, PublisherOptions, SiteLogin } from './publisher';
import type { LogEntry } from './remote-http';
import { WordPressPublisher, normaliseSiteUrl } from './wordpress';

export interface SiteStatus extends CmsSite {
  /** A password is stored (or WORKBENCH_WP_PASSWORD is set). */
  hasPassword: boolean;
}

export async function connectSite(db: DB, store: CredentialStore, login: SiteLogin, o: PublisherOptions = {}): Promise<SiteStatus> {
  if (!login.user.trim()) throw new AppError('BAD_INPUT', 'The user name is empty: type the WordPress user the application password belongs to.');
  if (!login.password.trim()) throw new AppError('BAD_INPUT', 'The application password is empty: create one in WordPress under Users → Profile → Application Passwords.');
  const pending: LogEntry[] = [];
  const wp = new WordPressPublisher(login, { ...o, log: (e) => pending.push(e) });
  let site: CmsSite | null = findSiteByUrl(db, wp.siteUrl, login.user.trim())[0] ?? null;
  try {
    const found = await wp.connect();
    site = upsertSite(db, { kind: 'wordpress', ...found, userName: login.user.trim() });
    store.set(site.id, login.password);
    return { ...site, hasPassword: true };
  } finally {
    // A failed first connect has no site row to log against; the error message says it all.
    if (site) for (const e of pending) appendLog(db, site.id, e);
  }
}

export function siteStatuses(db: DB, store: CredentialStore): SiteStatus[] {
  return listSites(db).map((s) => ({ ...s, hasPassword: safeHas(store, s.id) }));
}

function safeHas(store: CredentialStore, id: string): boolean {
  try { return store.get(id) !== null; } catch { return false; }
}

export function disconnectSite(db: DB, store: CredentialStore, siteId: string): void {
  requireSite(db, siteId);
  store.delete(siteId);
}

export function requireSite(db: DB, siteId: string): CmsSite {
  const s = getSite(db, siteId);
  if (!s) throw new AppError('NOT_FOUND', `No connected site has the id ${siteId}; list them with "workbench wordpress status".`);
  return s;
}

/** Picks a site by id or address; the only one when nothing is named. */
export function pickSite(db: DB, ref: string | undefined): CmsSite {
  const sites = listSites(db);
  if (!ref) {
    if (sites.length === 1) return sites[0]!;
    throw new AppError('BAD_INPUT', sites.length === 0 ? 'No WordPress site is connected: connect one first ("workbench wordpress connect <site-url> --user U").' : `${sites.length} sites are connected: name one with --site (${sites.map((s) => s.url).join(', ')}).`);
  }
  const byId = sites.find((s) => s.id === ref);
  if (byId) return byId;
  let url: string;
  try { url = normaliseSiteUrl(ref); } catch { url = ref; }
  const byUrl = sites.filter((s) => s.url === url);
  if (byUrl.length === 1) return byUrl[0]!;
  throw new AppError('NOT_FOUND', byUrl.length ? `${ref} is connected with several users; name the site by its id.` : `No connected site is ${ref}; connected: ${sites.map((s) => s.url).join(', ') || 'none'}.`);
}

export function publisherFor(db: DB, store: CredentialStore, site: CmsSite, o: PublisherOptions = {}): Publisher {
  const password = store.get(site.id);
  if (password === null) throw new AppError('BAD_INPUT', `No application password is stored for ${site.url} (user ${site.userName}): connect it again, or set WORKBENCH_WP_PASSWORD.`);
  return new WordPressPublisher({ url: site.url, user: site.userName, password, apiRoot: site.apiRoot }, {
    ...o,
    log: (e) => {
      appendLog(db, site.id, e);
      o.log?.(e);
    },
  });
}
