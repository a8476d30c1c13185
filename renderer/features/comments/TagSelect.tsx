import type { Tag } from '../../../common/api/comments';

interface Props {
  tags: readonly Tag[];
  value: string;
  onChange: (tagId: string) => void;
  /** The choice for "no tag": "No tag" when tagging, "Any" when filtering. */
  noneLabel: string;
  ariaLabel?: string;
}

/** The team's tags as a labelled choice (the label element around it names it). */
export function TagSelect({ tags, value, onChange, noneLabel, ariaLabel }: Props) {
  return (
    <select aria-label={ariaLabel} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{noneLabel}</option>
      {tags.map((t) => (
        <option key={t.id} value={t.id}>
          {t.name}
        </option>
      ))}
    </select>
  );
}
