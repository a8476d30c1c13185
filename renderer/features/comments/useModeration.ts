import { useCallback, useState } from 'react';
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
  const [undo, setUndo] = useState<UndoStep | null>(null);
  const [busy, setBusy] = useState(false);

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
    },
    [client, announce, reload, report],
  );

  const undoLast = useCallback(async () => {
    if (!undo) return;
    setBusy(true);
    try {
      await client.call('comments.restoreStatuses', { items: undo.changes.map((c) => ({ id: c.id, revision: c.revision, status: c.previousStatus })) });
      announce(`Undone: ${undo.label.toLowerCase()}.`);
      setUndo(null);
      await reload();
    } catch (e) {
      await report(e);
    } finally {
      setBusy(false);
    }
  }, [client, undo, announce, reload, report]);

  /** Makes a change made elsewhere (rules applied from the pane) the one Undo reverses. */
  const record = useCallback((step: UndoStep | null) => setUndo(step), []);

  return { undo, busy, moderate, undoLast, record, dismissUndo: () => setUndo(null) };
}
