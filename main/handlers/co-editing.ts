import type { Handlers } from '../../common/api';
import type { Ctx } from '../context';
import { streamEndpointOf } from '../stream-endpoint';
import { readWorkspace } from '../sync/workspace-row';

export const coEditingHandlers: Pick<Handlers<Ctx>, 'coedit.awayChanges' | 'coedit.stream'> = {
  'coedit.awayChanges': async ({ postId }, ctx) => {
    const ws = readWorkspace(ctx.db);
    if (!ws) return null;
    // A draft never closed here (a new one above all) has nothing to compare with: its body
    // document is left alone, not loaded beside the window's stream and the session's seeding.
    const { hasSeen } = await import('../sync/body-away');
    if (!hasSeen(ctx.db, ws.member_id, postId)) return null;
    // The sync engine loads only for a joined store.
    const [{ awayChanges }, { liveSession }, { LocalDocs }, { bodyDocName }] = await Promise.all([
      import('../sync/body-away'), import('../sync/live'), import('../sync/local-docs'), import('../sync/body-docs'),
    ]);
    const live = liveSession(ctx)?.docs;
    const docs = live ?? new LocalDocs(ctx.db);
    try {
      return awayChanges(ctx.db, { id: ws.member_id, name: ws.member_name }, postId, docs.get(bodyDocName(postId)));
    } finally {
      if (!live) docs.destroy();
    }
  },
  'coedit.stream': (_input, ctx) => streamEndpointOf(ctx),
};
