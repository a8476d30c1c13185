/**
 * The index page of a series: its title, description and what it explores, then its posts in
 * series order, each with a relative link, its authors and its date.
 */
import { ordinalWord } from '../series/ordinal';
import { datetimeAttr, humanDate } from './dates';
import { meta, renderDocument } from './document';
import { cleanText, escapeAttr, escapeText } from './escape';
import type { PublishAuthor, PublishOptions, PublishResult, PublishSeries } from './types';

export interface SeriesIndexEntry {
  title: string;
  /** Relative link to the post's page, e.g. "why-medical-leadership-matters.html". */
  href: string;
  standfirst: string;
  authors: PublishAuthor[];
  /** ISO timestamp or YYYY-MM-DD. */
  date: string | null;
  status: string;
}

export interface SeriesIndexInput {
  series: PublishSeries;
  posts: SeriesIndexEntry[];
  options: PublishOptions;
}

function names(authors: PublishAuthor[]): string {
  const all = authors.map((a) => [a.name, a.organisation].map((s) => cleanText(s).trim()).filter(Boolean).join(', '));
  return all.length <= 1 ? all.join('') : `${all.slice(0, -1).join('; ')} and ${all[all.length - 1]}`;
}

export function renderSeriesIndex(input: SeriesIndexInput): PublishResult {
  const { series, posts, options } = input;
  const title = cleanText(series.title).trim() || 'Untitled series';
  const count = posts.length === 1 ? 'one guest blog' : `${posts.length} guest blogs`;
  const summary = series.topic.trim() ? `A series of ${count} that explores ${series.topic.trim()}.` : `A series of ${count}.`;
  const items = posts.map((p, i) => {
    const dt = datetimeAttr(p.date);
    const by = names(p.authors);
    const meta = [
      by ? `By ${escapeText(by)}` : '',
      dt ? `<time datetime="${escapeAttr(dt)}">${humanDate(dt)}</time>` : '',
      p.status === 'scheduled' ? 'scheduled' : '',
    ].filter(Boolean);
    return [
      '<li>',
      `<a href="${escapeAttr(p.href)}">${escapeText(p.title.trim() || 'Untitled')}</a>`,
      `<p class="series-position">The ${ordinalWord(i + 1)} in the series</p>`,
      meta.length ? `<p>${meta.join(' · ')}</p>` : '',
      p.standfirst.trim() ? `<p>${escapeText(p.standfirst.trim())}</p>` : '',
      '</li>',
    ]
      .filter(Boolean)
      .join('\n');
  });
  const body = [
    '<main>',
    '<header>',
    '<p class="post-label">Series</p>',
    `<h1>${escapeText(title)}</h1>`,
    '</header>',
    `<p class="series-notice">${escapeText(summary)}</p>`,
    series.description.trim() ? `<p class="standfirst">${escapeText(series.description.trim())}</p>` : '',
    posts.length ? `<h2 id="posts">Posts in this series</h2>\n<ol class="series-posts">\n${items.join('\n')}\n</ol>` : '<p>No posts in this series are published or scheduled yet.</p>',
    '</main>',
  ].filter(Boolean);
  const html = renderDocument({
    title,
    description: series.description || summary,
    head: [meta('og:type', 'website', 'property'), meta('og:title', title, 'property')],
    body: body.join('\n'),
    options,
  });
  const text = [
    title,
    summary,
    series.description.trim(),
    posts
      .map((p, i) => `${i + 1}. ${p.title}${p.authors.length ? ` by ${names(p.authors)}` : ''}${p.date ? ` (${humanDate(p.date)})` : ''}\n   ${p.href}`)
      .join('\n'),
  ]
    .filter(Boolean)
    .join('\n\n');
  return { html, text: `${text}\n`, warnings: [] };
}
