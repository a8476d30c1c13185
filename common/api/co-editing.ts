/** Co-editing a draft body in a team workspace: what others changed while this member was away. */
import { z } from 'zod';
import { query } from './method';

export const AwayChanges = z.object({
  /** When this member last had the draft open on this laptop. */
  since: z.string(),
  /** How many top-level blocks the body has now (the window marks the changed ones once it shows them all). */
  blocks: z.number().int().min(0),
  changes: z.array(
    z.object({
      /** The paragraph's place in the body now (0-based), or null for a paragraph removed. */
      paragraph: z.number().int().min(0).nullable(),
      /** Who changed it, by name. */
      by: z.array(z.string()),
      /** The paragraph's words then and now: added, removed or unchanged. */
      parts: z.array(z.object({ text: z.string(), added: z.boolean().optional(), removed: z.boolean().optional() })),
    }),
  ),
});
export type AwayChanges = z.infer<typeof AwayChanges>;

export const coEditingApi = {
  'coedit.awayChanges': query(
    "Others' changes to a draft's body since this member last had it open here (who, which paragraphs, a word diff); null when none.",
    z.object({ postId: z.string().min(1).max(64) }).strict(),
    AwayChanges.nullable(),
  ),
  'coedit.stream': query(
    "Where the desktop window's live stream is (its loopback address and per-launch secret); null where the page has its own (browser mode) or there is none (the CLI).",
    z.object({}).strict(),
    z.object({ url: z.string().regex(/^ws:\/\/127\.0\.0\.1:\d{1,5}\/[a-z]+$/), secret: z.string().min(16).max(200) }).nullable(),
  ),
};
