import type { Handlers } from '../../common/api';
import type { Ctx } from '../context';
import { getAssetData, listAssets, saveAsset } from '../../db/repos/assets';

type DraftMethods = 'drafts.uploadAsset' | 'drafts.assetData' | 'drafts.listAssets';

export const draftsHandlers: Pick<Handlers<Ctx>, DraftMethods> = {
  'drafts.uploadAsset': (input, ctx) => saveAsset(ctx.db, { postId: input.postId, fileName: input.fileName, data: Buffer.from(input.dataBase64, 'base64') }),
  'drafts.assetData': (input, ctx) => {
    const { info, data } = getAssetData(ctx.db, input.id);
    return { ...info, dataBase64: data.toString('base64') };
  },
  'drafts.listAssets': (input, ctx) => listAssets(ctx.db, input.postId),
};
