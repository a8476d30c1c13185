import { useEffect, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { AwayChanges as Changes } from '../../../common/api/co-editing';
import { useClient } from '../../api/ClientContext';
import { formatTimestamp } from '../../format/dates';

const MARK = 'coedit-away-changed';

/** The editor's top-level block elements (its paragraphs, headings, lists…), in order. */
function blocks(root: HTMLElement | null): Element[] {
  return root ? [...root.children] : [];
}

/**
 * "Changed while you were away": on opening a draft that others changed since this member last
 * had it open, the changes are listed (who, which paragraph, the words added and removed) and the
 * changed paragraphs are highlighted in the text, until dismissed (the button, or Escape in the list).
 */
export function AwayChanges({ postId, synced }: { postId: string; synced: boolean }) {
  const client = useClient();
  const [editor] = useLexicalComposerContext();
  const [away, setAway] = useState<Changes | null>(null);
  useEffect(() => {
    let live = true;
    client.call('coedit.awayChanges', { postId }).then((a) => live && setAway(a), () => undefined);
    return () => {
      live = false;
    };
  }, [client, postId]);
  // Highlight once the text has arrived from the body's document; taken away on dismiss.
  useEffect(() => {
    if (!away || !synced) return;
    const marked = away.changes.flatMap((c) => (c.paragraph === null ? [] : [blocks(editor.getRootElement())[c.paragraph]].filter((e): e is Element => !!e)));
    for (const e of marked) e.classList.add(MARK);
    return () => marked.forEach((e) => e.classList.remove(MARK));
  }, [away, synced, editor]);
  if (!away) return null;
  const dismiss = () => setAway(null);
  const show = (paragraph: number) => {
    const e = blocks(editor.getRootElement())[paragraph] as HTMLElement | undefined;
    e?.scrollIntoView({ block: 'center' });
  };
  return (
    <section className="coedit-away" aria-labelledby="coedit-away-title" onKeyDown={(e) => e.key === 'Escape' && dismiss()}>
      <div className="coedit-away__head">
        <h2 id="coedit-away-title" className="coedit-away__title">
          Changed while you were away <span className="muted">(since {formatTimestamp(away.since)})</span>
        </h2>
        <button type="button" className="button" onClick={dismiss}>
          Dismiss
        </button>
      </div>
      <ul className="coedit-away__list">
        {away.changes.map((c, i) => (
          <li key={i} className="coedit-away__change">
            <span className="coedit-away__where">
              {c.paragraph === null ? (
                'A paragraph removed'
              ) : (
                <button type="button" className="button button--link" onClick={() => show(c.paragraph!)}>
                  Paragraph {c.paragraph + 1}
                </button>
              )}{' '}
              by {c.by.join(', ')}:
            </span>{' '}
            <span className="coedit-away__words">
              {c.parts.map((p, k) => (p.added ? <ins key={k}>{p.text}</ins> : p.removed ? <del key={k}>{p.text}</del> : <span key={k}>{p.text}</span>))}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
