/**
 * The approved comments as a threaded section: replies nest under their parent in posting order;
 * a reply whose parent is not among the published comments is shown at the top level. Each body
 * goes through the strict allow-list serializer in sanitize.ts.
 */
import { escapeAttr, escapeText, safeHref, cleanText } from './escape';
import { datetimeAttr, humanDate } from './dates';
import { sanitizeCommentHtml, textToHtml } from './sanitize';
import type { PublishComment } from './types';

export interface ThreadNode {
  comment: PublishComment;
  replies: ThreadNode[];
}

function byTime(a: PublishComment, b: PublishComment): number {
  const ta = a.postedAt ?? '';
  const tb = b.postedAt ?? '';
  return ta < tb ? -1 : ta > tb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function threadComments(comments: PublishComment[]): ThreadNode[] {
  const ids = new Set(comments.map((c) => c.id));
  const children = new Map<string | null, PublishComment[]>();
  for (const c of comments) {
    const parent = c.parentId && ids.has(c.parentId) && c.parentId !== c.id ? c.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), c]);
  }
  const seen = new Set<string>();
  const build = (parent: string | null): ThreadNode[] => {
    const nodes: ThreadNode[] = [];
    for (const c of [...(children.get(parent) ?? [])].sort(byTime)) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      nodes.push({ comment: c, replies: build(c.id) });
    }
    return nodes;
  };
  const roots = build(null);
  // Comments caught in a parent cycle are reachable from no root: show them at the top level.
  const stranded = comments.filter((c) => !seen.has(c.id)).sort(byTime);
  for (const c of stranded) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    roots.push({ comment: c, replies: build(c.id) });
  }
  return roots;
}

export function renderComments(comments: PublishComment[]): string {
  if (!comments.length) return '';
  let n = 0;
  const renderList = (nodes: ThreadNode[], cls: string): string =>
    `<ol class="${cls}">\n${nodes.map(renderOne).join('\n')}\n</ol>`;
  const renderOne = (node: ThreadNode): string => {
    const c = node.comment;
    const id = `comment-${++n}`;
    const name = cleanText(c.author.name).trim() || 'Anonymous';
    const href = /^https?:/i.test(c.author.url) ? safeHref(c.author.url) : null;
    const nameHtml = href
      ? `<a href="${escapeAttr(href)}" rel="nofollow ugc">${escapeText(name)}</a>`
      : escapeText(name);
    const affiliation = [c.author.role, c.author.organisation].map((s) => cleanText(s).trim()).filter(Boolean).join(', ');
    const when = datetimeAttr(c.postedAt);
    const body = sanitizeCommentHtml(c.html) || textToHtml(c.text);
    return [
      `<li id="${id}" class="comment">`,
      `<p class="comment-author"><strong>${nameHtml}</strong>${affiliation ? `<br>\n<span class="comment-affiliation">${escapeText(affiliation)}</span>` : ''}</p>`,
      when ? `<p class="comment-date"><a href="#${id}"><time datetime="${escapeAttr(when)}">${humanDate(when)}</time></a></p>` : '',
      `<div class="comment-body">${body}</div>`,
      node.replies.length ? renderList(node.replies, 'comment-replies') : '',
      '</li>',
    ]
      .filter(Boolean)
      .join('\n');
  };
  const count = comments.length === 1 ? '1 comment' : `${comments.length} comments`;
  return `<section class="comments" aria-labelledby="comments-title">\n<h2 id="comments-title">${count}</h2>\n${renderList(threadComments(comments), 'comment-list')}\n</section>`;
}

export function commentsText(comments: PublishComment[]): string {
  const lines: string[] = [];
  const walk = (nodes: ThreadNode[], depth: number) => {
    for (const { comment: c, replies } of nodes) {
      const indent = '    '.repeat(depth);
      const who = [c.author.name || 'Anonymous', c.author.role, c.author.organisation].filter(Boolean).join(', ');
      lines.push(`${indent}${who}${c.postedAt ? ` (${humanDate(c.postedAt)})` : ''}`);
      lines.push(...c.text.trim().split('\n').map((l) => `${indent}${l}`), '');
      walk(replies, depth + 1);
    }
  };
  walk(threadComments(comments), 0);
  return lines.join('\n').trim();
}
