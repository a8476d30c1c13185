/** Which link targets a draft may hold: web pages, mail, and anchors inside the document. */
export const LINK_URL_RULE = 'Links must start with http://, https://, mailto: or # (an anchor in this post).';

export function isAllowedUrl(raw: string): boolean {
  const url = raw.trim();
  if (!url || url.length > 2000 || /[\s<>"]/.test(url)) return false;
  if (/^#[\w\-.:]+$/.test(url)) return true;
  if (/^mailto:[^@\s]+@[^@\s]+$/i.test(url)) return true;
  return /^https?:\/\/[^\s/?#]+\.[^\s/?#]+([/?#]\S*)?$/i.test(url) || /^https?:\/\/(localhost|\d+\.\d+\.\d+\.\d+)(:\d+)?([/?#]\S*)?$/i.test(url);
}
