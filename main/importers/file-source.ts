/** Reading an import file: its head for detection, and its text as a stream of checked chunks with progress and cancel. */
import { isUtf8 } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../common/errors';
import { ImportParseError } from './types';

const HEAD_BYTES = 16 * 1024;
const READ_BYTES = 64 * 1024;

export function readHead(filePath: string): string {
  const fd = fs.openSync(filePath, 'r');
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    const n = fs.readSync(fd, buf, 0, HEAD_BYTES, 0);
    // Cut at the last complete UTF-8 sequence start so detection never sees a broken character.
    return buf.subarray(0, n).toString('utf8').replace(/\uFFFD$/, '');
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Refuses what no importer can read, before any format is guessed from it: an empty file, and a
 * binary one (a NUL byte in its first kilobytes; no text export holds one), in the words the
 * draft importer uses, rather than "invalid UTF-8" somewhere in the middle.
 */
export function refuseUnreadable(head: string, fileName: string): void {
  if (head.includes('\u0000')) {
    throw new AppError('IMPORT_FAILED', `${fileName}: this is not a text file (it holds binary data); choose a WXR, Disqus XML, CSV, JSON or text file saved as UTF-8. Nothing was imported.`);
  }
  if (head.replace(/^\uFEFF/, '').trim() === '') {
    throw new AppError('IMPORT_FAILED', `${fileName}: the file is empty; there is nothing to import.`);
  }
}

export interface ChunkOptions {
  /** The name in messages; the file's base name when not given. */
  fileName?: string;
  /** Called after each chunk with bytes read so far. */
  onChunk?: (bytesRead: number) => void;
  isCancelled?: () => boolean;
  /** Honour a single-byte encoding the XML declaration names (ISO-8859-1, windows-1252...). */
  xmlDeclaredEncoding?: boolean;
}

export class CancelledError extends AppError {
  constructor() {
    super('CANCELLED', 'The import was cancelled; nothing was imported.');
  }
}

/**
 * Single-byte encodings an XML declaration may name, all decoded as the WHATWG windows-1252 (a
 * superset of Latin-1). A file declaring ASCII is read as UTF-8, of which ASCII is a part.
 */
const LATIN1_NAMES = /^(?:iso-8859-1|iso8859-1|latin-?1|l1|windows-1252|cp1252|cp819|ibm819|iso-ir-100)$/i;

/** The encoding named by an XML declaration at the start of the file, lower-cased, or null. */
export function declaredXmlEncoding(head: Buffer): string | null {
  const m = /^(?:\xef\xbb\xbf)?<\?xml\s[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head.subarray(0, 200).toString('latin1'));
  return m ? m[1].toLowerCase() : null;
}

/**
 * The file as text chunks. Each chunk arrives from the event loop, so a long import leaves room
 * for other requests (progress, cancel) between chunks.
 *
 * Text is UTF-8 and checked as it streams: the first invalid byte refuses the file with its line
 * and column, rather than slipping in as U+FFFD. An XML file whose declaration names a Latin-1
 * family encoding is decoded as that instead (every byte is valid there).
 */
export async function* fileChunks(filePath: string, o: ChunkOptions = {}): AsyncGenerator<string> {
  const fileName = o.fileName ?? path.basename(filePath);
  // 64 KiB reads: larger chunks outlive young-generation collections and pile up as old garbage
  // (peak memory on a 124 MB export: about 300 MB with 256 KiB reads, under 200 MB with 64 KiB).
  const stream = fs.createReadStream(filePath, { highWaterMark: READ_BYTES });
  let bytes = 0;
  let latin1: TextDecoder | null = null;
  let first = true;
  // Bytes of a character split across two reads, carried to the next one.
  let carry: Buffer | null = null;
  const place = new TextPlace();
  try {
    for await (const raw of stream as AsyncIterable<Buffer>) {
      if (o.isCancelled?.()) throw new CancelledError();
      bytes = stream.bytesRead;
      if (first) {
        first = false;
        const declared = o.xmlDeclaredEncoding ? declaredXmlEncoding(raw) : null;
        if (declared && LATIN1_NAMES.test(declared)) latin1 = new TextDecoder('windows-1252');
      }
      let text: string;
      if (latin1) text = latin1.decode(raw, { stream: true });
      else {
        let buf: Buffer = carry ? Buffer.concat([carry, raw]) : raw;
        const cut = completeLength(buf);
        carry = cut < buf.length ? Buffer.from(buf.subarray(cut)) : null;
        buf = buf.subarray(0, cut);
        if (!isUtf8(buf)) throw invalidUtf8(fileName, place, buf);
        text = buf.toString('utf8');
        place.advance(text);
      }
      yield text;
      o.onChunk?.(bytes);
    }
    // The file ends inside a character.
    if (carry) throw invalidUtf8(fileName, place, carry);
  } finally {
    stream.destroy();
  }
}

/** Line and column (in characters) just after the text read so far. */
class TextPlace {
  line = 1;
  column = 1;
  advance(text: string): void {
    const nl = text.lastIndexOf('\n');
    if (nl < 0) {
      this.column += [...text].length;
      return;
    }
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.line++;
    this.column = [...text.slice(nl + 1)].length + 1;
  }
}

/** Length of `buf` without a trailing incomplete UTF-8 sequence (which may complete in the next read). */
function completeLength(buf: Buffer): number {
  const end = buf.length;
  for (let back = 1; back <= 3 && back <= end; back++) {
    const b = buf[end - back];
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: keep looking for its lead
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? end - back : end;
  }
  return end;
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalid(buf: Buffer): number {
  for (let i = 0; i < buf.length; ) {
    const b = buf[i];
    const need = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (!need || i + need > buf.length) return i;
    if (need > 1 && !isUtf8(buf.subarray(i, i + need))) return i;
    i += need;
  }
  return buf.length;
}

function invalidUtf8(fileName: string, place: TextPlace, buf: Buffer): ImportParseError {
  const at = firstInvalid(buf);
  const before = new TextPlace();
  before.line = place.line;
  before.column = place.column;
  before.advance(buf.subarray(0, at).toString('utf8'));
  const shown = [...buf.subarray(at, at + 4)].map((b) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`).join(' ');
  return new ImportParseError(
    `${fileName}:${before.line}:${before.column}: invalid UTF-8 (bytes ${shown}); save the file as UTF-8 or, for XML, declare its encoding (<?xml version="1.0" encoding="ISO-8859-1"?>)`,
  );
}
