/**
 * WordPress WXR (1.0, 1.1, 1.2): items become posts, wp:comment elements become comments.
 * The export namespace is recognised by the URI its prefix is bound to (http or https,
 * any 1.x), never by the prefix itself.
 */
import type { CommentStatus, CommentType } from '../../common/domain';
import { parseIsoish } from './dates';
import { readXml } from './xml-reader';
import type { ImportedComment, ImportedPost, Importer } from './types';

const WP_NS = /^https?:\/\/wordpress\.org\/export\/1\.\d+\/?$/;
/** Namespace URIs already tested against WP_NS: a file uses two or three, on a million elements. */
const wpChecked = new Map<string, boolean>();
function isWp(uri: string): boolean {
  let yes = wpChecked.get(uri);
  if (yes === undefined) {
    yes = WP_NS.test(uri);
    if (wpChecked.size < 64) wpChecked.set(uri, yes);
  }
  return yes;
}
const CONTENT_NS = 'http://purl.org/rss/1.0/modules/content/';

const STATUS: Record<string, CommentStatus> = { '1': 'approved', approve: 'approved', approved: 'approved', '0': 'pending', '': 'pending', hold: 'pending', spam: 'spam', trash: 'trash', 'post-trashed': 'trash' };
/**
 * Comment meta keys our own WXR export writes (main/exporters/wxr.ts), read back into the
 * author's role and organisation; stored under names no comment_* element can take.
 */
const COMMENT_META: Record<string, string> = { workbench_author_role: 'meta:role', workbench_author_organisation: 'meta:organisation' };
const TYPES: Record<string, CommentType> = { '': 'comment', comment: 'comment', pingback: 'pingback', trackback: 'trackback' };

export function wxrStatus(value: string): CommentStatus | undefined {
  return STATUS[value.trim().toLowerCase()];
}

export const parseWxr: Importer = async (chunks, sink, { fileName }) => {
  let item: Record<string, string> | null = null;
  let itemIndex = 0;
  let post: ImportedPost | null = null;
  let postSent = false;
  let comment: Record<string, string> | null = null;
  let commentLine = 0;
  let itemLine = 0;
  // wp:commentmeta inside the comment being read: its key and value, stored on its close.
  let meta: { key: string; value: string } | null = null;
  let sawWp = false;

  const postOf = (f: Record<string, string>): ImportedPost => {
    const link = (f.link ?? '').trim();
    return {
      key: (f.post_id ?? '').trim() || link || `item-${itemIndex}`,
      title: (f.title ?? '').trim(),
      link,
      slug: (f.post_name ?? '').trim(),
      publishedAt: parseIsoish(f.post_date_gmt ?? '') ?? parseIsoish(f.post_date ?? '') ?? rfc822(f.pubDate ?? ''),
      contentHtml: f.encoded ?? '',
      at: `${fileName}:${itemLine}`,
    };
  };
  const sendPost = () => {
    if (!postSent && item) {
      post = postOf(item);
      sink.post(post);
      postSent = true;
    }
  };

  await readXml(chunks, fileName, {
    open(el) {
      if (isWp(el.uri)) sawWp = true;
      if (el.local === 'item' && el.uri === '') {
        item = {};
        itemIndex++;
        itemLine = el.line;
        post = null;
        postSent = false;
      } else if (item && el.local === 'comment' && isWp(el.uri)) {
        sendPost();
        comment = {};
        commentLine = el.line;
      } else if (comment && el.local === 'commentmeta' && isWp(el.uri)) {
        meta = { key: '', value: '' };
      }
    },
    close(el, text) {
      if (comment) {
        if (el.local === 'comment' && isWp(el.uri)) {
          const c = toComment(comment, post!, `${fileName}:${commentLine}`, sink.warning);
          if (c) sink.comment(c);
          comment = null;
        } else if (isWp(el.uri) && el.local.startsWith('comment_')) {
          comment[el.local.slice(8)] = text;
        } else if (meta && isWp(el.uri)) {
          if (el.local === 'meta_key') meta.key = text.trim();
          else if (el.local === 'meta_value') meta.value = text;
          else if (el.local === 'commentmeta') {
            if (COMMENT_META[meta.key]) comment[COMMENT_META[meta.key]] = meta.value;
            meta = null;
          }
        }
        return;
      }
      if (!item) return;
      if (el.local === 'item' && el.uri === '') {
        const type = (item.post_type ?? '').trim();
        if (!postSent && (type === 'post' || type === 'page')) sendPost();
        item = null;
        return;
      }
      if (el.uri === '' && (el.local === 'title' || el.local === 'link' || el.local === 'pubDate')) item[el.local] = text;
      else if (el.uri === CONTENT_NS && el.local === 'encoded') item.encoded = text;
      else if (isWp(el.uri) && ['post_id', 'post_name', 'post_type', 'post_date', 'post_date_gmt'].includes(el.local)) item[el.local] = text;
    },
  });
  if (!sawWp) sink.warning(`${fileName}: no element in a WordPress export namespace (http://wordpress.org/export/1.x/); is this a WXR file?`);
};

function toComment(f: Record<string, string>, post: ImportedPost, at: string, warn: (m: string) => void): ImportedComment | null {
  const id = (f.id ?? '').trim();
  if (!id) {
    warn(`${at}: a comment without wp:comment_id was skipped`);
    return null;
  }
  const flags: string[] = [];
  const rawStatus = (f.approved ?? '').trim();
  let status = wxrStatus(rawStatus);
  if (!status) {
    warn(`${at}: comment ${id} has the unknown status "${rawStatus.slice(0, 40)}"; imported as pending`);
    status = 'pending';
    flags.push('unknown-status');
  }
  const rawType = (f.type ?? '').trim().toLowerCase();
  let type = TYPES[rawType];
  if (!type) {
    warn(`${at}: comment ${id} has the type "${rawType.slice(0, 40)}"; imported as a comment`);
    type = 'comment';
  }
  const parent = (f.parent ?? '').trim();
  return {
    sourceId: id,
    postKey: post.key,
    parentSourceId: parent && parent !== '0' ? parent : null,
    author: {
      name: (f.author ?? '').trim(),
      role: (f['meta:role'] ?? '').trim(),
      organisation: (f['meta:organisation'] ?? '').trim(),
      email: (f.author_email ?? '').trim(),
      url: (f.author_url ?? '').trim(),
    },
    postedAt: parseIsoish(f.date_gmt ?? '') ?? parseIsoish(f.date ?? ''),
    body: (f.content ?? '').trim(),
    bodyIsHtml: true,
    status,
    statusDefaulted: f.approved === undefined ? 'no wp:comment_approved' : undefined,
    type,
    flags,
    at,
  };
}

function rfc822(value: string): string | null {
  const t = Date.parse(value.trim());
  return value.trim() && !Number.isNaN(t) ? new Date(t).toISOString() : null;
}
