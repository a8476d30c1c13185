import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { AwayChanges as Changes } from '../../../common/api/co-editing';
import { useClient } from '../../api/ClientContext';
import { formatTimestamp } from '../../format/dates';
import { awaySummary } from './away-summary';

/** The class the changed blocks carry while the list is shown (coedit.css). */
export const AWAY_MARK = 'coedit-away-changed';

/**
 * "Changed while you were away": on opening a co-edited draft that others changed since this
 * member last had it open (on this laptop, however long it was offline), a summary of who changed
 * which paragraphs, the words each added and removed, and the changed paragraphs highlighted in
 * the text, until dismissed (the button, or Escape anywhere in the list).
 *
 * It only looks at the editor: the text comes from the body's document through the co-editing
 * binding, and the highlight is a class on the blocks' DOM elements once they are all there.
 * It never reads, sets or re-creates the editor's state (that belongs to the binding).
 */
export function AwayChanges({ postId }: { postId: string }) {
  const client = useClient();
  const [editor] = useLexicalComposerContext();
  const [away, setAway] = useState<Changes | null>(null);
  const [shown, setShown] = useState(false);
  const marked = useRef<HTMLElement[]>([]);
  useEffect(() => {
    let live = true;
    client.call('coedit.awayChanges', { postId }).then(
      (a) => live && setAway(a),
      // Nothing to show is better than an error over the text: the draft itself is fine.
      (e: Error) => console.warn(`[away] ${e.message}`),
    );
    return () => {
      live = false;
    };
  }, [client, postId]);

  // Mark the changed blocks once the synced text is in the DOM (after Lexical's own DOM update).
  useEffect(() => {
    if (!away) return;
    let done = false;
    const mark = () => {
      const root = editor.getRootElement();
      if (done || !root || root.children.length < away.blocks) return;
      done = true;
      for (const c of away.changes) {
        const block = c.paragraph === null ? null : root.children[c.paragraph];
        if (!(block instanceof HTMLElement)) continue;
        block.classList.add(AWAY_MARK);
        marked.current.push(block);
      }
      setShown(true);
    };
    mark();
    const off = editor.registerUpdateListener(mark);
    return () => {
      off();
      for (const block of marked.current) block.classList.remove(AWAY_MARK);
      marked.current = [];
    };
  }, [away, editor]);

  if (!away) return null;
  const dismiss = () => setAway(null);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    dismiss();
  };
  const show = (paragraph: number) => {
    const block = editor.getRootElement()?.children[paragraph];
    block?.scrollIntoView({ block: 'center' });
  };
  return (
    <section className="coedit-away" aria-labelledby="coedit-away-title" onKeyDown={onKeyDown}>
      <div className="coedit-away__head">
        <h2 id="coedit-away-title" className="coedit-away__title">
          Changed while you were away
        </h2>
        <button type="button" className="button" onClick={dismiss}>
          Dismiss
        </button>
      </div>
      <p className="coedit-away__summary" role="status">
        {awaySummary(away.changes)} <span className="muted">You last had it open on {formatTimestamp(away.since)}.</span>
        {shown && <span className="visually-hidden"> The changed paragraphs are highlighted in the text.</span>}
      </p>
      <ul className="coedit-away__list" aria-label="Changes while you were away">
        {away.changes.map((c, i) => (
          <li key={i} className="coedit-away__change">
            {c.paragraph === null ? (
              <span>A paragraph removed</span>
            ) : (
              <button type="button" className="button button--link" onClick={() => show(c.paragraph!)}>
                Paragraph {c.paragraph + 1}
              </button>
            )}{' '}
            by {c.by.join(', ')}:{' '}
            <span className="coedit-away__words">
              {c.parts.map((p, k) =>
                p.added ? (
                  <ins key={k}>
                    <span className="visually-hidden">[added: </span>
                    {p.text}
                    <span className="visually-hidden">]</span>
                  </ins>
                ) : p.removed ? (
                  <del key={k}>
                    <span className="visually-hidden">[removed: </span>
                    {p.text}
                    <span className="visually-hidden">]</span>
                  </del>
                ) : (
                  <span key={k}>{p.text}</span>
                ),
              )}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
