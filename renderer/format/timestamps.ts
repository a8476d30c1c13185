/**
 * How stored ISO timestamps read in lists, in the user's local time. The formatters are built
 * once: `Date.toLocaleString` with options builds a new Intl formatter on every call, about half
 * a millisecond each in Chromium, which made a 100-row comment page take 60 ms to render.
 */
// Each is built on its first use, not when the module loads: building one costs milliseconds
// (locale data), and a window opening on the comments needs only the first.
const formatter = (locale: string | undefined, options: Intl.DateTimeFormatOptions) => {
  let built: Intl.DateTimeFormat | null = null;
  return () => (built ??= new Intl.DateTimeFormat(locale, options));
};
const WITH_YEAR = formatter('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const WITHOUT_YEAR = formatter('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
const USER_LOCALE = formatter(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function format(formatter: () => Intl.DateTimeFormat, iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : formatter().format(d);
}

/** "4 Mar 2026, 10:05"; an unreadable value is shown as stored. */
export const formatTimestamp = (iso: string) => format(WITH_YEAR, iso);

/** "4 Mar, 10:05", for recent things such as revisions. */
export const formatRecentTimestamp = (iso: string) => format(WITHOUT_YEAR, iso);

/** In the user's own locale's medium style, for backups listed by the operating system's conventions. */
export const formatLocalTimestamp = (iso: string) => format(USER_LOCALE, iso);
