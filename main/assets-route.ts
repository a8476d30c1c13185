/**
 * GET /asset/<id>: a stored image's bytes, for browser-mode callers that hold the secret (the
 * publish preview, tests). Served with its sniffed type, nosniff, and a CSP that forbids script.
 */
import type { RawRoute } from './http';
import type { Ctx } from './context';
import { getAssetData } from '../db/repos/assets';
import { AppError } from '../common/errors';
import { Id } from '../common/domain';

export function assetRoute(ctx: Ctx): RawRoute {
  return {
    method: 'GET',
    prefix: '/asset/',
    handle: (_req, res, url) => {
      const id = decodeURIComponent(url.pathname.slice('/asset/'.length));
      const json = (status: number, code: string, message: string) => {
        res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' });
        res.end(JSON.stringify({ ok: false, error: { code, message } }));
      };
      if (!Id.safeParse(id).success) return json(400, 'BAD_INPUT', `"${id.slice(0, 60)}" is not an asset id.`);
      try {
        const { info, data } = getAssetData(ctx.db, id);
        res.writeHead(200, {
          'Content-Type': info.mime,
          'Content-Length': data.length,
          'X-Content-Type-Options': 'nosniff',
          'Content-Security-Policy': "default-src 'none'; sandbox",
          'Cross-Origin-Resource-Policy': 'same-origin',
          'Cache-Control': 'private, max-age=31536000, immutable',
        });
        res.end(data);
      } catch (err) {
        if (err instanceof AppError && err.code === 'NOT_FOUND') return json(404, 'NOT_FOUND', err.message);
        throw err;
      }
    },
  };
}
