import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { ForYouEntry } from '../../../common/api/notes';
import { touches } from '../../../common/changes';
import { useClient } from '../../api/ClientContext';
import { takeOrCall } from '../../api/early';
import { useChanges } from '../../api/useChanges';
import { formatTimestamp } from '../../format/dates';
import { navigate } from '../../shell/router';
import './for-you.css';

/**
 * For you: open notes that mention me, newest first, each opening its draft at the note. An
 * entry leaves when its note is resolved or when I mark it read (until someone writes in it again).
 * Mentions reach this list through the team workspace like the notes themselves, offline included.
 */
export function ForYouArea() {
  const client = useClient();
  const id = useId();
  const [entries, setEntries] = useState<ForYouEntry[] | null>(null);
  const [error, setError] = useState('');
  const [said, setSaid] = useState('');
  // Only the latest answer is shown: changes arriving by sync start loads close together, and an
  // older answer landing last put back what it read before (a draft's title still "Untitled").
  const asked = useRef(0);
  const load = useCallback(
    (first = false) => {
      const mine = ++asked.current;
      const answer = first ? takeOrCall(client, 'notes.forYou', {}) : client.call('notes.forYou', {});
      void answer.then(
        (found) => mine === asked.current && setEntries(found),
        (e: Error) => mine === asked.current && setError(e.message),
      );
    },
    [client],
  );
  // The first answer was asked for as the window booted (shell/early-requests.ts).
  useEffect(() => load(true), [load]);
  useChanges((c) => (touches(c, 'notes') || touches(c, 'people') || touches(c, 'posts')) && load());

  const markRead = async (e: ForYouEntry) => {
    try {
      await client.call('notes.markRead', { noteId: e.noteId });
      setSaid(`Marked read: the note on “${e.quote.slice(0, 60)}”.`);
      load();
    } catch (err) {
      setError((err as Error).message);
    }
  };

  return (
    <section className="pane for-you" aria-labelledby={`${id}-h`}>
      <h1 id={`${id}-h`}>For you</h1>
      <p className="muted">Open notes that mention you, newest first. Resolve a note, or mark it read, and it leaves this list.</p>
      <p role="status" className="for-you__status">
        {said}
      </p>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {entries === null ? (
        <p className="muted">Loading…</p>
      ) : entries.length === 0 ? (
        <p>Nothing for you: no open note mentions you.</p>
      ) : (
        <ol className="for-you__list" aria-label="Notes that mention you">
          {entries.map((e) => (
            <li key={e.noteId} className="for-you__entry">
              <article aria-label={`${e.mentionedBy} on “${e.quote.slice(0, 60)}” in ${e.postTitle || 'Untitled'}`}>
                <p className="for-you__where">
                  <strong>{e.postTitle || 'Untitled'}</strong> · “{e.quote.length > 80 ? `${e.quote.slice(0, 79)}…` : e.quote}”
                </p>
                <p className="for-you__text">
                  <strong>{e.lastAuthor || 'Someone'}</strong>: {e.lastText}
                </p>
                <p className="note__meta">
                  Mentioned by {e.mentionedBy || 'someone'} · {formatTimestamp(e.at)}
                </p>
                <div className="for-you__actions">
                  <button type="button" className="button button--small button--primary" onClick={() => navigate('drafts', e.postId, 'note', e.noteId)}>
                    Open note
                  </button>
                  <button type="button" className="button button--small" onClick={() => void markRead(e)}>
                    Mark read
                  </button>
                </div>
              </article>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
