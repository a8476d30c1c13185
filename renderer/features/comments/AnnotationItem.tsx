import { useState } from 'react';
import type { Annotation, Tag } from '../../../common/api/comments';
import { useClient } from '../../api/ClientContext';
import { formatDate } from './format';
import { AnnotationFields } from './AnnotationFields';

/** One annotation: its quote, tag, note and reviewer, with edit and remove. */
export function AnnotationItem({ a, tags, onChanged }: { a: Annotation; tags: Tag[]; onChanged: () => void }) {
  const client = useClient();
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState(a.note);
  const [tagId, setTagId] = useState(a.tagId ?? '');
  const [error, setError] = useState('');

  const act = async (f: () => Promise<unknown>) => {
    try {
      await f();
      setEditing(false);
      setError('');
      onChanged();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <li className="annotation">
      <blockquote className="annotation__quote" dir="auto">
        <bdi>{a.quote}</bdi>
      </blockquote>
      {a.anchor === 'lost' && <p className="annotation__lost">The quoted text is no longer in this comment.</p>}
      {!editing ? (
        <>
          <p className="annotation__meta">
            {a.tagName && <span className="badge badge--note">{a.tagName}</span>} <bdi>{a.reviewer || 'Unnamed reviewer'}</bdi>,{' '}
            <time dateTime={a.updatedAt}>{formatDate(a.updatedAt)}</time>
          </p>
          {a.note && (
            <p className="annotation__note" dir="auto">
              {a.note}
            </p>
          )}
          <div className="annotation__buttons">
            <button type="button" className="button" onClick={() => setEditing(true)}>
              Edit<span className="visually-hidden"> annotation “{a.quote.slice(0, 40)}”</span>
            </button>
            <button type="button" className="button button--danger" onClick={() => act(() => client.call('annotations.delete', { id: a.id }))}>
              Remove<span className="visually-hidden"> annotation “{a.quote.slice(0, 40)}”</span>
            </button>
          </div>
        </>
      ) : (
        <form
          className="annotation-form"
          onSubmit={(e) => {
            e.preventDefault();
            void act(() => client.call('annotations.update', { id: a.id, baseRevision: a.revision, note, tagId: tagId || null }));
          }}
        >
          <AnnotationFields tags={tags} tagId={tagId} onTagId={setTagId} note={note} onNote={setNote} />
          <div className="annotation-form__buttons">
            <button type="submit" className="button button--primary">
              Save changes
            </button>
            <button type="button" className="button" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
