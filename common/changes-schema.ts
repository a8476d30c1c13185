/** The change events' zod schemas (common/changes.ts): every pushed payload is parsed with them. */
import { z } from 'zod';
import { CHANGE_AREAS, MAX_IDS, type ChangeArea, type ChangeEvent, type Changes } from './changes';

const areaChange = z.union([z.literal('all'), z.array(z.string().min(1).max(100)).max(MAX_IDS)]);

export const changesSchema: z.ZodType<Changes> = z
  .object(Object.fromEntries(CHANGE_AREAS.map((a) => [a, areaChange.optional()])) as Record<ChangeArea, z.ZodOptional<typeof areaChange>>)
  .strict();

export const changeEventSchema: z.ZodType<ChangeEvent> = z.object({ seq: z.number().int().nonnegative(), changes: changesSchema }).strict();
