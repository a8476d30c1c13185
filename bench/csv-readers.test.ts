/**
 * Our CSV reader and csv-parse (bench/lib/csv-parse-reader.ts) on the same inputs, in every
 * chunking: the same fields and start lines, the same refusals. Ours also says the column.
 */
import { describe, expect, it } from 'vitest';
import { readCsv } from '../main/importers/csv-reader';
import { readCsvWithCsvParse } from './lib/csv-parse-reader';

async function* chunked(text: string, size: number) {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}
type Reader = typeof readCsv;
async function rows(read: Reader, text: string, size: number): Promise<unknown[]> {
  const out: unknown[] = [];
  await read(chunked(text, size), 'x.csv', (fields, line) => out.push([line, ...fields]));
  return out;
}
async function refusal(read: Reader, text: string): Promise<string> {
  return rows(read, text, 4096).then(
    () => 'accepted',
    (e: Error) => e.message,
  );
}

const INPUTS = [
  'comment_ID,comment_author,comment_content\r\n1,Ann,"Plain, with a comma"\r\n2,"Bob ""B"" Jones","Line one\r\nline two"\r\n',
  '\ufeffa,b\n1,2\n\n3,4\n',
  'a,b\r1,2\r3,4',
  'a,b\n1,"2\n3"\n4,5',
  'a\n""""\n',
  'a,b\n1,\n,\n',
  'a,b,c\n1\n1,2,3,4\n',
];

describe('our CSV reader beside csv-parse', () => {
  it('gives the same fields and start lines, in any chunking', async () => {
    for (const text of INPUTS) {
      const expected = await rows(readCsvWithCsvParse, text, 4096);
      for (const size of [1, 2, 3, 7, 4096]) expect(await rows(readCsv, text, size), `${JSON.stringify(text)} in chunks of ${size}`).toEqual(expected);
    }
  });

  it('refuses the same malformed files on the same line, and ours names the column', async () => {
    const cases: [string, RegExp, RegExp][] = [
      ['author,content\nAnn,say "hi"\n', /^x\.csv:2:9: a quote inside an unquoted field/, /^x\.csv:2: Invalid Opening Quote/],
      ['content\n"never closed\n', /^x\.csv:2:1: a quoted field is never closed/, /^x\.csv:2: Quote Not Closed/],
      ['a,b\n"x"y,2\n', /^x\.csv:2:4: text after the closing quote/, /^x\.csv:2: Invalid Closing Quote/],
    ];
    for (const [text, ours, theirs] of cases) {
      expect(await refusal(readCsv, text)).toMatch(ours);
      expect(await refusal(readCsvWithCsvParse, text)).toMatch(theirs);
    }
  });
});
