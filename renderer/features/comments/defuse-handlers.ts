/**
 * Renames on* attributes before any parsing. Not the defence (DOMPurify and the CSP are): the
 * browser checks an inline handler against the CSP as soon as a parser creates the attribute, even
 * in DOMPurify's inert document, and logs a violation; a renamed attribute is just dropped.
 */
export function defuseHandlers(html: string): string {
  return html.replace(/<[a-zA-Z](?:"[^"]*"|'[^']*'|[^'">])*>/g, (tag) => tag.replace(/([\s/])on([a-z]+\s*=)/gi, '$1data-off-$2'));
}
