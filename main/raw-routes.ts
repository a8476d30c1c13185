/**
 * Non-JSON endpoints of browser mode (file uploads, asset downloads). Each passes the same
 * host, origin and secret checks as the API; features add theirs here.
 */
import type { RawRoute } from './http';
import type { Ctx } from './context';

export function rawRoutes(_ctx: Ctx): RawRoute[] {
  return [];
}
