/**
 * English ordinal words for series notices: 1 → "first", 21 → "twenty-first", 100 → "hundredth".
 * A series notice reads "This is the hundredth in a series", so a round hundred takes no "one";
 * 101 and on read "hundred and first" (British usage, the house style of the notices).
 */
const UNITS = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];
const TEENS = ['tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth'];
const TENS_CARDINAL = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const TENS_ORDINAL = ['', '', 'twentieth', 'thirtieth', 'fortieth', 'fiftieth', 'sixtieth', 'seventieth', 'eightieth', 'ninetieth'];
const CARDINAL_UNITS = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

function below100(n: number): string {
  if (n < 10) return UNITS[n];
  if (n < 20) return TEENS[n - 10];
  const tens = Math.floor(n / 10);
  const unit = n % 10;
  return unit === 0 ? TENS_ORDINAL[tens] : `${TENS_CARDINAL[tens]}-${UNITS[unit]}`;
}

export function ordinalWord(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`ordinalWord needs a whole number of at least 1, not ${n}`);
  if (n < 100) return below100(n);
  if (n < 1000) {
    const hundreds = Math.floor(n / 100);
    const rest = n % 100;
    const head = hundreds === 1 ? 'hundred' : `${CARDINAL_UNITS[hundreds]} hundred`;
    return rest === 0 ? `${head}th` : `${head} and ${below100(rest)}`;
  }
  return `${n}${ordinalSuffix(n)}`;
}

/** "st", "nd", "rd" or "th", for numeric ordinals such as 1001st. */
export function ordinalSuffix(n: number): string {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
}

export interface NoticeFields {
  position: number;
  topic: string;
  /** The series title. */
  title: string;
}

export const NOTICE_PLACEHOLDERS = ['{ordinal}', '{position}', '{topic}', '{title}'] as const;

/**
 * Fills a notice template: {ordinal}, {position}, {topic}, {title} (the series title).
 * One pass with a replacer function, so a topic holding "$&" or "{ordinal}" is inserted literally.
 */
export function seriesNotice(template: string, fields: NoticeFields): string {
  return template.replace(/\{(ordinal|position|topic|title)\}/g, (_m, key: string) => {
    if (key === 'ordinal') return ordinalWord(fields.position);
    if (key === 'position') return String(fields.position);
    if (key === 'topic') return fields.topic;
    return fields.title;
  });
}
