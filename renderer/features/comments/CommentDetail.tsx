import { memo, useEffect, useRef, useState } from 'react';
import type { CommentListItem, Tag } from '../../../common/api/comments';
import { HighlightedText, type Mark } from './HighlightedText';
import { AnnotationForm } from './AnnotationForm';
import { AnnotationItem } from './AnnotationItem';
import { STATUS_LABEL, formatDate } from './format';
import { moduleLoader, useModule } from '../../shell/module-loader';
import { lazyView } from '../../shell/lazy-view';
import { CommenterContext } from './moderation/CommenterContext';
import { RuleReasons } from './moderation/RuleReasons';

// The reply editor (Lexical) is its own chunk, not in the app's first load: the pane preloads it
// once its list shows, so the first r finds it ready.
export const replyEditorLoader = moduleLoader(() => import('./ReplyEditor'));

/** The preload, then one editor run off screen when the page is next idle (ReplyEditor's warmReplyEditor). Returns a cancel. */
export function preloadReplyEditor(): () => void {
  let live = true;
  let idle: number | undefined;
  const timer = setTimeout(() => {
    replyEditorLoader.load().then(
      (m) => {
        if (live) idle = requestIdleCallback(() => live && m.warmReplyEditor(), { timeout: 2_000 });
      },
      () => undefined,
    );
  }, 0);
  return () => {
    live = false;
    clearTimeout(timer);
    if (idle !== undefined) cancelIdleCallback(idle);
  };
}

interface Props {
  item: CommentListItem;
  tags: Tag[];
  /** n was pressed on this comment: open the annotation form (for the selected text, or to type a phrase), then say so. */
  annotateRequested: boolean;
  onAnnotateOpened: () => void;
  replyFocus: number;
  onChanged: () => void;
  onFollowThread: () => void;
  /** Filters the pane to this comment's writer; opens the view of all their comments. */
  onCommenter?: (key: string, name: string) => void;
  onCommenterView?: (key: string, name: string) => void;
}

/** Offsets of the current selection inside `box`'s text, if the selection lies within it. */
export function selectionIn(box: HTMLElement | null): { start: number; end: number } | null {
  const sel = window.getSelection();
  if (!box || !sel || sel.isCollapsed || sel.rangeCount === 0) return null;
  const r = sel.getRangeAt(0);
  if (!box.contains(r.startContainer) || !box.contains(r.endContainer)) return null;
  const before = document.createRange();
  before.selectNodeContents(box);
  before.setEnd(r.startContainer, r.startOffset);
  const start = before.toString().length;
  return { start, end: start + r.toString().length };
}

/** The focused comment in full: text with highlights, its formatting, annotations and reply draft. */
export const CommentDetail = memo(function CommentDetail({ item, tags, annotateRequested, onAnnotateOpened, replyFocus, onChanged, onFollowThread, onCommenter, onCommenterView }: Props) {
  const textBox = useRef<HTMLParagraphElement>(null);
  // The words last selected with the mouse in this comment: a click on the list to press n there
  // clears the page's selection, and the span must survive it.
  const [picked, setPicked] = useState<{ commentId: string; start: number; end: number } | null>(null);
  const span = picked?.commentId === item.id ? { start: picked.start, end: picked.end } : null;
  const setSpan = (s: { start: number; end: number } | null) => setPicked(s && { commentId: item.id, ...s });
  const [annotating, setAnnotating] = useState(false);
  // The reply editor (a Lexical editor, plus a request for the stored draft) is built only for a
  // comment that has a draft or when asked for, not for every comment j/k passes through.
  const [replyFor, setReplyFor] = useState<string | null>(null);
  const showReply = !!item.replyDraft || replyFor === item.id;
  const reply = useModule(replyEditorLoader, showReply);
  // Only an r pressed while this panel is shown opens it (a newer signal than at mount). Taken in
  // the render the key caused, not in an effect after it: an effect's state update is a render of
  // its own in a later task, and the reply editor then mounted, painted and took the focus a frame
  // or two after the key (most of the first r's wait).
  const [handledReply, setHandledReply] = useState(replyFocus);
  if (replyFocus !== handledReply) {
    setHandledReply(replyFocus);
    setReplyFor(item.id);
  }
  const marks: Mark[] = [
    ...item.matches.map((m) => ({ ...m, kind: 'match' as const })),
    ...item.annotations.filter((a) => a.anchor !== 'lost').map((a) => ({ start: a.start, end: a.end, kind: 'note' as const, title: [a.tagName, a.note].filter(Boolean).join(': ') })),
  ];
  const startAnnotating = () => {
    const now = selectionIn(textBox.current);
    if (now) setSpan(now);
    setAnnotating(true);
  };
  useEffect(() => {
    if (!annotateRequested) return;
    startAnnotating();
    onAnnotateOpened();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [annotateRequested]);

  return (
    <article className="cdetail" aria-labelledby="cdetail-author" data-annotating={annotating || undefined}>
      <header className="cdetail__header">
        <h2 id="cdetail-author">
          <bdi>{item.author.name || 'Anonymous'}</bdi>
        </h2>
        <p className="cdetail__meta">
          {(item.author.role || item.author.organisation) && <bdi>{[item.author.role, item.author.organisation].filter(Boolean).join(', ')}</bdi>}{' '}
          <time dateTime={item.postedAt ?? undefined}>{formatDate(item.postedAt)}</time> · <span className={`badge badge--${item.status}`}>{STATUS_LABEL[item.status]}</span> · on{' '}
          <bdi>{item.postTitle || 'Untitled post'}</bdi>
        </p>
        {item.flags.includes('orphan') && <p className="badge badge--flag">Orphaned reply: the comment it answered was not in the import.</p>}
        {onCommenter && onCommenterView && <CommenterContext commentId={item.id} version={item.revision} onShowOnly={onCommenter} onOpenView={onCommenterView} />}
        <RuleReasons moderation={item.moderation} />
      </header>
      {/* Focusable so that selecting words with the mouse keeps the keys in the pane: n then annotates them. */}
      <p className="cdetail__text" ref={textBox} dir="auto" tabIndex={-1} onMouseUp={() => setSpan(selectionIn(textBox.current))}>
        <HighlightedText text={item.text} marks={marks} />
      </p>
      <div className="cdetail__actions">
        <button type="button" className="button" onMouseDown={(e) => e.preventDefault()} onClick={startAnnotating}>
          Annotate{span ? ' selection' : ''} <kbd>n</kbd>
        </button>
        {item.replyCount > 0 && (
          <button type="button" className="button" onClick={onFollowThread}>
            Follow thread ({item.replyCount} {item.replyCount === 1 ? 'reply' : 'replies'}) <kbd>t</kbd>
          </button>
        )}
      </div>
      {annotating && (
        <AnnotationForm
          key={`${item.id}-${span?.start}-${span?.end}`}
          commentId={item.id}
          text={item.text}
          initial={span}
          tags={tags}
          onDone={(saved) => {
            setAnnotating(false);
            setSpan(null);
            if (saved) onChanged();
          }}
        />
      )}
      {item.html && <OriginalFormatting html={item.html} />}
      <section aria-labelledby="cdetail-notes">
        <h3 id="cdetail-notes">Annotations ({item.annotations.length})</h3>
        {item.annotations.length === 0 ? (
          <p className="muted">None yet. Select words in the comment and press n.</p>
        ) : (
          <ul className="annotation-list">
            {item.annotations.map((a) => (
              <AnnotationItem key={`${a.id}-${a.revision}`} a={a} tags={tags} onChanged={onChanged} />
            ))}
          </ul>
        )}
      </section>
      {showReply ? (
        reply.mod ? (
          <reply.mod.ReplyEditor key={item.id} commentId={item.id} onSaved={onChanged} focusSignal={replyFocus} focusOnMount={replyFor === item.id} knownEmpty={!item.replyDraft} />
        ) : reply.error ? (
          <p className="error-text" role="alert">
            The reply editor could not be loaded: {reply.error}
          </p>
        ) : (
          <p className="muted">Loading the reply editor…</p>
        )
      ) : (
        <p className="cdetail__reply">
          <button type="button" className="button" onClick={() => setReplyFor(item.id)}>
            Write a reply <kbd>r</kbd>
          </button>
        </p>
      )}
    </article>
  );
});

// The comment as formatted (SafeHtml, with DOMPurify: a fifth of the review pane's code) is folded
// away, so it is neither loaded nor run for the pane's first screen: only when first unfolded.
const SafeHtml = lazyView('The original formatting', () => import('./SafeHtml'), (m) => m.SafeHtml);

function OriginalFormatting({ html }: { html: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="cdetail__html" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Original formatting</summary>
      {open && <SafeHtml html={html} />}
    </details>
  );
}
