import { useEffect, useRef, useState } from 'react';
import type { Tag } from '../../../common/api/comments';
import { useClient } from '../../api/ClientContext';
import { useReviewer } from './useReviewer';
import { FormActions } from '../../shell/FormActions';
import { AnnotationFields } from './AnnotationFields';

interface Props {
  commentId: string;
  text: string;
  /** The span the reader selected in the comment, if any. */
  initial: { start: number; end: number } | null;
  tags: Tag[];
  onDone: (saved: boolean) => void;
}

/**
 * A new annotation. With text selected in the comment the span is fixed; without, the reviewer
 * types the phrase to anchor (its first occurrence), or leaves it empty to annotate the whole
 * comment, so annotating never needs a mouse.
 */
export function AnnotationForm({ commentId, text, initial, tags, onDone }: Props) {
  const client = useClient();
  const [phrase, setPhrase] = useState(initial ? text.slice(initial.start, initial.end) : '');
  const [tagId, setTagId] = useState(tags.find((t) => t.name === 'needs reply')?.id ?? '');
  const [note, setNote] = useState('');
  const [reviewer, setReviewer] = useReviewer();
  const [error, setError] = useState('');
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const span = (): { start: number; end: number } | null => {
    if (initial && text.slice(initial.start, initial.end) === phrase) return initial;
    if (!phrase.trim()) return text.length ? { start: 0, end: text.length } : null;
    const at = text.indexOf(phrase);
    return at < 0 ? null : { start: at, end: at + phrase.length };
  };

  const submit = async () => {
    const s = span();
    if (!s) return setError(`“${phrase}” is not in this comment's text; copy the words exactly, or leave the span empty for the whole comment.`);
    try {
      await client.call('annotations.create', { commentId, ...s, quote: text.slice(s.start, s.end), tagId: tagId || null, note, reviewer });
      onDone(true);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <form
      className="annotation-form"
      aria-label="New annotation"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onDone(false);
        }
      }}
    >
      <label>
        Span <span className="muted">(words from the comment; empty for all of it)</span>
        <input ref={first} value={phrase} onChange={(e) => setPhrase(e.target.value)} dir="auto" />
      </label>
      <AnnotationFields tags={tags} tagId={tagId} onTagId={setTagId} note={note} onNote={setNote} />
      <label>
        Reviewer
        <input value={reviewer} onChange={(e) => setReviewer(e.target.value)} autoComplete="name" />
      </label>
      <FormActions error={error} submitLabel="Save annotation" onCancel={() => onDone(false)} className="annotation-form__buttons" />
    </form>
  );
}
