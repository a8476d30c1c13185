/** The open draft's live checklist, its context from the store, and the gate the status field asks. */
import { useCallback, useEffect, useState, type RefObject } from 'react';
import type { LexicalEditor } from 'lexical';
import type { Post } from '../../../common/domain';
import { describeFailures } from '../../../common/checklist/evaluate';
import { statusLabel } from '../../../common/series/workflow';
import { useClient } from '../../api/ClientContext';
import { useChanges } from '../../api/useChanges';
import { touches } from '../../../common/changes';
import { LiveChecklist, type ChecklistContext } from './live-checklist';
import type { WarningsQuestion } from './ConfirmWarningsDialog';

export interface StatusDecision {
  go: boolean;
  acceptWarnings?: boolean;
}

export function useDraftChecklist(post: Post, editorRef: RefObject<LexicalEditor | null>) {
  const client = useClient();
  const [checklist] = useState(() => new LiveChecklist(post, () => editorRef.current));
  const [context, setContext] = useState<ChecklistContext | null>(null);
  const [refusal, setRefusal] = useState('');
  // Set while the user is asked to confirm failing recommended checks (the side panel shows the dialog).
  const [question, setQuestion] = useState<WarningsQuestion | null>(null);

  // The series (and so its notice and overrides) can change from the side panel, and notes from
  // the Notes panel or a colleague: reload with them.
  const [notesSeen, setNotesSeen] = useState(0);
  useChanges((c) => touches(c, 'notes', [post.id]) && setNotesSeen((n) => n + 1));
  useEffect(() => {
    let live = true;
    client.call('checklist.context', { postId: post.id }).then((c) => live && (setContext(c), checklist.setContext(c)), () => undefined);
    return () => {
      live = false;
    };
  }, [client, checklist, post.id, post.seriesId, post.position, notesSeen]);
  useEffect(() => checklist.setPost(post), [checklist, post]);
  useEffect(() => () => checklist.dispose(), [checklist]);

  const setFeatured = useCallback(
    async (assetId: string | null, alt: string) => {
      const featuredImage = await client.call('checklist.setFeaturedImage', { postId: post.id, assetId, alt });
      setContext((c) => {
        if (!c) return c;
        const next = { ...c, featuredImage };
        checklist.setContext(next);
        return next;
      });
    },
    [client, checklist, post.id],
  );

  /** Asked before a status change: a move to the workflow's last two steps passes the checklist first. */
  const gate = useCallback(
    async (status: string, workflow: readonly string[]): Promise<StatusDecision> => {
      setRefusal('');
      if (!workflow.slice(-2).includes(status)) return { go: true };
      // Decided on the store's notes as they are now: a note added a moment ago may not have come
      // back through the change stream yet, and the move must not pass it by.
      const fresh = await client.call('checklist.context', { postId: post.id }).catch(() => null);
      if (fresh) {
        setContext(fresh);
        checklist.setContext(fresh);
      }
      checklist.recompute();
      const report = checklist.report;
      if (!report) return { go: true };
      const to = statusLabel(status).toLowerCase();
      if (report.blocking.length) {
        setRefusal(`Not moved to ${to}: required checks fail: ${describeFailures(report.blocking)}.`);
        return { go: false };
      }
      if (report.warnings.length) {
        const ok = await new Promise<boolean>((answer) => setQuestion({ to, warnings: report.warnings, answer }));
        setQuestion(null);
        return ok ? { go: true, acceptWarnings: true } : { go: false };
      }
      return { go: true };
    },
    [checklist, client, post.id],
  );

  return { checklist, context, refusal, gate, question, setFeatured };
}
