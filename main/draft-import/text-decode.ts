/** Bytes of a text file -> a string, refusing binary files and bad UTF-8 with the place it happened. */
import { AppError } from '../../common/errors';

export function decodeText(fileName: string, data: Uint8Array): string {
  if (data.includes(0)) {
    throw new AppError('IMPORT_FAILED', `${fileName}: this is a binary file, not text; import a .docx, .md, .html or .txt file. Nothing was imported.`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data).replace(/\r\n?/g, '\n');
  } catch {
    const loose = new TextDecoder('utf-8').decode(data);
    const at = loose.indexOf('\ufffd');
    const before = loose.slice(0, at).split(/\r\n?|\n/);
    throw new AppError(
      'IMPORT_FAILED',
      `${fileName}:${before.length}:${before[before.length - 1].length + 1}: not valid UTF-8 text; save the file as UTF-8 and try again. Nothing was imported.`,
    );
  }
}
