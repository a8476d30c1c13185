/**
 * The app's dispatch for the commands that call API methods, loaded when such a command runs:
 * `workbench --help` and the commands that only read the database start without loading every
 * handler and the importers behind them (jsdom, mammoth, marked, DOMPurify).
 */
import type { Dispatch } from '../dispatch';
import type { Ctx } from '../context';

export async function appDispatch(ctx: Ctx): Promise<Dispatch> {
  const [{ handlers }, { createDispatch }, { methodChanges }, { recordChanges }] = await Promise.all([
    import('../handlers/index'),
    import('../dispatch'),
    import('../changes/method-changes'),
    import('../../db/repos/change-journal'),
  ]);
  // An app open on the same file sees the commit by data_version; the journal says what changed.
  return createDispatch(handlers, ctx, { onWrite: (method, input) => recordChanges(ctx.db, methodChanges(ctx.db, method, input)) });
}
