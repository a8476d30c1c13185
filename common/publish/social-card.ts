/**
 * The featured image as a social card: Open Graph image tags and a Twitter card beside the
 * page's og:title and og:description, so a shared link shows the picture, title and standfirst.
 */
import { meta } from './document';
import type { PublishInput } from './types';

/** Where the featured image will be for a reader: resolved like body images, made absolute against the canonical URL when there is one. */
export function featuredImageUrl(input: PublishInput): string | null {
  const f = input.featuredImage;
  if (!f) return null;
  const url = f.src.startsWith('asset:') ? input.options.assetUrls[f.src.slice('asset:'.length)] : null;
  if (!url) return null;
  if (input.options.canonicalUrl && !/^[a-z]+:/i.test(url)) {
    try {
      return new URL(url, input.options.canonicalUrl).href;
    } catch {
      return url;
    }
  }
  return url;
}

export function socialCardMeta(input: PublishInput, title: string): string[] {
  const image = featuredImageUrl(input);
  const alt = input.featuredImage?.alt.trim() ?? '';
  const description = input.post.standfirst.trim();
  return [
    image ? meta('og:image', image, 'property') : '',
    image && alt ? meta('og:image:alt', alt, 'property') : '',
    meta('twitter:card', image ? 'summary_large_image' : 'summary'),
    meta('twitter:title', title),
    description ? meta('twitter:description', description) : '',
    image ? meta('twitter:image', image) : '',
    image && alt ? meta('twitter:image:alt', alt) : '',
  ].filter(Boolean);
}
