/**
 * The WordPress adapter: the REST API (wp/v2) with an application password. WordPress-only facts
 * live here and nowhere else: `?rest_route=` addressing without pretty permalinks, `hold` for our
 * `pending`, statuses read back after a write (unknown ones are ignored with a 200), per_page 100
 * with X-WP-TotalPages, terms created by name, `modified_gmt` without a zone.
 */
import crypto from 'node:crypto';
import type { CommentStatus } from '../../common/domain';
import type {
  ConnectedSite, Publisher, PublisherOptions, RemoteComment, RemoteCommentStamp, RemoteMedia, RemoteMediaInput, RemotePost, RemotePostInput,
  RemotePostSummary, SiteLogin,
} from './publisher';
import { DEFAULT_HTTP, RemoteError, remoteErrorOf, request, type HttpOptions, type RemoteResponse } from './remote-http';

const WP_TO_OURS: Record<string, CommentStatus> = { approved: 'approved', hold: 'pending', spam: 'spam', trash: 'trash' };
const OURS_TO_WP: Record<CommentStatus, string> = { approved: 'approve', pending: 'hold', spam: 'spam', trash: 'trash' };

/** A site address as typed ("example.org/blog/") made comparable: scheme, no trailing slash. */
export function normaliseSiteUrl(raw: string): string {
  const s = raw.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(s) ? s : `https://${s}`;
  let u: URL;
  try { u = new URL(withScheme); } catch { throw new RemoteError('not-cms', `"${raw}" is not a web address. Type the site's address, such as https://example.org.`); }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new RemoteError('not-cms', `"${raw}" is not an http(s) address.`);
  u.hash = '';
  u.search = '';
  return u.toString().replace(/\/+$/, '');
}

/** The URL of a REST route under the API root, with either addressing style. */
export function routeUrl(apiRoot: string, route: string, params: Record<string, string | number | undefined> = {}): string {
  const u = new URL(apiRoot);
  if (u.searchParams.has('rest_route')) u.searchParams.set('rest_route', route);
  else u.pathname = `${u.pathname.replace(/\/+$/, '')}${route}`;
  for (const [k, v] of Object.entries(params)) if (v !== undefined) u.searchParams.set(k, String(v));
  return u.toString();
}

const gmt = (s: unknown): string | null => (typeof s === 'string' && s ? `${s.replace(/Z$/, '')}Z` : null);

function looksLikeWordPress(html: string): boolean {
  return /wp-content\/|wp-includes\/|<meta[^>]+generator[^>]+WordPress/i.test(html);
}

export class WordPressPublisher implements Publisher {
  readonly kind = 'wordpress' as const;
  readonly siteUrl: string;
  private apiRoot: string | null;
  private readonly http: HttpOptions;

  constructor(login: SiteLogin & { apiRoot?: string | null }, o: PublisherOptions = {}) {
    this.siteUrl = normaliseSiteUrl(login.url);
    this.apiRoot = login.apiRoot ?? null;
    // WordPress shows application passwords in groups of four; the spaces are optional.
    const basic = Buffer.from(`${login.user}:${login.password.replace(/\s+/g, '')}`).toString('base64');
    this.http = {
      timeoutMs: o.timeoutMs ?? DEFAULT_HTTP.timeoutMs,
      retries: o.retries ?? DEFAULT_HTTP.retries,
      backoffMs: o.backoffMs ?? DEFAULT_HTTP.backoffMs,
      log: o.log,
      headers: { authorization: `Basic ${basic}`, accept: 'application/json' },
    };
  }

  /** Finds the REST API root: the home page's Link header, else `?rest_route=/`; says plainly when there is none. */
  async discover(): Promise<string> {
    if (this.apiRoot) return this.apiRoot;
    const anon = { ...this.http, headers: { accept: 'text/html,application/json' }, retries: Math.min(this.http.retries, 1) };
    const home = await request({ url: `${this.siteUrl}/`, follow: true, accept: [401, 403, 404, 410, 500, 503] }, anon);
    const link = /<([^>]+)>;\s*rel="https:\/\/api\.w\.org\/"/.exec(home.headers.get('link') ?? '');
    if (link) return (this.apiRoot = new URL(link[1]!, `${this.siteUrl}/`).toString());
    const probe = await request({ url: `${this.siteUrl}/?rest_route=/`, follow: true, accept: [401, 403, 404, 410, 500, 503] }, anon);
    const index = probe.json as { namespaces?: unknown } | undefined;
    if (Array.isArray(index?.namespaces)) {
      if (!index.namespaces.includes('wp/v2')) throw new RemoteError('rest-disabled', `${this.siteUrl} is WordPress, but its REST API offers no wp/v2 routes. A plugin or the host has turned them off; ask the site's administrator to allow the REST API.`);
      return (this.apiRoot = `${this.siteUrl}/?rest_route=/`);
    }
    const err = remoteErrorOf(probe.json);
    if (err || looksLikeWordPress(home.text) || looksLikeWordPress(probe.text)) {
      throw new RemoteError('rest-disabled', `${this.siteUrl} looks like WordPress, but its REST API is switched off${err ? ` (it said "${err.message}", ${err.code})` : ''}. Ask the site's administrator to allow the REST API (a security plugin often blocks it).`, probe.status, err?.code ?? null);
    }
    throw new RemoteError('not-cms', `${this.siteUrl} does not look like a WordPress site: it announces no REST API and ?rest_route=/ is not answered. Check the address (the site's home page, not its admin page).`, home.status);
  }

  private async call(method: string, route: string, o: { params?: Record<string, string | number | undefined>; body?: unknown; raw?: { data: Buffer; headers: Record<string, string> }; accept?: number[] } = {}): Promise<RemoteResponse> {
    const root = await this.discover();
    const headers: Record<string, string> = o.raw ? o.raw.headers : o.body !== undefined ? { 'content-type': 'application/json' } : {};
    const res = await request({ method, url: routeUrl(root, route, o.params), body: o.raw ? o.raw.data : o.body !== undefined ? JSON.stringify(o.body) : undefined, headers, accept: o.accept }, this.http);
    if (res.status >= 200 && res.status < 300 && res.json === undefined) {
      throw new RemoteError('bad-answer', `${this.siteUrl} answered ${route} with something other than JSON (${res.headers.get('content-type') ?? 'no type'}). A plugin or the host may be rewriting API answers.`, res.status);
    }
    return res;
  }

  async connect(): Promise<ConnectedSite> {
    const root = await this.discover();
    let me: RemoteResponse;
    try {
      me = await this.call('GET', '/wp/v2/users/me', { params: { context: 'edit' } });
    } catch (e) {
      if (e instanceof RemoteError && e.kind === 'forbidden' && e.remoteCode === 'rest_disabled') {
        throw new RemoteError('rest-disabled', `${this.siteUrl} has its REST API switched off for this user. Ask the site's administrator to allow the REST API.`, 403, e.remoteCode);
      }
      throw e;
    }
    const u = me.json as { name?: string; username?: string; roles?: string[]; capabilities?: Record<string, boolean> };
    const caps = u.capabilities ?? {};
    const canPublish = !!(caps.publish_posts && caps.upload_files && caps.edit_posts);
    const canModerate = !!caps.moderate_comments;
    const userName = u.username ?? '';
    if (!canPublish && !canModerate) {
      throw new RemoteError('forbidden', `The user "${userName}" (${(u.roles ?? []).join(', ') || 'no role'}) on ${this.siteUrl} can neither publish posts nor moderate comments. Connect with an Editor or Administrator account.`, 403, 'too_few_rights');
    }
    const index = await this.call('GET', '/', { params: { _fields: 'name' } }).catch(() => null);
    return {
      url: this.siteUrl,
      apiRoot: root,
      siteName: String((index?.json as { name?: string } | undefined)?.name ?? ''),
      userName,
      userDisplayName: u.name ?? userName,
      roles: u.roles ?? [],
      canPublish,
      canModerate,
    };
  }

  /** Read with context=edit (raw fields), as every post read and write here is. */
  private toPost(j: any): RemotePost {
    const contentHash = crypto.createHash('sha256').update(JSON.stringify([j.title?.raw ?? null, j.excerpt?.raw ?? null, j.content?.raw ?? null])).digest('hex').slice(0, 32);
    return { remoteId: j.id, link: j.link ?? '', status: j.status ?? '', slug: j.slug ?? '', modifiedGmt: gmt(j.modified_gmt) ?? '', title: j.title?.raw ?? j.title?.rendered ?? '', contentHash };
  }

  async getPost(remoteId: number): Promise<RemotePost | null> {
    const r = await this.call('GET', `/wp/v2/posts/${remoteId}`, { params: { context: 'edit' }, accept: [404, 410] });
    if (r.status === 404 || r.status === 410) return null;
    const j = r.json as { status?: string };
    return j.status === 'trash' ? null : this.toPost(r.json);
  }

  async findPostByMarker(marker: string): Promise<RemotePost | null> {
    const r = await this.call('GET', '/wp/v2/posts', { params: { search: marker, status: 'any', context: 'edit', per_page: 10 } });
    const hit = (r.json as any[]).find((p) => String(p.content?.raw ?? '').includes(marker));
    return hit ? this.toPost(hit) : null;
  }

  /** Term ids by name, created when missing (WordPress answers term_exists with the id when a name races). */
  private async termIds(taxonomy: 'tags' | 'categories', names: string[]): Promise<number[]> {
    const ids: number[] = [];
    for (const name of [...new Set(names.map((n) => n.trim()).filter(Boolean))]) {
      const found = await this.call('GET', `/wp/v2/${taxonomy}`, { params: { search: name, per_page: 100, context: 'edit' } });
      const same = (found.json as { id: number; name: string }[]).find((t) => t.name.toLowerCase() === name.toLowerCase());
      if (same) { ids.push(same.id); continue; }
      const made = await this.call('POST', `/wp/v2/${taxonomy}`, { body: { name }, accept: [400] });
      const data = made.json as { id?: number; code?: string; data?: { term_id?: number } };
      if (made.status === 400 && data.code === 'term_exists' && data.data?.term_id) ids.push(data.data.term_id);
      else if (made.status === 400) throw new RemoteError('bad-answer', `${this.siteUrl} refused the ${taxonomy === 'tags' ? 'tag' : 'category'} "${name}": ${remoteErrorOf(made.json)?.message ?? 'no reason given'}.`, 400);
      else ids.push(data.id!);
    }
    return ids;
  }

  private async postBody(p: RemotePostInput): Promise<Record<string, unknown>> {
    return {
      title: p.title,
      slug: p.slug,
      excerpt: p.excerpt,
      content: `<!-- ${p.marker} -->\n${p.html}`,
      status: p.status,
      ...(p.status === 'future' && p.dateGmt ? { date_gmt: p.dateGmt.replace(/\.\d+Z$|Z$/, '') } : {}),
      tags: await this.termIds('tags', p.tags),
      categories: p.categories.length ? await this.termIds('categories', p.categories) : undefined,
    };
  }

  async createPost(p: RemotePostInput): Promise<RemotePost> {
    return this.toPost((await this.call('POST', '/wp/v2/posts', { params: { context: 'edit' }, body: await this.postBody(p) })).json);
  }

  async updatePost(remoteId: number, p: RemotePostInput): Promise<RemotePost> {
    return this.toPost((await this.call('POST', `/wp/v2/posts/${remoteId}`, { params: { context: 'edit' }, body: await this.postBody(p) })).json);
  }

  /**
   * One request a picture: WordPress reads the title, alt text and caption of an upload from the
   * query string. Very long texts (which a URL should not carry) go in a second request.
   */
  async uploadMedia(m: RemoteMediaInput): Promise<RemoteMedia> {
    const meta = { title: m.marker, alt_text: m.alt, caption: m.caption };
    const inUrl = m.alt.length + m.caption.length <= 1500;
    const up = await this.call('POST', '/wp/v2/media', {
      params: { context: 'edit', ...(inUrl ? meta : {}) },
      raw: { data: m.data, headers: { 'content-type': m.mime, 'content-disposition': `attachment; filename="${m.fileName.replace(/[^A-Za-z0-9._-]/g, '-')}"` } },
    });
    const id = (up.json as { id: number }).id;
    const done = inUrl ? up : await this.call('POST', `/wp/v2/media/${id}`, { params: { context: 'edit' }, body: meta });
    return { remoteId: id, url: (done.json as { source_url: string }).source_url };
  }

  async findMediaByMarker(marker: string): Promise<RemoteMedia | null> {
    const r = await this.call('GET', '/wp/v2/media', { params: { search: marker, context: 'edit', per_page: 10 } });
    const hit = (r.json as any[]).find((m) => String(m.title?.raw ?? '').includes(marker));
    return hit ? { remoteId: hit.id, url: hit.source_url } : null;
  }

  /** Pages through a collection; X-WP-TotalPages says when to stop, or onPage returning false. */
  private async paged(route: string, params: Record<string, string | number | undefined>, onPage: (items: any[]) => boolean | void): Promise<void> {
    for (let page = 1; ; page++) {
      const r = await this.call('GET', route, { params: { ...params, per_page: 100, page } });
      const items = r.json as any[];
      if (onPage(items) === false) return;
      const pages = Number(r.headers.get('x-wp-totalpages') ?? '1');
      if (page >= pages || items.length === 0) return;
    }
  }

  async listPosts(): Promise<RemotePostSummary[]> {
    const out: RemotePostSummary[] = [];
    await this.paged('/wp/v2/posts', { status: 'any', context: 'edit', _fields: 'id,link,slug,title,date_gmt', orderby: 'id', order: 'asc' }, (items) => {
      for (const p of items) out.push({ remoteId: p.id, link: p.link, slug: p.slug, title: p.title?.raw ?? '', dateGmt: gmt(p.date_gmt) });
    });
    return out;
  }

  private toComment(c: any): RemoteComment {
    const { status, html, fingerprint } = commentStamp(c);
    return {
      remoteId: c.id, remotePostId: c.post, parentRemoteId: c.parent ? c.parent : null,
      authorName: c.author_name ?? '', authorEmail: c.author_email ?? '', authorUrl: c.author_url ?? '',
      dateGmt: c.date_gmt ? new Date(gmt(c.date_gmt)!).toISOString() : null, html, status, fingerprint, link: String(c.link ?? ''),
    };
  }

  async listComments(o: { postIds: number[] | null; newerThanId?: number | null }, onPage: (page: RemoteComment[]) => void | boolean): Promise<void> {
    // status=any lists every status (all is approved and held only); comments take no comma list of statuses.
    const newer = o.newerThanId ?? null;
    const base = { context: 'edit', status: 'any', orderby: 'id', order: newer === null ? 'asc' : 'desc' } as Record<string, string | number | undefined>;
    const groups = o.postIds === null ? [undefined] : chunk(o.postIds, 50).map((ids) => ids.join(','));
    let halted = false;
    for (const post of groups) {
      if (halted) return;
      // Newest first, stopping at the first comment already known.
      await this.paged('/wp/v2/comments', { ...base, post }, (items) => {
        const page = items.map((c) => this.toComment(c));
        const keep = newer === null ? page : page.filter((c) => c.remoteId > newer);
        halted = onPage(keep) === false;
        return !halted && keep.length === page.length;
      });
    }
  }

  async sweepComments(postIds: number[]): Promise<RemoteCommentStamp[]> {
    const out: RemoteCommentStamp[] = [];
    for (const ids of chunk(postIds, 50)) {
      await this.paged('/wp/v2/comments', { context: 'edit', status: 'any', post: ids.join(','), orderby: 'id', order: 'asc', _fields: SWEEP_FIELDS }, (items) => {
        for (const c of items) {
          const { status, fingerprint } = commentStamp(c);
          out.push({ remoteId: c.id, remotePostId: c.post, status, fingerprint });
        }
      });
    }
    return out;
  }

  async getComments(remoteIds: number[]): Promise<RemoteComment[]> {
    const out: RemoteComment[] = [];
    for (const ids of chunk(remoteIds, 100)) {
      await this.paged('/wp/v2/comments', { context: 'edit', status: 'any', include: ids.join(','), orderby: 'id', order: 'asc' }, (items) => {
        for (const c of items) out.push(this.toComment(c));
      });
    }
    return out;
  }

  async getComment(remoteId: number): Promise<RemoteComment | null> {
    const r = await this.call('GET', `/wp/v2/comments/${remoteId}`, { params: { context: 'edit' }, accept: [404, 410] });
    return r.status === 404 || r.status === 410 ? null : this.toComment(r.json);
  }

  async setCommentStatus(remoteId: number, status: CommentStatus): Promise<RemoteComment> {
    const r = await this.call('POST', `/wp/v2/comments/${remoteId}`, { params: { context: 'edit' }, body: { status: OURS_TO_WP[status] } });
    const back = this.toComment(r.json);
    if (back.status !== status) {
      throw new RemoteError('bad-answer', `${this.siteUrl} kept comment ${remoteId} as ${back.status} when asked for ${status}. A plugin may override moderation there.`, r.status);
    }
    return back;
  }

  async createReply(r: { remotePostId: number; parentRemoteId: number; html: string }): Promise<RemoteComment> {
    const res = await this.call('POST', '/wp/v2/comments', { params: { context: 'edit' }, body: { post: r.remotePostId, parent: r.parentRemoteId, content: r.html, status: 'approve' } });
    return this.toComment(res.json);
  }
}

/**
 * The fields a comment's fingerprint is made of: no avatars, links, dates or meta. `content.raw`
 * alone is not enough: WordPress 6.1 then leaves content out entirely, so the rendered text comes too.
 */
const SWEEP_FIELDS = 'id,post,parent,status,author_name,author_email,author_url,content';

/** Status ours, raw HTML, and a fingerprint that changes with the status, text, author or parent. */
function commentStamp(c: any): { status: CommentStatus; html: string; fingerprint: string } {
  const status = WP_TO_OURS[c.status] ?? 'pending';
  const html = String(c.content?.raw ?? c.content?.rendered ?? '');
  const fingerprint = crypto.createHash('sha256').update(JSON.stringify([status, html, c.author_name, c.author_email, c.author_url, c.parent])).digest('hex').slice(0, 32);
  return { status, html, fingerprint };
}

function chunk<T>(xs: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}
