/**
 * Line handling shared by the .aff and .dic readers.
 *
 * Hunspell files are byte-oriented: the .aff declares its character set with `SET`, while flag
 * characters are opaque bytes that must survive unchanged. Lines are therefore kept as "byte
 * strings" (latin1: one char per byte, lossless) and only the parts that hold text are
 * re-encoded to UTF-8, which is what a BDIC stores and what Chromium's Hunspell always assumes.
 */

export interface SourceLine {
  /** 1-based line number in the source file, for error messages. */
  number: number;
  /** The line's bytes as a latin1 string, trimmed of ASCII whitespace and a leading BOM. */
  text: string;
}

const BOM = '\xef\xbb\xbf';

/** Hunspell trims ASCII whitespace only; anything else may be part of a word. */
export function trimAscii(s: string): string {
  if (s.startsWith(BOM)) s = s.slice(BOM.length);
  return s.replace(/^[\t\n\v\f\r ]+|[\t\n\v\f\r ]+$/g, '');
}

/** Splits a file into trimmed lines, keeping bytes intact. */
export function splitLines(bytes: Uint8Array): SourceLine[] {
  const all = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1').split('\n');
  if (all.length && all[all.length - 1] === '') all.pop();
  return all.map((text, i) => ({ number: i + 1, text: trimAscii(text) }));
}

/** Everything from the first `#` on is a comment (the same rule Chromium's converter applies). */
export function stripComment(line: string): string {
  const at = line.indexOf('#');
  return at < 0 ? line : trimAscii(line.slice(0, at));
}

/** Maps Hunspell's `SET` names to WHATWG encoding labels (ISO8859-1 -> iso-8859-1, ...). */
export function encodingLabel(hunspellName: string): string {
  const name = hunspellName.trim();
  const iso = /^ISO-?8859-(\d+)$/i.exec(name);
  if (iso) return `iso-8859-${iso[1]}`;
  const cp = /^(?:microsoft-)?cp-?(\d+)$/i.exec(name);
  if (cp) return `windows-${cp[1]}`;
  return name.toLowerCase();
}

/** Re-encodes a byte string from the dictionary's character set into UTF-8 bytes. */
export function toUtf8(byteString: string, encoding: string, where: string): Buffer {
  const raw = Buffer.from(byteString, 'latin1');
  const label = encodingLabel(encoding);
  let text: string;
  try {
    text = new TextDecoder(label, { fatal: true }).decode(raw);
  } catch (e) {
    const reason = e instanceof RangeError ? `unknown character set "${encoding}"` : `bytes that are not valid ${encoding}`;
    throw new Error(`${where}: ${reason}`);
  }
  return Buffer.from(text, 'utf8');
}

/** The raw bytes of a byte string, for parts that must not be re-encoded (flags). */
export function rawBytes(byteString: string): Buffer {
  return Buffer.from(byteString, 'latin1');
}
