/**
 * One series as the view sees it. Every change goes through `run`, which calls the API and takes
 * the whole series back from the same transaction, so the list, board and calendar always agree.
 * Changes run one at a time, in order: pressing Alt+↑ three times quickly moves a post up three
 * places, because each step is worked out from the result of the one before.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Input, Method, Output } from '../../../common/api';
import type { SeriesDetail } from '../../../common/api/series';
import type { RuleResult } from '../../../common/checklist/evaluate';
import { statusLabel } from '../../../common/series/workflow';
import { ClientError } from '../../api/client';
import { useClient } from '../../api/ClientContext';
import { useChanges } from '../../api/useChanges';
import { touches } from '../../../common/changes';
import type { WarningsQuestion } from '../checklist/ConfirmWarningsDialog';

type DetailMethod = {
  [M in Method]: Output<M> extends SeriesDetail ? (SeriesDetail extends Output<M> ? M : never) : never;
}[Method];

/** An input, or a function that makes one from the latest series (null: nothing to do). */
type InputFrom<M extends Method> = Input<M> | ((current: SeriesDetail) => Input<M> | null);

export function useSeriesDetail(seriesId: string) {
  const client = useClient();
  const [detail, setDetailState] = useState<SeriesDetail | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const latest = useRef<SeriesDetail | null>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  // Set while the user is asked to confirm a status move whose recommended checks fail.
  const [question, setQuestion] = useState<WarningsQuestion | null>(null);

  const setDetail = useCallback((d: SeriesDetail) => {
    latest.current = d;
    setDetailState(d);
  }, []);

  const reload = useCallback(() => {
    client.call('series.get', { id: seriesId }).then(
      (d) => {
        setDetail(d);
        setError('');
      },
      (e: Error) => setError(e.message),
    );
  }, [client, seriesId, setDetail]);
  useEffect(reload, [reload]);

  const enqueue = useCallback(<T,>(job: () => Promise<T>): Promise<T> => {
    const next = queue.current.then(job, job);
    queue.current = next.catch(() => undefined);
    return next;
  }, []);

  // This series, or one of its posts, changed elsewhere (a team member, another window, the CLI):
  // read it again after any change of ours still in flight, so the answer is the newest.
  useChanges((c) => {
    const posts = latest.current?.posts.map((p) => p.id) ?? [];
    if (!touches(c, 'series', [seriesId]) && !touches(c, 'posts', posts)) return;
    void enqueue(() =>
      client.call('series.get', { id: seriesId }).then(
        (d) => setDetail(d),
        () => undefined,
      ),
    );
  });

  /** Runs a series mutation after any still in flight; resolves to the new series, or null when it failed or had nothing to do. */
  const run = useCallback(
    <M extends DetailMethod>(method: M, input: InputFrom<M>): Promise<SeriesDetail | null> =>
      enqueue(async () => {
        const current = latest.current;
        const resolved = typeof input === 'function' ? (current ? input(current) : null) : input;
        if (resolved === null) return null;
        setBusy(true);
        try {
          let next: SeriesDetail;
          try {
            next = (await client.call(method, resolved as Input<M>)) as SeriesDetail;
          } catch (e) {
            // The same gate as the draft's status field: recommended checks failing are the user's
            // call, so ask, and send the move again with the confirmation only on "anyway".
            const warnings = confirmable(e);
            if (method !== 'series.setStatus' || !warnings) throw e;
            const to = statusLabel((resolved as Input<'series.setStatus'>).status).toLowerCase();
            const go = await new Promise<boolean>((answer) => setQuestion({ to, warnings, answer }));
            setQuestion(null);
            if (!go) return null;
            next = (await client.call('series.setStatus', { ...(resolved as Input<'series.setStatus'>), acceptWarnings: true })) as SeriesDetail;
          }
          setDetail(next);
          setError('');
          return next;
        } catch (e) {
          setError((e as Error).message);
          return null;
        } finally {
          setBusy(false);
        }
      }),
    [client, enqueue, setDetail],
  );

  /** Moves a post to another series; this view keeps showing the series it left. */
  const runTransfer = useCallback(
    (postId: string, seriesId: string, position?: number): Promise<{ from: SeriesDetail | null }> =>
      enqueue(async () => {
        setBusy(true);
        try {
          const { from } = await client.call('series.transferPost', { postId, seriesId, position });
          setDetail(from);
          setError('');
          return { from };
        } catch (e) {
          setError((e as Error).message);
          return { from: null };
        } finally {
          setBusy(false);
        }
      }),
    [client, enqueue, setDetail],
  );

  return { detail, setDetail, error, setError, busy, reload, run, runTransfer, question };
}

/** The failing recommended checks of a refusal that the user may confirm, else null. */
function confirmable(e: unknown): RuleResult[] | null {
  if (!(e instanceof ClientError) || e.code !== 'NEEDS_CONFIRMATION') return null;
  const warnings = (e.details as { warnings?: RuleResult[] } | undefined)?.warnings;
  return warnings?.length ? warnings : null;
}

export type SeriesActions = ReturnType<typeof useSeriesDetail>;
