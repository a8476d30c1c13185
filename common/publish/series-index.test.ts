import { describe, expect, it } from 'vitest';
import { renderSeriesIndex } from './series-index';
import { DEFAULT_OPTIONS } from './types';

const series = { title: 'Five <voices>', slug: 'five', topic: 'how clinicians lead', description: 'Guest blogs.', noticeTemplate: '' };

describe('series index page', () => {
  it('lists the posts in order with relative links, ordinals, authors, dates and status', () => {
    const { html, text } = renderSeriesIndex({
      series,
      posts: [
        { title: 'One', href: 'one.html', standfirst: 'First & best', authors: [{ name: 'Asha', role: 'GP', organisation: 'Trust 1' }], date: '2026-01-15T08:00:00.000Z', status: 'published' },
        { title: 'Two', href: 'two.html', standfirst: '', authors: [], date: '2026-02-15', status: 'scheduled' },
      ],
      options: DEFAULT_OPTIONS,
    });
    expect(html).toContain('<h1>Five &lt;voices&gt;</h1>');
    expect(html).toContain('<p class="series-notice">A series of 2 guest blogs that explores how clinicians lead.</p>');
    expect(html).toContain(
      '<li>\n<a href="one.html">One</a>\n<p class="series-position">The first in the series</p>\n<p>By Asha, Trust 1 · <time datetime="2026-01-15T08:00:00.000Z">15 January 2026</time></p>\n<p>First &amp; best</p>\n</li>',
    );
    expect(html).toContain('<p><time datetime="2026-02-15">15 February 2026</time> · scheduled</p>');
    expect(text).toContain('2. Two (15 February 2026)\n   two.html');
  });

  it('says so when nothing is published yet', () => {
    const { html } = renderSeriesIndex({ series, posts: [], options: DEFAULT_OPTIONS });
    expect(html).toContain('No posts in this series are published or scheduled yet.');
  });
});
