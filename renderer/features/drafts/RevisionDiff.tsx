import type { DiffPart } from '../../../common/api/revisions';

/**
 * A word-level comparison: removed words struck through, added words underlined. Screen
 * readers do not announce <ins>/<del> by themselves, so each change says what it is.
 */
export function RevisionDiff({ parts, added, removed }: { parts: DiffPart[]; added: number; removed: number }) {
  return (
    <figure className="revision-diff">
      <figcaption>
        Compared with the current text: {added} word{added === 1 ? '' : 's'} added, {removed} removed.
      </figcaption>
      <div className="revision-diff__text" data-testid="revision-diff" tabIndex={0} role="group" aria-label="Differences">
        {parts.map((p, i) =>
          p.kind === 'added' ? (
            <ins key={i}>
              <span className="visually-hidden">[added: </span>
              {p.value}
              <span className="visually-hidden">]</span>
            </ins>
          ) : p.kind === 'removed' ? (
            <del key={i}>
              <span className="visually-hidden">[removed: </span>
              {p.value}
              <span className="visually-hidden">]</span>
            </del>
          ) : (
            <span key={i}>{p.value}</span>
          ),
        )}
      </div>
    </figure>
  );
}
