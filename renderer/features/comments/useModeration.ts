import { useCallback, useRef, useState } from 'react';
import type { StatusChange } from '../../../common/api/comments';
import type { CommentStatus } from '../../../common/domain';
import { useClient } from '../../api/ClientContext';
import { ClientError } from '../../api/client';
import { STATUS_LABEL } from './format';

export interface UndoStep {
  label: string;
  changes: StatusChange[];
}

/**
 * Moderation with undo: each action returns the statuses it replaced, and Undo puts exactly
 * those back (refused if another window changed a comment since, rather than overwrite it).
 */
export function useModeration(reload: () => Promise<void>, announce: (msg: string) => void) {
  const client = useClient();
  const [undo, setUndoState] = useState<UndoStep | null>(null);
  const [busy, setBusy] = useState(false);
  // The step as last set and the moderation still on its way: a Ctrl+Z pressed straight after d
  // must undo that d, not the step before it (or nothing), so it waits for the answer and reads
  // the newest step, not the one of the render it was pressed in.
  const undoNow = useRef<UndoStep | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);
  const setUndo = useCallback((step: UndoStep | null) => {
    undoNow.current = step;
    setUndoState(step);
  }, []);

  const report = useCallback(
    async (e: unknown) => {
      const msg = e instanceof ClientError && e.code === 'CONFLICT' ? `${e.message}` : `Not changed: ${(e as Error).message}`;
      announce(msg);
      await reload();
    },
    [announce, reload],
  );

  const moderate = useCallback(
    async (status: CommentStatus, items: { id: string; revision: number }[]) => {
      if (!items.length) return;
      setBusy(true);
      const run = (async () => {
        try {
          const { changed } = await client.call('comments.setStatus', { items, status });
          const n = items.length;
          const label = `${n === 1 ? 'Comment' : `${n.toLocaleString('en-GB')} comments`} marked ${STATUS_LABEL[status].toLowerCase()}`;
          setUndo(changed.length ? { label, changes: changed } : null);
          announce(`${label}.`);
          await reload();
        } catch (e) {
          await report(e);
        } finally {
          setBusy(false);
        }
      })();
      inFlight.current = run;
      await run;
      if (inFlight.current === run) inFlight.current = null;
    },
    [client, announce, reload, report, setUndo],
  );

  const undoLast = useCallback(async () => {
    if (inFlight.current) await inFlight.current;
    const step = undoNow.current;
    if (!step) return;
    setUndo(null);
    setBusy(true);
    try {
      await client.call('comments.restoreStatuses', { items: step.changes.map((c) => ({ id: c.id, revision: c.revision, status: c.previousStatus })) });
      announce(`Undone: ${step.label.toLowerCase()}.`);
      await reload();
    } catch (e) {
      await report(e);
    } finally {
      setBusy(false);
    }
  }, [client, announce, reload, report, setUndo]);

  /** Makes a change made elsewhere (rules applied from the pane) the one Undo reverses. */
  const record = useCallback((step: UndoStep | null) => setUndo(step), []);

  return { undo, busy, moderate, undoLast, record, dismissUndo: () => setUndo(null) };
}
