/**
 * The same contract as our CSV reader (main/importers/csv-reader.ts: rows with the line each
 * starts on, blank lines skipped, a BOM dropped, refusals as ImportParseError) on csv-parse's
 * streaming parser: what issue 16 asked to compare ours with. The bench times both on the same
 * file (scenarios/csv-read.ts) and bench/csv-readers.test.ts runs both on the same inputs.
 * csv-parse reports the line and the field of a refusal, not the column.
 */
import { parse, type CsvError } from 'csv-parse';
import { ImportParseError } from '../../main/importers/types';

const BREAK = /\r\n|\r|\n/g;

export async function readCsvWithCsvParse(chunks: AsyncIterable<string>, fileName: string, onRow: (fields: string[], line: number) => void): Promise<void> {
  // raw: each record's own text, to count the lines it spans; blank lines come as [''] and are skipped here, as ours does.
  const parser = parse({ bom: true, raw: true, relax_column_count: true });
  let line = 1;
  const rows = (async () => {
    for await (const { record, raw } of parser as AsyncIterable<{ record: string[]; raw: string }>) {
      const start = line;
      line += raw.match(BREAK)?.length ?? 0;
      if (!(record.length === 1 && record[0] === '')) onRow(record, start);
    }
  })();
  rows.catch(() => {});
  try {
    // A refusal ends the stream without a 'drain': the rows' rejection ends the wait then.
    for await (const chunk of chunks) if (!parser.write(chunk)) await Promise.race([new Promise((resolve) => parser.once('drain', resolve)), rows]);
    parser.end();
    await rows;
  } catch (err) {
    const e = err as CsvError & { lines?: number };
    if (!e.code) throw err;
    throw new ImportParseError(`${fileName}:${e.lines ?? line}: ${e.message}`);
  }
}
