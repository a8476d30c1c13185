import { memo, useId } from 'react';

interface Props {
  initialTitle: string;
  initialStandfirst: string;
  onTitle: (title: string) => void;
  onStandfirst: (standfirst: string) => void;
  onBlur: () => void;
}

/** Title and standfirst above the body; uncontrolled so typing re-renders nothing. */
export const DraftFields = memo(function DraftFields({ initialTitle, initialStandfirst, onTitle, onStandfirst, onBlur }: Props) {
  const id = useId();
  return (
    <div className="draft__fields">
      <label className="visually-hidden" htmlFor={`${id}-title`}>
        Title
      </label>
      {/* A one-line title that wraps: a long headline stays readable instead of scrolling out of view. */}
      <textarea
        id={`${id}-title`}
        className="draft__title"
        defaultValue={initialTitle}
        placeholder="Title"
        maxLength={300}
        rows={1}
        spellCheck
        lang="en-GB"
        onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
        onChange={(e) => {
          // A pasted line break becomes a space: a title is one line.
          if (/[\r\n]/.test(e.target.value)) e.target.value = e.target.value.replace(/\s*[\r\n]+\s*/g, ' ');
          onTitle(e.target.value);
        }}
        onBlur={onBlur}
      />
      <label className="visually-hidden" htmlFor={`${id}-standfirst`}>
        Standfirst
      </label>
      <textarea
        id={`${id}-standfirst`}
        className="draft__standfirst"
        defaultValue={initialStandfirst}
        placeholder="Standfirst: one or two sentences that sell the post"
        maxLength={5000}
        rows={2}
        spellCheck
        lang="en-GB"
        onChange={(e) => onStandfirst(e.target.value)}
        onBlur={onBlur}
      />
    </div>
  );
});
