/**
 * The standalone page: one self-contained, valid HTML document for a post with its header
 * (label, title, byline, date), series notice, standfirst, body, footnotes, links to the
 * neighbouring posts of the series and, when given, the approved comments.
 */
import { seriesNotice } from '../series/ordinal';
import { countWords } from '../text';
import { commentsText, renderComments } from './comments';
import { datetimeAttr, humanDate } from './dates';
import { meta, renderDocument } from './document';
import { cleanText, escapeAttr, escapeText } from './escape';
import { renderBody } from './fragment';
import { blogPosting, jsonLdElement } from './json-ld';
import { socialCardMeta } from './social-card';
import type { PublishAuthor, PublishInput, PublishLink, PublishResult } from './types';

function authorHtml(a: PublishAuthor): string {
  const rest = [a.role, a.organisation].map((s) => cleanText(s).trim()).filter(Boolean);
  return `<span class="author"><span class="author-name">${escapeText(a.name)}</span>${rest.map((s) => `, ${escapeText(s)}`).join('')}</span>`;
}

function joinNames(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

function authorText(a: PublishAuthor): string {
  return [a.name, a.role, a.organisation].map((s) => s.trim()).filter(Boolean).join(', ');
}

export function noticeFor(input: PublishInput): string {
  if (!input.series || !input.position || input.position < 1) return '';
  return seriesNotice(input.series.noticeTemplate, { position: input.position, topic: input.series.topic, title: input.series.title });
}

export function seriesNav(prev: PublishLink | null, next: PublishLink | null): string {
  if (!prev && !next) return '';
  const items = [
    prev ? `<li class="prev">Previous: <a href="${escapeAttr(prev.href)}" rel="prev">${escapeText(prev.title || 'Untitled')}</a></li>` : '',
    next ? `<li class="next">Next: <a href="${escapeAttr(next.href)}" rel="next">${escapeText(next.title || 'Untitled')}</a></li>` : '',
  ].filter(Boolean);
  return `<nav class="series-nav" aria-label="More in this series">\n<ul>\n${items.join('\n')}\n</ul>\n</nav>`;
}

/** "By Ann Lee, Researcher, Acme and Bo Chan" with each author's parts marked up; empty without authors. */
export function bylineHtml(authors: PublishAuthor[]): string {
  return authors.length ? `<p class="byline">By ${joinNames(authors.map(authorHtml))}</p>` : '';
}

export function renderStandalonePage(input: PublishInput): PublishResult {
  const { post, authors, options } = input;
  const body = renderBody(post.body, options.assetUrls);
  const when = post.publishedAt ?? post.plannedDate;
  const datetime = datetimeAttr(when);
  const notice = noticeFor(input);
  const title = cleanText(post.title).trim() || 'Untitled';

  const header = [
    '<header>',
    post.label.trim() ? `<p class="post-label">${escapeText(post.label.trim())}</p>` : '',
    `<h1>${escapeText(title)}</h1>`,
    bylineHtml(authors),
    datetime ? `<p class="post-date"><time datetime="${escapeAttr(datetime)}">${humanDate(datetime)}</time></p>` : '',
    '</header>',
  ].filter(Boolean);
  const article = [
    '<article class="post">',
    ...header,
    notice ? `<p class="series-notice">${escapeText(notice)}</p>` : '',
    post.standfirst.trim() ? `<p class="standfirst">${escapeText(post.standfirst.trim())}</p>` : '',
    body.html ? `<div class="post-body">\n${body.html}\n</div>` : '',
    seriesNav(input.prev, input.next),
    '</article>',
  ].filter(Boolean);
  const comments = renderComments(input.comments);

  const wordCount = countWords(body.text);
  const head = [
    meta('og:type', 'article', 'property'),
    meta('og:title', title, 'property'),
    post.standfirst.trim() ? meta('og:description', post.standfirst.trim(), 'property') : '',
    options.siteName ? meta('og:site_name', options.siteName, 'property') : '',
    options.canonicalUrl ? meta('og:url', options.canonicalUrl, 'property') : '',
    options.canonicalUrl ? `<link rel="canonical" href="${escapeAttr(options.canonicalUrl)}">` : '',
    post.publishedAt ? meta('article:published_time', post.publishedAt, 'property') : '',
    ...authors.map((a) => meta('article:author', a.name, 'property')),
    input.series ? meta('article:section', input.series.title, 'property') : '',
    ...post.tags.map((t) => meta('article:tag', t, 'property')),
    ...socialCardMeta(input, title),
    jsonLdElement(blogPosting(input, wordCount)),
  ].filter(Boolean);

  const html = renderDocument({
    title,
    description: post.standfirst,
    head,
    body: `<main>\n${article.join('\n')}${comments ? `\n${comments}` : ''}\n</main>`,
    options,
  });

  const text = [
    [post.label.trim(), title].filter(Boolean).join('\n'),
    [authors.length ? `By ${joinNames(authors.map(authorText))}` : '', humanDate(datetime)].filter(Boolean).join('\n'),
    notice,
    post.standfirst.trim(),
    body.text,
    input.comments.length ? `Comments\n\n${commentsText(input.comments)}` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
  return { html, text: `${text}\n`, warnings: body.ctx.warnings };
}
