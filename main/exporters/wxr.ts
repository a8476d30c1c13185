/**
 * WordPress eXtended RSS 1.2: chosen posts with their approved comments, in the form WordPress's
 * importer reads (channel with wp:wxr_version, wp:author entries, items of wp:post_type post with
 * wp:comment children). Body HTML is the publish fragment; pictures are inlined as data: URLs
 * so the file is self-contained. Guest authors' role and organisation, and commenters', travel
 * as meta entries so our own importer can restore them. Deterministic: no clock is read.
 */
import type { DB } from '../../db/connection';
import type { Comment, Post } from '../../common/domain';
import { cleanText } from '../../common/publish/escape';
import { renderFragment, sanitizeCommentHtml } from '../../common/publish/index';
import { slugify } from '../../common/text';
import { approvedComments } from '../../db/repos/publish-source';
import { resolveAssets } from './assets';

export const WXR_NAMESPACES = {
  excerpt: 'http://wordpress.org/export/1.2/excerpt/',
  content: 'http://purl.org/rss/1.0/modules/content/',
  wfw: 'http://wellformedweb.org/CommentAPI/',
  dc: 'http://purl.org/dc/elements/1.1/',
  wp: 'http://wordpress.org/export/1.2/',
};

/** CDATA that survives any text: "]]>" is split across two sections. */
export function cdata(text: string): string {
  return `<![CDATA[${cleanText(text).replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

export function xmlText(text: string): string {
  return cleanText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "YYYY-MM-DD HH:MM:SS" in UTC, WordPress's date column format; null when the value is not a date. */
export function wpDate(iso: string | null): string | null {
  if (!iso) return null;
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return null;
  return d.toISOString().slice(0, 19).replace('T', ' ');
}

function rfc2822(iso: string | null): string | null {
  if (!iso) return null;
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/** Our workflow status as a WordPress post status. */
export function wpStatus(status: string): string {
  if (status === 'published') return 'publish';
  if (status === 'scheduled') return 'future';
  if (status === 'in-review') return 'pending';
  return 'draft';
}

export interface WxrOptions {
  siteTitle: string;
  /** e.g. https://example.org; links are built from it. */
  siteUrl: string;
  lang: string;
}

interface AuthorEntry {
  login: string;
  name: string;
  email: string;
}

function authorLogin(name: string, taken: Map<string, string>): string {
  const existing = taken.get(name);
  if (existing) return existing;
  const base = slugify(name, 50);
  let login = base;
  for (let n = 2; [...taken.values()].includes(login); n++) login = `${base}-${n}`;
  taken.set(name, login);
  return login;
}

const tag = (name: string, value: string | number) => `<${name}>${value}</${name}>`;
const meta = (prefix: 'wp:postmeta' | 'wp:commentmeta', key: string, value: string) =>
  `<${prefix}>${tag('wp:meta_key', cdata(key))}${tag('wp:meta_value', cdata(value))}</${prefix}>`;

function commentXml(c: Comment, id: number, parent: number): string {
  const date = wpDate(c.postedAt) ?? '0000-00-00 00:00:00';
  const body = sanitizeCommentHtml(c.html) || xmlText(c.text);
  return [
    '\t\t<wp:comment>',
    `\t\t\t${tag('wp:comment_id', id)}`,
    `\t\t\t${tag('wp:comment_author', cdata(c.author.name))}`,
    `\t\t\t${tag('wp:comment_author_email', cdata(c.author.email))}`,
    `\t\t\t${tag('wp:comment_author_url', xmlText(/^https?:\/\//i.test(c.author.url) ? c.author.url : ''))}`,
    `\t\t\t${tag('wp:comment_author_IP', cdata(''))}`,
    `\t\t\t${tag('wp:comment_date', cdata(date))}`,
    `\t\t\t${tag('wp:comment_date_gmt', cdata(date))}`,
    `\t\t\t${tag('wp:comment_content', cdata(body))}`,
    `\t\t\t${tag('wp:comment_approved', cdata(c.status === 'approved' ? '1' : c.status === 'pending' ? '0' : c.status))}`,
    `\t\t\t${tag('wp:comment_type', cdata(c.type === 'comment' ? 'comment' : c.type))}`,
    `\t\t\t${tag('wp:comment_parent', parent)}`,
    `\t\t\t${tag('wp:comment_user_id', 0)}`,
    c.author.role ? `\t\t\t${meta('wp:commentmeta', 'workbench_author_role', c.author.role)}` : '',
    c.author.organisation ? `\t\t\t${meta('wp:commentmeta', 'workbench_author_organisation', c.author.organisation)}` : '',
    '\t\t</wp:comment>',
  ]
    .filter(Boolean)
    .join('\n');
}

export function renderWxr(db: DB, posts: Post[], o: WxrOptions): { xml: string; comments: number } {
  const site = o.siteUrl.replace(/\/+$/, '');
  const logins = new Map<string, string>();
  const authors: AuthorEntry[] = [];
  for (const p of posts) {
    for (const a of p.authors) {
      if (!logins.has(a.name)) authors.push({ login: authorLogin(a.name, logins), name: a.name, email: a.email });
    }
  }
  // Posts without a byline are credited to one "workbench" user, which WordPress asks to map on import.
  if (posts.some((p) => !p.authors.length)) authors.push({ login: authorLogin('workbench', logins), name: 'Editorial Workbench', email: '' });
  let commentId = 0;
  const items = posts.map((p, i) => {
    const { urls } = resolveAssets(db, [p.body], 'inline');
    const content = renderFragment(p.body, urls).html;
    const when = p.publishedAt ?? p.plannedDate;
    const date = wpDate(when);
    const status = wpStatus(p.status);
    const link = `${site}/${encodeURIComponent(p.slug)}/`;
    // Comment ids count up across the file; parents are mapped to those ids (orphans become top level).
    const comments = approvedComments(db, p.id);
    const ids = new Map(comments.map((c) => [c.id, ++commentId]));
    const creator = logins.get(p.authors[0]?.name ?? 'workbench')!;
    return [
      '\t<item>',
      `\t\t${tag('title', xmlText(p.title))}`,
      `\t\t${tag('link', xmlText(link))}`,
      `\t\t${tag('pubDate', rfc2822(p.publishedAt) ?? '')}`,
      `\t\t${tag('dc:creator', cdata(creator))}`,
      `\t\t<guid isPermaLink="false">${xmlText(`${site}/?p=${i + 1}`)}</guid>`,
      '\t\t<description></description>',
      `\t\t${tag('content:encoded', cdata(content))}`,
      `\t\t${tag('excerpt:encoded', cdata(p.standfirst))}`,
      `\t\t${tag('wp:post_id', i + 1)}`,
      `\t\t${tag('wp:post_date', cdata(date ?? '0000-00-00 00:00:00'))}`,
      `\t\t${tag('wp:post_date_gmt', cdata(status === 'draft' || status === 'pending' || !date ? '0000-00-00 00:00:00' : date))}`,
      `\t\t${tag('wp:comment_status', cdata('open'))}`,
      `\t\t${tag('wp:ping_status', cdata('closed'))}`,
      `\t\t${tag('wp:post_name', cdata(p.slug))}`,
      `\t\t${tag('wp:status', cdata(status))}`,
      `\t\t${tag('wp:post_parent', 0)}`,
      `\t\t${tag('wp:menu_order', 0)}`,
      `\t\t${tag('wp:post_type', cdata('post'))}`,
      `\t\t${tag('wp:post_password', cdata(''))}`,
      `\t\t${tag('wp:is_sticky', 0)}`,
      ...p.tags.map((t) => `\t\t<category domain="post_tag" nicename="${xmlText(slugify(t, 60))}">${cdata(t)}</category>`),
      p.label ? `\t\t${meta('wp:postmeta', 'workbench_label', p.label)}` : '',
      `\t\t${meta('wp:postmeta', 'workbench_status', p.status)}`,
      ...p.authors.map(
        (a, n) =>
          `\t\t${meta('wp:postmeta', 'workbench_author', JSON.stringify({ position: n, name: a.name, role: a.role, organisation: a.organisation, email: a.email, url: a.url }))}`,
      ),
      ...comments.map((c) => commentXml(c, ids.get(c.id)!, (c.parentId && ids.get(c.parentId)) || 0)),
      '\t</item>',
    ]
      .filter(Boolean)
      .join('\n');
  });
  const channel = [
    `\t${tag('title', xmlText(o.siteTitle))}`,
    `\t${tag('link', xmlText(site))}`,
    '\t<description></description>',
    `\t${tag('language', xmlText(o.lang))}`,
    `\t${tag('wp:wxr_version', '1.2')}`,
    `\t${tag('wp:base_site_url', xmlText(site))}`,
    `\t${tag('wp:base_blog_url', xmlText(site))}`,
    ...authors.map(
      (a, n) =>
        `\t<wp:author>${tag('wp:author_id', n + 1)}${tag('wp:author_login', cdata(a.login))}${tag('wp:author_email', cdata(a.email))}${tag('wp:author_display_name', cdata(a.name))}${tag('wp:author_first_name', cdata(''))}${tag('wp:author_last_name', cdata(''))}</wp:author>`,
    ),
    '\t<generator>Editorial Workbench</generator>',
    ...items,
  ];
  const ns = Object.entries(WXR_NAMESPACES)
    .map(([k, v]) => `\txmlns:${k}="${v}"`)
    .join('\n');
  const xml = `<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0"\n${ns}\n>\n<channel>\n${channel.join('\n')}\n</channel>\n</rss>\n`;
  return { xml, comments: commentId };
}
