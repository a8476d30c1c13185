/**
 * Non-JSON endpoints of browser mode (file uploads, asset downloads). Each passes the same
 * host, origin and secret checks as the API; features add theirs here.
 */
import type { RawRoute } from './http';
import type { Ctx } from './context';
import { assetRoute } from './assets-route';
import { uploadRoute } from './importers/upload-route';

export function rawRoutes(ctx: Ctx): RawRoute[] {
  return [assetRoute(ctx), uploadRoute(ctx)];
}
