/** English ordinal words for series notices: 1 → "first", 21 → "twenty-first", 100 → "hundredth". */
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
    const head = `${CARDINAL_UNITS[hundreds] === 'one' ? 'one' : CARDINAL_UNITS[hundreds]} hundred`;
    return rest === 0 ? `${head}th` : `${head} and ${below100(rest)}`;
  }
  return `${n}${ordinalSuffix(n)}`;
}

/** "st", "nd", "rd" or "th", for numeric ordinals such as 101st. */
export function ordinalSuffix(n: number): string {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
}

/** Fills a notice template: {ordinal}, {position}, {topic}, {title} (the series title). */
export function seriesNotice(template: string, fields: { position: number; topic: string; title: string }): string {
  return template
    .replace(/\{ordinal\}/g, ordinalWord(fields.position))
    .replace(/\{position\}/g, String(fields.position))
    .replace(/\{topic\}/g, fields.topic)
    .replace(/\{title\}/g, fields.title);
}
