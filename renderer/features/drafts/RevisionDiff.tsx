import type { DiffPart } from '../../../common/api/revisions';

export type DiffLayout = 'side-by-side' | 'inline';

/** One run, marked as what it is: screen readers do not announce <ins>/<del> by themselves. */
function Run({ part }: { part: DiffPart }) {
  if (part.kind === 'same') return <span>{part.value}</span>;
  const Tag = part.kind === 'added' ? 'ins' : 'del';
  return (
    <Tag>
      <span className="visually-hidden">[{part.kind}: </span>
      {part.value}
      <span className="visually-hidden">]</span>
    </Tag>
  );
}

function Text({ parts, label, testId }: { parts: DiffPart[]; label: string; testId?: string }) {
  return (
    <div className="revision-diff__text" data-testid={testId} tabIndex={0} role="group" aria-label={label}>
      {parts.map((p, i) => (
        <Run key={i} part={p} />
      ))}
    </div>
  );
}

/**
 * A word-level comparison of a revision with the current text. Side by side, the revision shows its
 * removed words struck through and the current text its added words underlined; inline, both are in
 * one text.
 */
export function RevisionDiff({ parts, added, removed, layout, versionLabel }: { parts: DiffPart[]; added: number; removed: number; layout: DiffLayout; versionLabel: string }) {
  return (
    <figure className="revision-diff">
      <figcaption>
        Compared with the current text: {added} word{added === 1 ? '' : 's'} added, {removed} removed.
      </figcaption>
      {layout === 'inline' ? (
        <Text parts={parts} label="Differences" testId="revision-diff" />
      ) : (
        <div className="revision-diff__columns" data-testid="revision-diff">
          <section aria-label={versionLabel}>
            <h3 className="revision-diff__heading">{versionLabel}</h3>
            <Text parts={parts.filter((p) => p.kind !== 'added')} label={`${versionLabel}, removed words marked`} />
          </section>
          <section aria-label="Current text">
            <h3 className="revision-diff__heading">Current text</h3>
            <Text parts={parts.filter((p) => p.kind !== 'removed')} label="Current text, added words marked" />
          </section>
        </div>
      )}
    </figure>
  );
}
