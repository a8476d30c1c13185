/**
 * Who wrote a comment, as a key that finds the same person across posts and imports. An e-mail
 * address identifies best, so it decides where there is one (case and surrounding or inner white
 * space ignored: "  Ann@Example.org " is ann@example.org). Without one, the name and the web
 * address together stand in, each compared loosely (case, white space, scheme, "www." and a
 * trailing slash ignored), and the basis is kept with the key so the window can say how the
 * match was made rather than assume it.
 */

export type MatchBasis = 'email' | 'name-url' | 'name';

export interface CommenterIdentity {
  key: string;
  basis: MatchBasis;
}

export interface AuthorFields {
  name: string;
  email: string;
  url: string;
}

export function normalizeEmail(email: string): string {
  return email.replace(/\s+/g, '').toLowerCase();
}

export function normalizeName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** A web address reduced to host and path, so http/https, www. and a trailing slash do not split one person in two. */
export function normalizeUrl(url: string): string {
  const u = url.trim().toLowerCase().replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/^www\./, '');
  return u.replace(/[?#].*$/, '').replace(/\/+$/, '');
}

/** The host of a web address (without www.), or '' when there is none. */
export function urlDomain(url: string): string {
  return normalizeUrl(url).split('/')[0].replace(/:\d+$/, '');
}

export function commenterIdentity(a: AuthorFields): CommenterIdentity {
  const email = normalizeEmail(a.email);
  if (email) return { key: `e:${email}`, basis: 'email' };
  const url = normalizeUrl(a.url);
  return { key: `n:${normalizeName(a.name)}|${url}`, basis: url ? 'name-url' : 'name' };
}

export const MATCH_BASIS_LABEL: Record<MatchBasis, string> = {
  email: 'matched by e-mail address',
  'name-url': 'matched by name and web address (no e-mail)',
  name: 'matched by name only (no e-mail or web address)',
};
