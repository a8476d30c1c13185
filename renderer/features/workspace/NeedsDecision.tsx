import type { Output } from '../../../common/api';
import { formatTimestamp } from '../../format/dates';

type Conflict = Output<'workspace.conflicts'>[number];

/** Decisions two members made differently while apart; a member whose role allows it picks one. */
export function NeedsDecision({ conflicts, busy, onPick }: { conflicts: Conflict[]; busy: boolean; onPick: (id: string, pick: number) => void }) {
  return (
    <section className="needs-decision" aria-labelledby="needs-decision-title">
      <h3 id="needs-decision-title">Needs decision ({conflicts.length})</h3>
      {conflicts.length === 0 ? (
        <p className="needs-decision__empty">Nothing needs a decision.</p>
      ) : (
        <ul>
          {conflicts.map((c) => (
            <li key={c.id} className="needs-decision__item">
              <p>
                <strong>{c.what}</strong> of {c.subject}: started as {c.baseShown}, now {c.currentShown}.
              </p>
              <ol>
                {c.choices.map((ch, i) => (
                  <li key={i}>
                    {ch.shown} <span className="needs-decision__who">by {ch.by}, {formatTimestamp(ch.at)}</span>{' '}
                    {c.canDecide && (
                      <button type="button" className="button" disabled={busy} onClick={() => onPick(c.id, i + 1)} aria-label={`Keep ${ch.shown} (${ch.by}) for ${c.what} of ${c.subject}`}>
                        Keep this
                      </button>
                    )}
                  </li>
                ))}
              </ol>
              {!c.canDecide && <p className="needs-decision__who">Your role cannot decide this; someone who may will.</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
