/**
 * POST /upload (browser mode): streams the request body to <dataDir>/uploads/<id> without
 * holding it in memory, up to MAX_IMPORT_BYTES, and answers { ok, value: { uploadId, fileName, size } }.
 * The original name travels in the x-file-name header (URI-encoded). The import methods then
 * take { file: { uploadId } }.
 */
import fs from 'node:fs';
import path from 'node:path';
import type http from 'node:http';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import type { RawRoute } from '../http';
import type { Ctx } from '../context';
import { uuidv7 } from '../../common/ids';
import { MAX_IMPORT_BYTES, removeStaleUploads, uploadsDir } from './uploads';

export const UPLOAD_FILE_NAME_HEADER = 'x-file-name';

function reply(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function fileNameOf(req: http.IncomingMessage): string {
  const raw = req.headers[UPLOAD_FILE_NAME_HEADER];
  let name = typeof raw === 'string' ? raw : 'upload';
  try {
    name = decodeURIComponent(name);
  } catch {
    // Keep it as sent.
  }
  // Only a display name: no folders, no control characters.
  return path.basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f]/g, '').slice(0, 200) || 'upload';
}

export function uploadRoute(ctx: Ctx, maxBytes = MAX_IMPORT_BYTES): RawRoute {
  return {
    method: 'POST',
    prefix: '/upload',
    handle: async (req, res, url) => {
      if (url.pathname !== '/upload') return reply(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: 'No such upload endpoint.' } });
      const declared = Number(req.headers['content-length'] ?? NaN);
      if (declared > maxBytes) {
        req.resume();
        return reply(res, 413, { ok: false, error: { code: 'BAD_INPUT', message: `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.` } });
      }
      const dir = uploadsDir(ctx);
      fs.mkdirSync(dir, { recursive: true });
      removeStaleUploads(ctx);
      const uploadId = uuidv7();
      const target = path.join(dir, uploadId);
      const fileName = fileNameOf(req);
      let size = 0;
      const limit = new Transform({
        transform(chunk: Buffer, _enc, done) {
          size += chunk.length;
          if (size > maxBytes) return done(Object.assign(new Error('too large'), { tooLarge: true }));
          done(null, chunk);
        },
      });
      try {
        await pipeline(req, limit, fs.createWriteStream(target, { flags: 'wx', mode: 0o600 }));
      } catch (err) {
        fs.rmSync(target, { force: true });
        if ((err as { tooLarge?: boolean }).tooLarge) {
          req.resume();
          return reply(res, 413, { ok: false, error: { code: 'BAD_INPUT', message: `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.` } });
        }
        return reply(res, 400, { ok: false, error: { code: 'BAD_INPUT', message: `The upload did not complete: ${(err as Error).message}` } });
      }
      fs.writeFileSync(`${target}.json`, JSON.stringify({ fileName, size }));
      reply(res, 200, { ok: true, value: { uploadId, fileName, size } });
    },
  };
}
