/** Reading an import file: its head for detection, and its text as a stream of chunks with progress and cancel. */
import fs from 'node:fs';
import { AppError } from '../../common/errors';

const HEAD_BYTES = 16 * 1024;

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

export interface ChunkOptions {
  /** Called after each chunk with bytes read so far. */
  onChunk?: (bytesRead: number) => void;
  isCancelled?: () => boolean;
}

export class CancelledError extends AppError {
  constructor() {
    super('CANCELLED', 'The import was cancelled; nothing was imported.');
  }
}

/**
 * The file as UTF-8 text chunks. Each chunk arrives from the event loop, so a long import leaves
 * room for other requests (progress, cancel) between chunks.
 */
export async function* fileChunks(filePath: string, o: ChunkOptions = {}): AsyncGenerator<string> {
  const stream = fs.createReadStream(filePath, { encoding: 'utf8', highWaterMark: 256 * 1024 });
  let bytes = 0;
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      if (o.isCancelled?.()) throw new CancelledError();
      bytes = stream.bytesRead;
      yield chunk;
      o.onChunk?.(bytes);
    }
  } finally {
    stream.destroy();
  }
}
