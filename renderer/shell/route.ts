/**
 * The hash route (#/drafts/<id>) as data, without React: the boot module (renderer/boot.ts) reads
 * it to start the area's code and first request before React has loaded. router.ts adds the hook.
 */
export type Area = 'drafts' | 'series' | 'comments' | 'planning' | 'for-you';
export const AREAS: { id: Area; label: string; key: string }[] = [
  { id: 'drafts', label: 'Drafts', key: '1' },
  { id: 'series', label: 'Series', key: '2' },
  { id: 'comments', label: 'Comments', key: '3' },
  { id: 'planning', label: 'Planning', key: '4' },
  { id: 'for-you', label: 'For you', key: '5' },
];

export interface Route {
  area: Area;
  /** Path segments after the area, e.g. a draft id. */
  rest: string[];
}

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const area = AREAS.some((a) => a.id === parts[0]) ? (parts[0] as Area) : 'drafts';
  return { area, rest: area === parts[0] ? parts.slice(1) : [] };
}

export function navigate(area: Area, ...rest: string[]): void {
  window.location.hash = `#/${[area, ...rest].map(encodeURIComponent).join('/')}`;
}

