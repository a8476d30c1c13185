/**
 * Escaping for everything the renderer writes. Text and attribute values also lose characters
 * the HTML spec forbids (controls, lone surrogates, noncharacters), so the validator never sees them.
 */

// C0 controls other than tab, LF, FF, CR; DEL and C1 controls; noncharacters; lone surrogates.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function cleanText(s: string): string {
  return s.replace(FORBIDDEN, (c) => (c >= '\uD800' && c <= '\uDFFF' ? '\uFFFD' : '')).replace(/\r\n?/g, '\n');
}

export function escapeText(s: string): string {
  return cleanText(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(s: string): string {
  return cleanText(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** JSON safe inside <script type="application/ld+json">: no `<`, `>` or `&` survive, so `</script>` cannot close it. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/**
 * A link target we are willing to publish, or null. Absolute URLs must use http(s), mailto or tel;
 * relative URLs and fragments pass. Browsers ignore tabs/newlines and leading controls inside a
 * scheme ("java\tscript:"), so those are stripped before the scheme is read.
 */
export function safeHref(raw: string): string | null {
  const url = cleanText(raw).replace(/[\u0000-\u0020]+/g, (m, offset: number) => (offset === 0 ? '' : m)).trim();
  if (!url) return null;
  const compact = url.replace(/[\t\n\r]/g, '');
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(compact);
  if (scheme) {
    if (!SAFE_SCHEMES.has(scheme[1].toLowerCase() + ':')) return null;
    if (/^https?:$/i.test(scheme[1] + ':') && !/^https?:\/\/[^/\s]/i.test(compact)) return null;
    return encodeUnsafe(compact);
  }
  // A colon before any slash, ? or # would be read as a scheme by some parsers: refuse it.
  const firstColon = compact.indexOf(':');
  if (firstColon !== -1 && !/[/?#]/.test(compact.slice(0, firstColon))) return null;
  return encodeUnsafe(compact);
}

/** Percent-encodes what a URL may not contain literally (spaces, quotes, brackets, stray %), so the validator accepts it. */
function encodeUnsafe(url: string): string {
  return url.replace(/%(?![0-9A-Fa-f]{2})|[\s"<>`{}|\\^]/g, (c) =>
    Array.from(new TextEncoder().encode(c), (b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}

/** Images we publish: data: URLs of raster images (SVG is refused everywhere in the app: it can carry script). */
export function isSafeImageDataUrl(src: string): boolean {
  return /^data:image\/(png|jpeg|gif|webp|avif);base64,[A-Za-z0-9+/=\s]+$/.test(src);
}
