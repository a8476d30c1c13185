/**
 * schema.org BlogPosting as JSON-LD. It sits in <script type="application/ld+json">, which is a
 * data block browsers never execute; jsonForScript escapes < > & so no text can end the element.
 */
import { calendarDate } from './dates';
import { jsonForScript } from './escape';
import type { PublishInput } from './types';

export function blogPosting(input: PublishInput, wordCount: number): Record<string, unknown> {
  const { post, authors, series, options } = input;
  const published = post.publishedAt ?? calendarDate(post.plannedDate);
  const data: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'BlogPosting',
    headline: post.title,
    inLanguage: options.lang,
  };
  if (post.standfirst) data.description = post.standfirst;
  if (published) data.datePublished = published;
  if (authors.length) {
    data.author = authors.map((a) => {
      const person: Record<string, unknown> = { '@type': 'Person', name: a.name };
      if (a.role) person.jobTitle = a.role;
      if (a.organisation) person.affiliation = { '@type': 'Organization', name: a.organisation };
      if (a.url && /^https?:\/\//i.test(a.url)) person.url = a.url;
      return person;
    });
  }
  if (series) {
    data.isPartOf = { '@type': 'CreativeWorkSeries', name: series.title };
    if (input.position) data.position = input.position;
  }
  if (post.tags.length) data.keywords = post.tags.join(', ');
  data.wordCount = wordCount;
  if (options.siteName) data.publisher = { '@type': 'Organization', name: options.siteName };
  if (options.canonicalUrl) {
    data.url = options.canonicalUrl;
    data.mainEntityOfPage = options.canonicalUrl;
  }
  return data;
}

export function jsonLdElement(data: Record<string, unknown>): string {
  return `<script type="application/ld+json">${jsonForScript(data)}</script>`;
}
