import { useCallback, useEffect, useRef, useState } from 'react';
import type { SpamStatus } from '../../../../common/api/moderation';
import { useClient } from '../../../api/ClientContext';

const pct = (x: number | undefined) => (x === undefined ? '?' : `${Math.round(x * 100)}%`);

/**
 * Where the spam score stands: what it learned from, its cross-validated precision and recall at
 * the threshold it suggests, and a retrain button. Training runs in the background; this polls
 * while it runs, shows what it is doing, says when a retrain asked for here has finished, and
 * tells the pane when new scores are in.
 */
export function SpamScoreStatus({ version, onScored }: { version: number; onScored: () => void }) {
  const client = useClient();
  const [s, setS] = useState<SpamStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** A retrain asked for here: 'running' until the status says it ended, then 'done'. */
  const [asked, setAsked] = useState<'running' | 'done' | null>(null);
  const refresh = useCallback(() => client.call('spam.status', {}).then(setS, (e: Error) => setError(e.message)), [client]);
  useEffect(() => void refresh(), [refresh, version]);
  useEffect(() => {
    if (!s?.training) return;
    const t = setTimeout(() => void client.call('spam.status', {}).then(setS, (e: Error) => setError(e.message)), 1000);
    return () => clearTimeout(t);
  }, [client, s]);
  // A training ended, whichever read saw it first: this poll, or the re-read a change event
  // brings (the worker's model write is one), which would otherwise stop the poll unnoticed.
  const wasTraining = useRef(false);
  useEffect(() => {
    if (!s) return;
    if (wasTraining.current && !s.training) {
      setAsked((a) => (a ? 'done' : a));
      onScored();
    }
    wasTraining.current = s.training;
  }, [s, onScored]);
  const retrain = () => {
    setAsked('running');
    void client.call('spam.train', {}).then(
      (next) => {
        setS(next);
        if (!next.training) setAsked('done');
      },
      (e: Error) => (setError(e.message), setAsked(null)),
    );
  };
  if (error) return <p className="error-text">Spam score: {error}</p>;
  if (!s) return null;
  const m = s.model;
  return (
    <p className="spam-status" data-testid="spam-status">
      {s.training
        ? `Spam score: learning from the decisions in the background (${s.progress ?? 'starting'})…`
        : m
          ? m.metrics.suggested === false
            ? `Spam score learned from ${m.decisions} decisions, but no score picked out spam with 95% precision in cross-validation: these decisions' words do not yet tell spam from approved comments, so no threshold is suggested (${m.threshold} kept). It moderates nothing unless a rule says so.`
            : `Spam score learned from ${m.decisions} decisions; at ${m.threshold} it found ${pct(m.metrics.recall)} of the spam with ${pct(m.metrics.precision)} precision (cross-validated). It moderates nothing unless a rule says so.`
          : `Spam score: not learned yet (${s.decisions} decisions; it needs 5 approved and 5 spam or trash).`}
      {s.lastError && <span className="error-text"> Last training failed: {s.lastError}</span>}{' '}
      <span role="status" className="spam-status__result">
        {asked === 'done' && !s.lastError && (m ? `Retrained just now on ${m.decisions} decisions; ${s.scored} pending comments scored.` : 'Not enough decisions to learn from yet.')}
      </span>{' '}
      {!s.training && (
        <button type="button" className="button button--small" onClick={retrain}>
          Retrain now
        </button>
      )}
    </p>
  );
}
