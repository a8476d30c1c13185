import { memo, useState, type FormEvent } from 'react';
import type { Note, NoteMessage } from '../../../common/api/notes';
import { formatTimestamp } from '../../format/dates';
import { forComposer, messageParts, withMentionTokens, type Mention } from '../../../common/notes/mentions';
import { MentionTextarea } from './MentionTextarea';

/** A message's text with each mention shown as the member's name. */
function MessageText({ body }: { body: string }) {
  return (
    <p className="note__body">
      {messageParts(body).map((p, i) =>
        'text' in p ? (
          p.text
        ) : (
          <span key={i} className="note__mention" data-member-id={p.mention.id}>
            @{p.mention.name}
          </span>
        ),
      )}
    </p>
  );
}

export interface ThreadActions {
  reply: (note: Note, body: string) => Promise<void>;
  edit: (message: NoteMessage, body: string) => Promise<void>;
  remove: (message: NoteMessage) => Promise<void>;
  resolve: (note: Note, resolved: boolean) => Promise<void>;
  show: (note: Note) => void;
}

const quoteOf = (note: Note) => (note.quote.length > 80 ? `${note.quote.slice(0, 79)}…` : note.quote);

function Message({ message, actions }: { message: NoteMessage; actions: ThreadActions }) {
  const [editing, setEditing] = useState<string | null>(null);
  const [picked, setPicked] = useState<Mention[]>([]);
  if (message.deleted) return <li className="note__message note__message--deleted">Message deleted</li>;
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (editing === null) return;
    await actions.edit(message, withMentionTokens(editing, picked));
    setEditing(null);
  };
  return (
    <li className="note__message">
      <p className="note__meta">
        <strong>{message.mine ? 'You' : message.authorName || 'Someone'}</strong>, {formatTimestamp(message.createdAt)}
        {message.editedAt && ' (edited)'}
      </p>
      {editing === null ? (
        <>
          <MessageText body={message.body} />
          {message.mine && (
            <div className="note__actions">
              <button
                type="button"
                className="button button--small"
                onClick={() => {
                  const { text, picked: had } = forComposer(message.body);
                  setPicked(had);
                  setEditing(text);
                }}
              >
                Edit
              </button>
              <button type="button" className="button button--small button--danger" onClick={() => void actions.remove(message)}>
                Delete
              </button>
            </div>
          )}
        </>
      ) : (
        <form className="note__form" onSubmit={save}>
          <MentionTextarea label="Edit your message" hiddenLabel value={editing} onChange={setEditing} picked={picked} onPick={setPicked} autoFocus onEscape={() => setEditing(null)} />
          <div className="note__actions">
            <button type="submit" className="button button--small button--primary" disabled={!editing.trim()}>
              Save
            </button>
            <button type="button" className="button button--small" onClick={() => setEditing(null)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </li>
  );
}

/**
 * One note: the noted words (a button that selects them in the text), its messages, a reply box
 * and resolve/reopen. Memoized: moving the caret into another note re-renders only the two threads
 * whose `active` changed, not all 200.
 */
export const NoteThread = memo(function NoteThread({ note, detached, active, actions }: { note: Note; detached: boolean; active: boolean; actions: ThreadActions }) {
  const [reply, setReply] = useState('');
  const [picked, setPicked] = useState<Mention[]>([]);
  const resolved = note.resolvedAt !== null;
  const send = async (e: FormEvent) => {
    e.preventDefault();
    await actions.reply(note, withMentionTokens(reply, picked));
    setReply('');
    setPicked([]);
  };
  return (
    <li className={`note${active ? ' note--active' : ''}`} aria-current={active ? 'true' : undefined} data-note-id={note.id}>
      <article aria-label={`Note on “${quoteOf(note)}”`}>
        {detached ? (
          <p className="note__quote note__quote--detached">
            <span className="note__flag">Detached</span> its words were deleted: “{quoteOf(note)}”
          </p>
        ) : (
          <button type="button" className="note__quote" onClick={() => actions.show(note)} title="Select these words in the text">
            “{quoteOf(note)}”
          </button>
        )}
        <ol className="note__messages">
          {note.messages.map((m) => (
            <Message key={m.id} message={m} actions={actions} />
          ))}
        </ol>
        {resolved ? (
          <p className="note__meta">Resolved{note.resolvedBy ? ` by ${note.resolvedBy}` : ''}, {formatTimestamp(note.resolvedAt!)}</p>
        ) : (
          <form className="note__form" onSubmit={send}>
            <MentionTextarea label={`Reply to the note on “${quoteOf(note)}”`} hiddenLabel rows={1} placeholder="Reply… (@ to mention)" value={reply} onChange={setReply} picked={picked} onPick={setPicked} />
            <button type="submit" className="button button--small" disabled={!reply.trim()}>
              Reply
            </button>
          </form>
        )}
        <div className="note__actions">
          <button type="button" className="button button--small" onClick={() => void actions.resolve(note, !resolved)}>
            {resolved ? 'Reopen' : 'Resolve'}
          </button>
        </div>
      </article>
    </li>
  );
});
