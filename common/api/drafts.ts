/** Editor-side draft methods: images stored with a draft. */
import { z } from 'zod';
import { Id, IsoTime, Line } from '../domain';
import { mutation, query, type MethodSpec } from './method';

export const Asset = z.object({
  id: Id,
  postId: Id.nullable(),
  fileName: z.string(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  createdAt: IsoTime,
});
export type Asset = z.infer<typeof Asset>;

/** 20 MB of bytes is about 26.7 MB of base64. */
const MAX_BASE64 = Math.ceil((20 * 1024 * 1024) / 3) * 4;

export const draftsApi = {
  'drafts.uploadAsset': mutation(
    'Stores an image (PNG, JPEG, GIF or WebP, up to 20 MB) with a draft; returns its asset id for an `asset:<id>` src.',
    z
      .object({
        postId: Id,
        fileName: Line(255).min(1),
        dataBase64: z.string().min(1).max(MAX_BASE64).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'expected base64 data'),
      })
      .strict(),
    Asset,
  ),
  'drafts.assetData': query(
    'One stored image with its bytes as base64, for showing it in the editor.',
    z.object({ id: Id }).strict(),
    Asset.extend({ dataBase64: z.string() }),
  ),
  'drafts.listAssets': query('The images stored with a draft.', z.object({ postId: Id }).strict(), z.array(Asset)),
} satisfies Record<string, MethodSpec>;
