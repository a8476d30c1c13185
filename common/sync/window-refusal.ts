/**
 * How the window's stream (main/sync/window-stream.ts) tells a window that it refused one of its
 * updates, and why: a Hocuspocus stateless message beside the engine's own negative
 * acknowledgement, which carries no reason. The window cannot build on a refused update (Yjs holds
 * everything after it until it arrives), so on this message it drops its copy and resyncs.
 */
import { z } from 'zod';

const RefusalMessage = z.object({ kind: z.literal('update-refused'), reason: z.string() });

export const refusalMessage = (reason: string): string => JSON.stringify({ kind: 'update-refused', reason });

/** The reason, when the stateless payload is a refusal; null for any other message. */
export function parseRefusal(payload: string): string | null {
  try {
    const parsed = RefusalMessage.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data.reason : null;
  } catch {
    return null;
  }
}
