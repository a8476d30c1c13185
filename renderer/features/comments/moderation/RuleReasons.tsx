import type { CommentModeration } from '../../../../common/api/comment-moderation';

const ACTION_CLASS: Record<string, string> = { spam: 'badge--spam', hold: 'badge--pending', flag: 'badge--flag', approve: 'badge--approved' };

/** Every rule that fired on a comment, the deciding one first in weight, and whether a person overrode it. */
export function RuleReasons({ moderation }: { moderation: CommentModeration | undefined }) {
  if (!moderation) return null;
  const { hits, score, scoreWords, decidedBy } = moderation;
  if (!hits.length && score === null) return null;
  return (
    <section className="rule-reasons" aria-labelledby="rule-reasons-title" data-testid="rule-reasons">
      <h3 id="rule-reasons-title">Moderation</h3>
      {hits.length > 0 && (
        <ul className="rule-reasons__list">
          {hits.map((h, i) => (
            <li key={i}>
              <span className={`badge ${ACTION_CLASS[h.action]}`}>{h.reason}</span>
              {h.decisive && <span className="muted"> (set the status{decidedBy === 'person' ? '; a reviewer has since decided' : ''})</span>}
            </li>
          ))}
        </ul>
      )}
      {score !== null && (
        <p className="rule-reasons__score">
          Spam score <strong>{score.toFixed(2)}</strong>
          {scoreWords.length > 0 && (
            <>
              {' '}
              weighed most by{' '}
              {scoreWords.map((w, i) => (
                <span key={w.word}>
                  {i > 0 && ', '}
                  <q>{w.word}</q> ({w.weight > 0 ? 'spam' : 'not spam'})
                </span>
              ))}
            </>
          )}
          . A suggestion only: it moderates nothing unless a rule says so.
        </p>
      )}
    </section>
  );
}

/** The reason shown in a list row: the rule that set the status, and the score. */
export function RuleBadge({ moderation }: { moderation: CommentModeration | undefined }) {
  if (!moderation) return null;
  const decisive = moderation.hits.find((h) => h.decisive);
  return (
    <>
      {decisive && <span className={`badge ${ACTION_CLASS[decisive.action]} badge--rule`}>{decisive.reason}</span>}
      {moderation.score !== null && <span className="badge badge--score" title="Spam score learned from this store's decisions">score {moderation.score.toFixed(2)}</span>}
    </>
  );
}
