import type { Handlers } from '../../common/api';
import type { Ctx } from '../context';
import type { WorkspaceMethods } from '../sync/window-api';
import { LOCAL_ONLY_STATUS, readWorkspace } from '../sync/workspace-row';

// The sync engine (Hocuspocus, Yjs) loads on the first workspace call of a joined store only.
const impl = () => import('../sync/window-api').then((m) => m.workspaceHandlers);

export const workspaceHandlers: Pick<Handlers<Ctx>, WorkspaceMethods> = {
  'workspace.status': async (input, ctx) => (readWorkspace(ctx.db) ? (await impl())['workspace.status'](input, ctx) : LOCAL_ONLY_STATUS),
  'workspace.join': async (input, ctx) => (await impl())['workspace.join'](input, ctx),
  'workspace.leave': async (input, ctx) => (await impl())['workspace.leave'](input, ctx),
  'workspace.conflicts': async (input, ctx) => (readWorkspace(ctx.db) ? (await impl())['workspace.conflicts'](input, ctx) : []),
  'workspace.resolve': async (input, ctx) => (await impl())['workspace.resolve'](input, ctx),
  'workspace.refused': async (input, ctx) => (await impl())['workspace.refused'](input, ctx),
  'workspace.discardRefused': async (input, ctx) => (await impl())['workspace.discardRefused'](input, ctx),
};
