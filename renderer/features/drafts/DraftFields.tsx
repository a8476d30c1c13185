import { memo, useEffect, useId, useRef, useState } from 'react';
import { fitTitle, TITLE_MAX } from '../../../common/text';

interface Props {
  initialTitle: string;
  initialStandfirst: string;
  onTitle: (title: string) => void;
  onStandfirst: (standfirst: string) => void;
  onBlur: () => void;
  /** Shown, not editable: the member's role may not change the post's text (a guest author). */
  readOnly?: boolean;
  /** A colleague's title and standfirst, put into the fields (DraftSession takes them only when neither is being edited). */
  shown?: { title: string; standfirst: string };
}

/** Title and standfirst above the body; uncontrolled so typing re-renders nothing. */
export const DraftFields = memo(function DraftFields({ initialTitle, initialStandfirst, onTitle, onStandfirst, onBlur, readOnly = false, shown }: Props) {
  const id = useId();
  const titleRef = useRef<HTMLTextAreaElement>(null);
  const standfirstRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (!shown) return;
    if (titleRef.current) titleRef.current.value = shown.title;
    if (standfirstRef.current) standfirstRef.current.value = shown.standfirst;
  }, [shown]);
  // A pasted title longer than a title can be is cut, and the writer is told so (not silently).
  const [cut, setCut] = useState(0);
  return (
    <div className="draft__fields">
      <label className="visually-hidden" htmlFor={`${id}-title`}>
        Title
      </label>
      {/* A one-line title that wraps: a long headline stays readable instead of scrolling out of view. */}
      <textarea
        id={`${id}-title`}
        ref={titleRef}
        className="draft__title"
        defaultValue={initialTitle}
        placeholder="Title"
        readOnly={readOnly}
        rows={1}
        // A new draft starts with its title: the writer types at once, not after a click.
        autoFocus={!initialTitle && !readOnly}
        aria-describedby={cut ? `${id}-cut` : undefined}
        spellCheck
        lang="en-GB"
        onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
        onChange={(e) => {
          // A pasted line break becomes a space: a title is one line.
          if (/[\r\n]/.test(e.target.value)) e.target.value = e.target.value.replace(/\s*[\r\n]+\s*/g, ' ');
          const { title, cutFrom } = fitTitle(e.target.value);
          if (cutFrom !== null) e.target.value = title;
          setCut(cutFrom ?? 0);
          onTitle(e.target.value);
        }}
        onBlur={onBlur}
      />
      {cut > 0 && (
        <p id={`${id}-cut`} className="draft__title-cut" role="status">
          The title was cut to {TITLE_MAX} characters, the most a title can hold (you pasted {cut.toLocaleString('en-GB')}).
        </p>
      )}
      <label className="visually-hidden" htmlFor={`${id}-standfirst`}>
        Standfirst
      </label>
      <textarea
        id={`${id}-standfirst`}
        ref={standfirstRef}
        className="draft__standfirst"
        defaultValue={initialStandfirst}
        placeholder="Standfirst: one or two sentences that sell the post"
        maxLength={5000}
        readOnly={readOnly}
        rows={2}
        spellCheck
        lang="en-GB"
        onChange={(e) => onStandfirst(e.target.value)}
        onBlur={onBlur}
      />
    </div>
  );
});
