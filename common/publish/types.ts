/**
 * What the publish renderer needs to write a page: plain data, gathered by the caller (the
 * handlers read it from the store, tests build it by hand). Nothing here reads a clock or the
 * store, so the same input always gives the same bytes.
 */

export interface PublishAuthor {
  name: string;
  role: string;
  organisation: string;
  url?: string;
}

export interface PublishPost {
  title: string;
  slug: string;
  /** The kicker above the title, e.g. "Guest blog". */
  label: string;
  standfirst: string;
  /** Serialized Lexical state (common/editor/serialized.ts); read defensively, it comes from storage. */
  body: unknown;
  /** ISO 8601 time of publication, when published. */
  publishedAt: string | null;
  /** YYYY-MM-DD, the planned date, used when not yet published. */
  plannedDate: string | null;
  tags: string[];
}

export interface PublishSeries {
  title: string;
  slug: string;
  topic: string;
  description: string;
  noticeTemplate: string;
}

/** A neighbouring post in the series: its title and a link relative to this page. */
export interface PublishLink {
  title: string;
  href: string;
}

export interface PublishComment {
  /** Stable id, used to thread replies; never printed. */
  id: string;
  parentId: string | null;
  author: { name: string; role: string; organisation: string; url: string };
  postedAt: string | null;
  /** HTML as stored; sanitized again by the renderer with its own allow-list. */
  html: string;
  /** Plain text, used when html is empty. */
  text: string;
}

export interface PublishOptions {
  /** The page language for <html lang>. */
  lang: string;
  /** Include the small readable stylesheet (inline, allowed by its hash in the CSP). */
  stylesheet: boolean;
  /** Force a colour scheme with a class on <html> (the preview's light/dark toggle); 'auto' follows the reader. */
  colorScheme: 'auto' | 'light' | 'dark';
  /** Where `asset:<id>` images point: a relative path or a data: URL. Unresolved assets are dropped with a warning. */
  assetUrls: Record<string, string>;
  /** Site name for Open Graph and JSON-LD publisher; empty to omit. */
  siteName: string;
  /** Absolute URL of the page when known (og:url, canonical); empty to omit. */
  canonicalUrl: string;
}

export interface PublishInput {
  post: PublishPost;
  authors: PublishAuthor[];
  series: PublishSeries | null;
  /** 1-based position in the series (for the notice's ordinal). */
  position: number | null;
  prev: PublishLink | null;
  next: PublishLink | null;
  /** Approved comments only; the caller filters, the renderer threads and sanitizes. */
  comments: PublishComment[];
  /** The post's featured image (`asset:<id>` resolved through options.assetUrls) for its social card. */
  featuredImage?: { src: string; alt: string } | null;
  options: PublishOptions;
}

export type WarningCode =
  | 'image-missing-alt'
  | 'image-missing-source'
  | 'image-unsupported-source'
  | 'link-unsafe'
  | 'node-unknown'
  | 'heading-level-adjusted'
  | 'table-reshaped';

export interface PublishWarning {
  code: WarningCode;
  /** What and where, for a person: `image 2 ("asset:…"): no alt text`. */
  message: string;
}

export interface PublishResult {
  html: string;
  text: string;
  warnings: PublishWarning[];
}

export const DEFAULT_OPTIONS: PublishOptions = {
  lang: 'en-GB',
  stylesheet: true,
  colorScheme: 'auto',
  assetUrls: {},
  siteName: '',
  canonicalUrl: '',
};
