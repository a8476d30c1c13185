import { useEffect, useId, useRef, useState } from 'react';
import './connections.css';
import type { Output } from '../../../common/api';
import { useClient } from '../../api/ClientContext';

type Target = Output<'wordpress.replyTarget'>;

/**
 * Under the reply draft of a comment that came from a connected site: posts the draft (marked
 * ready) there as a reply by the connected user, after a confirmation that says where and as whom,
 * then links to the reply on the site. Nothing is shown for a comment of no site. Once posted, the
 * link replaces the button: the server refuses a second post as well (cms_replies).
 *
 * The posted reply is stored as a comment too, but the list is not reloaded for it: the pane keeps
 * its focus by position, and the reply (newest) would take the focus from the comment answered.
 * It shows with the list's next reload.
 */
export function PostReplyControl({ commentId, ready, flush }: {
  commentId: string;
  /** The draft is marked "Ready to send". */
  ready: boolean;
  /** Saves the draft's latest text now; resolves to that text, or null when it could not be saved. */
  flush: () => Promise<string | null>;
}) {
  const client = useClient();
  const id = useId();
  const [target, setTarget] = useState<Target | undefined>(undefined);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  useEffect(() => {
    let live = true;
    client.call('wordpress.replyTarget', { commentId }).then((t) => live && setTarget(t), () => live && setTarget(null));
    return () => { live = false; };
  }, [client, commentId]);

  if (!target) return null;
  if (target.posted) {
    return (
      <p className="post-reply" role="status">
        Posted to {target.siteUrl} as {target.userName}:{' '}
        <a href={target.posted.link} target="_blank" rel="noreferrer noopener">{target.posted.link || `reply ${target.posted.remoteId}`}</a>
      </p>
    );
  }

  const ask = async () => {
    setError('');
    const text = await flush();
    if (text === null) return setError('The reply could not be saved; nothing was posted.');
    if (!text.trim()) return setError('The reply is empty; write it first.');
    setConfirming(text);
  };
  const post = async () => {
    setBusy(true);
    setError('');
    try {
      const r = await client.call('wordpress.postReply', { siteId: target.siteId, commentId });
      setTarget({ ...target, posted: { remoteId: r.replyRemoteId, link: r.link, postedAt: new Date().toISOString() } });
      setConfirming(null);
    } catch (e) {
      setConfirming(null);
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="post-reply">
      <button type="button" className="button" disabled={!ready || !target.hasPassword || busy} aria-describedby={`${id}-hint`} onClick={() => void ask()}>
        Post reply to site…
      </button>
      <span id={`${id}-hint`} className="muted post-reply__hint">
        {!target.hasPassword ? ` No password is stored for ${target.siteUrl}: connect it again in Connections.` : ready ? ` Posts to ${target.siteUrl} as ${target.userName}.` : ' Mark the reply “Ready to send” to post it.'}
      </span>
      {error && <p className="error-text" role="alert">{error}</p>}
      {confirming !== null && <ConfirmPost text={confirming} siteUrl={target.siteUrl} userName={target.userName} busy={busy} onPost={() => void post()} onCancel={() => setConfirming(null)} />}
    </div>
  );
}

function ConfirmPost({ text, siteUrl, userName, busy, onPost, onCancel }: { text: string; siteUrl: string; userName: string; busy: boolean; onPost: () => void; onCancel: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog ref={ref} className="comments-dialog post-reply__dialog" aria-labelledby={`${id}-t`} aria-describedby={`${id}-d`} onCancel={(e) => { e.preventDefault(); if (!busy) onCancel(); }}>
      <h2 id={`${id}-t`}>Post this reply to the site?</h2>
      <p id={`${id}-d`}>
        It goes to <strong>{siteUrl}</strong> as <strong>{userName}</strong>, approved, under the reader's comment. Readers see it at once.
      </p>
      <blockquote className="post-reply__text">{text}</blockquote>
      <div className="comments-dialog__buttons">
        <button type="button" className="button" onClick={onCancel} disabled={busy} autoFocus>Cancel</button>
        <button type="button" className="button button--primary" onClick={onPost} disabled={busy}>{busy ? 'Posting…' : 'Post reply'}</button>
      </div>
    </dialog>
  );
}
