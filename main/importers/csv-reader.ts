/**
 * A small streaming RFC 4180 reader: quoted fields with "" escapes and line breaks inside
 * quotes, CRLF or LF, a BOM at the start. Rows come out as they complete, with the line they
 * started on, so memory holds one row at a time.
 */
import { ImportParseError } from './types';

export async function readCsv(chunks: AsyncIterable<string>, fileName: string, onRow: (fields: string[], line: number) => void): Promise<void> {
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let afterQuote = false;
  let line = 1;
  let col = 0;
  let rowLine = 1;
  let first = true;
  let pendingCR = false;
  let quotedCR = false;

  const endField = () => {
    row.push(field);
    field = '';
    afterQuote = false;
  };
  const endRow = () => {
    endField();
    if (!(row.length === 1 && row[0] === '')) onRow(row, rowLine);
    row = [];
  };

  for await (let chunk of chunks) {
    if (first && chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    first = false;
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i];
      if (pendingCR) {
        pendingCR = false;
        if (ch === '\n') {
          start = i + 1;
          continue;
        }
      }
      col++;
      if (quoted) {
        if (ch === '"') {
          if (chunk[i + 1] === '"') {
            field += chunk.slice(start, i + 1);
            i++;
            col++;
            start = i + 1;
            continue;
          }
          field += chunk.slice(start, i);
          quoted = false;
          afterQuote = true;
          start = i + 1;
        } else if (ch === '\r' || (ch === '\n' && !quotedCR)) {
          line++;
          col = 0;
        }
        quotedCR = ch === '\r';
        continue;
      }
      if (ch === ',') {
        if (!afterQuote) field += chunk.slice(start, i);
        endField();
        start = i + 1;
      } else if (ch === '\n' || ch === '\r') {
        if (!afterQuote) field += chunk.slice(start, i);
        endRow();
        line++;
        col = 0;
        rowLine = line;
        if (ch === '\r') {
          if (chunk[i + 1] === '\n') i++;
          else if (i + 1 >= chunk.length) pendingCR = true;
        }
        start = i + 1;
      } else if (ch === '"') {
        if (afterQuote) {
          // "" across a chunk boundary: the closing quote was really an escape.
          field += '"';
          quoted = true;
          afterQuote = false;
          start = i + 1;
        } else if (field === '' && start === i) {
          quoted = true;
          start = i + 1;
        } else {
          throw new ImportParseError(`${fileName}:${line}:${col}: a quote inside an unquoted field; quote the whole field and double the quote ("")`);
        }
      } else if (afterQuote) {
        throw new ImportParseError(`${fileName}:${line}:${col}: text after the closing quote of a field; expected a comma or the end of the line`);
      }
    }
    if (quoted) field += chunk.slice(start);
    else if (!afterQuote) field += chunk.slice(start);
  }
  if (quoted) throw new ImportParseError(`${fileName}:${rowLine}:1: a quoted field is never closed; the file ends inside it`);
  if (field !== '' || row.length) endRow();
}
