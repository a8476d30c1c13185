import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { touches } from '../../../common/changes';
import { useChanges } from '../../api/useChanges';
import type { CommentFilter, CommentOrder, Tag } from '../../../common/api/comments';
import type { ImportSummary } from '../../../common/api/imports';
import type { CommentStatus, PostSummary } from '../../../common/domain';
import { useClient } from '../../api/ClientContext';
import { useStableCallback } from '../../shell/useStableCallback';
import { useCommentWindow } from './useCommentWindow';
import { FIRST_FILTER, FIRST_ORDER } from './comment-page-input';
import { useModeration } from './useModeration';
import { usePaneFocus } from './usePaneFocus';
import { VirtualList } from './VirtualList';
import { CommentRow, rowId } from './CommentRow';
import { CommentDetail, preloadReplyEditor } from './CommentDetail';
import { CountsBar } from './CountsBar';
import { FilterBar } from './FilterBar';
import { lazyView } from '../../shell/lazy-view';
import { AnnotationsOverview } from './AnnotationsOverview';
import { ModerationBar } from './ModerationBar';
import { TagManager } from './TagManager';
import { ImportCommentsButton } from './import/ImportCommentsButton';
import { ModerationFilters } from './moderation/ModerationFilters';
import { SpamScoreStatus } from './moderation/SpamScoreStatus';
import { ModerationDialogs, useModerationDialogs } from './moderation/ModerationDialogs';
import './comments.css';
import './moderation/moderation.css';

const KeyHelp = lazyView('The key help', () => import('./KeyHelp'), (m) => m.KeyHelp);
/** A row's usual height (the list measures each row; this is its estimate, and the rows' CSS min-height). */
const ROW_HEIGHT = 92;
const STATUS_KEYS: Record<string, CommentStatus> = { a: 'approved', u: 'pending', s: 'spam', d: 'trash' };
const NO_STATUS: CommentStatus[] = [];

function isTyping(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/**
 * Keys pressed in a dialog (the key help) belong to it. Asked of the event's target, not of the
 * `help` state: a dialog closes before its close event updates that state, and a key pressed in
 * between must already reach the list.
 */
function inDialog(t: EventTarget | null): boolean {
  return !!(t as HTMLElement | null)?.closest?.('dialog');
}

/** The comment review pane: filters, per-status counts, the virtual list, the focused comment, keyboard triage. */
export function CommentsArea(_props: { rest: string[] }) {
  const client = useClient();
  const [filter, setFilter] = useState<CommentFilter>(FIRST_FILTER);
  const [order, setOrder] = useState<CommentOrder>(FIRST_ORDER);
  const [posts, setPosts] = useState<PostSummary[]>([]);
  const [tags, setTags] = useState<Tag[]>([]);
  const [active, setActive] = useState(0);
  const [selected, setSelectedState] = useState<Map<string, number>>(new Map());
  // The selection as last set, for a key that acts on it before React has rendered the change
  // (Ctrl+A's answer arrives, then d is pressed before the next render).
  const selectedNow = useRef(selected);
  const setSelected = useCallback((next: Map<string, number> | ((prev: Map<string, number>) => Map<string, number>)) => {
    selectedNow.current = typeof next === 'function' ? next(selectedNow.current) : next;
    setSelectedState(selectedNow.current);
  }, []);
  const [anchor, setAnchor] = useState<number | null>(null);
  const [help, setHelp] = useState(false);
  const [message, setMessage] = useState('');
  // The comment an n was pressed on, until its detail opens the form (survives a re-mount).
  const [annotateFor, setAnnotateFor] = useState<string | null>(null);
  const [replyFocus, setReplyFocus] = useState(0);
  const [version, setVersion] = useState(0);
  const listRef = useRef<HTMLDivElement>(null);
  const paneRef = useRef<HTMLElement>(null);
  const noneRef = useRef<HTMLParagraphElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const win = useCommentWindow(filter, order);

  useEffect(() => {
    client.call('posts.list', { limit: 5000 }).then(setPosts, () => undefined);
    client.call('tags.list', {}).then(setTags, () => undefined);
  }, [client, version]);

  const reload = useStableCallback(async () => {
    setSelected(new Map());
    await win.reload();
    setVersion((v) => v + 1);
  });
  const mod = useModeration(reload, setMessage);
  const dialogs = useModerationDialogs();
  const onImported = (summary: ImportSummary) => {
    const m = summary.moderation;
    const rules = m ? ` Rules held ${m.held}, approved ${m.approved} and marked ${m.spam} as spam.` : '';
    setMessage(`Imported ${summary.comments.imported} new and ${summary.comments.updated} changed comments.${rules}`);
    void reload();
  };

  useEffect(() => setActive((i) => Math.max(0, Math.min(i, win.total - 1))), [win.total]);
  // Once the rows are shown: r and ? then find their code in (the first screen never waits on it).
  useEffect(() => (win.loaded ? preloadReplyEditor() : undefined), [win.loaded]);
  useEffect(() => (win.loaded ? KeyHelp.loader.preload() : undefined), [win.loaded]);

  // Functional update: a debounced search may land after another filter changed.
  const patchFilter = useStableCallback((patch: Partial<CommentFilter>) => {
    setFilter((prev) => {
      const next = { ...prev, ...patch };
      for (const k of Object.keys(next) as (keyof CommentFilter)[]) if (next[k] === undefined) delete next[k];
      if (!next.postId && !next.threadOf) setOrder((o) => (o === 'thread' ? 'newest' : o));
      return next;
    });
    setActive(0);
    setSelected(new Map());
  });
  const toggleStatus = useStableCallback((s: CommentStatus | 'all') => {
    const cur = filter.status ?? [];
    patchFilter({ status: s === 'all' ? undefined : cur.includes(s) ? cur.filter((x) => x !== s).length ? cur.filter((x) => x !== s) : undefined : [...cur, s] });
  });

  const current = win.itemAt(active);
  // Not deferred: a key pressed right after moving (n, r) must act on the comment just reached.
  const shownCurrent = current;
  const listBox = useCallback(() => listRef.current?.querySelector<HTMLElement>('[role="listbox"]') ?? null, []);
  const focusList = () => listBox()?.focus();
  // Without a list: the note that says none match (Ctrl+Z still reaches the pane from it), or
  // in an empty pane the import button.
  const focusFallback = useCallback(() => noneRef.current ?? paneRef.current?.querySelector<HTMLElement>('.comments-header-actions button') ?? null, []);

  const toggle = (i: number) => {
    const it = win.itemAt(i);
    if (!it) return;
    setSelected((m) => {
      const n = new Map(m);
      if (n.has(it.id)) n.delete(it.id);
      else n.set(it.id, it.revision);
      return n;
    });
    setAnchor(i);
  };
  const selectRange = (from: number, to: number) => {
    const n = new Map(selectedNow.current);
    for (let i = Math.min(from, to); i <= Math.max(from, to); i++) {
      const it = win.itemAt(i);
      if (it) n.set(it.id, it.revision);
    }
    setSelected(n);
  };
  // A key pressed right after Ctrl+A must act on the whole selection, not race its fetch.
  const selecting = useRef<Promise<Map<string, number>> | null>(null);
  const selectAll = async () => {
    const p = client.call('comments.ids', { filter }).then(({ items }) => new Map(items.map((i) => [i.id, i.revision])));
    selecting.current = p;
    try {
      const all = await p;
      setSelected(all);
      setMessage(`${all.size.toLocaleString('en-GB')} comments selected.`);
    } finally {
      if (selecting.current === p) selecting.current = null;
    }
  };
  const act = async (status: CommentStatus) => {
    const sel = selecting.current ? await selecting.current.catch(() => selectedNow.current) : selectedNow.current;
    const single = sel.size === 0;
    const items = single ? (current ? [{ id: current.id, revision: current.revision }] : []) : [...sel].map(([id, revision]) => ({ id, revision }));
    // Without a status filter the comment stays in the list: move on at once, as triage expects.
    // Not after the server answers: by then the reviewer may have moved on by hand, and a late
    // step would skip the comment they reached.
    if (single && !filter.status?.length) setActive((i) => Math.min(i + 1, win.total - 1));
    void mod.moderate(status, items);
  };
  const openThread = useStableCallback((commentId: string) => {
    setFilter({ threadOf: commentId });
    setOrder('thread');
    setActive(0);
  });
  const followThread = useStableCallback(() => {
    if (current) openThread(current.id);
  });

  // Stable handlers for the memoized parts of the pane, so a render (a new filter, an answer)
  // re-renders only the parts whose data changed.
  const onAct = useStableCallback((st: CommentStatus) => void act(st));
  const onSelectAll = useStableCallback(() => void selectAll());
  const clearSelection = useStableCallback(() => setSelected(new Map()));
  const onUndo = useStableCallback(() => void mod.undoLast());
  const leaveThread = useStableCallback(() => patchFilter({ threadOf: undefined }));
  const annotateOpened = useStableCallback(() => setAnnotateFor(null));
  // A re-read can bring rows above the focused comment (a reply just posted is the newest, a
  // colleague's import): the focus stays on that comment, not on its old position.
  // If the reviewer moves meanwhile (Home), where they went wins.
  const keepFocusOn = useRef<{ id: string; at: number } | null>(null);
  const detailChanged = useStableCallback(() => {
    const id = win.itemAt(active)?.id;
    keepFocusOn.current = id ? { id, at: active } : null;
    void win.reload().then(() => setVersion((v) => v + 1));
  });
  useEffect(() => {
    const kept = keepFocusOn.current;
    keepFocusOn.current = null;
    if (!kept || kept.at !== active || win.itemAt(active)?.id === kept.id) return;
    for (let i = Math.max(0, active - 200); i <= active + 200; i++) if (win.itemAt(i)?.id === kept.id) return setActive(i);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only once the re-read's rows are in
  }, [version]);
  // Comments changed elsewhere (a sync, another window, the CLI, an import): the rows and counts
  // in view are read again; the selection and the focused comment stay.
  useChanges((c) => touches(c, 'comments', filter.postId ? [filter.postId] : undefined) && detailChanged());
  const showCommenter = useStableCallback((key: string, name: string) => {
    dialogs.setCommenterName(name);
    patchFilter({ commenter: key });
  });
  const rowClick = useStableCallback((idx: number, ev: { shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }) => {
    if (ev.shiftKey) selectRange(anchor ?? active, idx);
    else if (ev.ctrlKey || ev.metaKey) toggle(idx);
    else setAnchor(idx);
    setActive(idx);
  });

  const onKey = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Escape' && !inDialog(e.target)) {
      focusList();
      return;
    }
    if (isTyping(e.target) || e.altKey || inDialog(e.target)) return;
    const mod4 = e.ctrlKey || e.metaKey;
    if (mod4 && e.key.toLowerCase() === 'z') return (e.preventDefault(), void mod.undoLast());
    if (mod4 && e.key.toLowerCase() === 'a') return (e.preventDefault(), void selectAll());
    if (mod4) return;
    const last = win.total - 1;
    const move = (d: number) => {
      e.preventDefault();
      const next = Math.max(0, Math.min(last, active + d));
      if (e.shiftKey) selectRange(anchor ?? active, next);
      else setAnchor(next);
      setActive(next);
    };
    switch (e.key) {
      case 'j': case 'J': case 'ArrowDown': return move(1);
      case 'k': case 'K': case 'ArrowUp': return move(-1);
      case 'Home': return move(-active);
      case 'End': return move(last - active);
      case 'x': case ' ': e.preventDefault(); return toggle(active);
      case '/': e.preventDefault(); return searchRef.current?.focus();
      case '?': e.preventDefault(); return setHelp(true);
      case 'n': e.preventDefault(); return setAnnotateFor(current?.id ?? null);
      case 'r': e.preventDefault(); return setReplyFocus((n) => n + 1);
      case 't': e.preventDefault(); return followThread();
    }
    if (STATUS_KEYS[e.key]) {
      e.preventDefault();
      void act(STATUS_KEYS[e.key]);
    }
  };

  const noFilter = Object.keys(filter).length === 0;
  // A pane emptied by the last action keeps its keys, so Ctrl+Z can bring the comments back.
  const empty = win.loaded && noFilter && win.counts.all === 0 && !mod.undo;
  usePaneFocus({ pane: paneRef, list: listBox, fallback: focusFallback, loaded: win.loaded, listShown: win.total > 0 && !empty, onKey });

  // One header for the empty and the full pane, so the import button (and its open dialog) is the
  // same component when the pane switches: a click before the first load, or an import that
  // fills an empty pane, keeps its dialog.
  return (
    <section ref={paneRef} className={empty ? 'pane' : 'pane comments-pane'} aria-labelledby="comments-title" onKeyDown={empty ? undefined : onKey}>
      <header className="pane__header">
        <h1 id="comments-title">Comments</h1>
        <div className="comments-header-actions">
          <ImportCommentsButton onImported={onImported} />
          <button type="button" className="button" onClick={dialogs.openRules}>
            Rules…
          </button>
          {!empty && (
            <button type="button" className="button" onClick={() => setHelp(true)} aria-keyshortcuts="?">
              Keys <kbd>?</kbd>
            </button>
          )}
        </div>
      </header>
      <ModerationDialogs
        state={dialogs}
        selectedIds={[...selected.keys()]}
        postId={filter.postId}
        onApplied={(report) => {
          const n = report.changed.length;
          const label = `Rules applied: ${n.toLocaleString('en-GB')} comment${n === 1 ? '' : 's'} changed`;
          mod.record(n ? { label, changes: report.changed } : null);
          setMessage(`${label}.`);
          void reload();
        }}
      />
      {empty ? (
        <div className="empty-state">
          <h2>No comments to review</h2>
          <p>Import the reader comments of a published post: WordPress WXR, Disqus XML, CSV, JSON or text copied from the page.</p>
        </div>
      ) : (
        <>
          <FilterBar filter={filter} order={order} posts={posts} tags={tags} searchRef={searchRef} onFilter={patchFilter} onOrder={setOrder} />
          <ModerationFilters filter={filter} commenterName={dialogs.commenterName} onFilter={patchFilter} />
          <SpamScoreStatus version={version} onScored={detailChanged} />
          <CountsBar counts={win.counts} active={filter.status ?? NO_STATUS} updating={!win.countsCurrent} onToggle={toggleStatus} />
          <ModerationBar
            selectedCount={selected.size}
            total={win.total}
            busy={mod.busy}
            undo={mod.undo}
            threadOf={filter.threadOf}
            onAct={onAct}
            onSelectAll={onSelectAll}
            onClear={clearSelection}
            onUndo={onUndo}
            onLeaveThread={leaveThread}
          />
          <p className="visually-hidden" role="status" aria-live="polite" data-testid="comments-announcer">
            {message}
          </p>
          {win.error && (
            <p className="error-text" role="alert">
              {win.error}
            </p>
          )}
          <div className="comments-body">
            <div className="comments-list" ref={listRef}>
              {win.loaded && win.total === 0 ? (
                <p className="empty-state" ref={noneRef} tabIndex={-1} data-testid="comments-none">
                  No comments match these filters. Clear the search or choose another status{mod.undo ? ', or press Ctrl+Z to undo the last action' : ''}.
                </p>
              ) : (
                <VirtualList
                  count={win.total}
                  rowHeight={ROW_HEIGHT}
                  activeIndex={active}
                  activeId={win.total ? rowId(active) : undefined}
                  label={`Comments, ${win.total.toLocaleString('en-GB')} shown`}
                  multiselectable
                  resetKey={JSON.stringify([filter, order])}
                  onRange={win.ensure}
                  onKeyDown={() => undefined}
                  renderRow={(i) => {
                    const it = win.itemAt(i);
                    return (
                      <CommentRow
                        item={it}
                        index={i}
                        total={win.total}
                        active={i === active}
                        selected={!!it && selected.has(it.id)}
                        showPost={!filter.postId}
                        onClick={rowClick}
                      />
                    );
                  }}
                />
              )}
            </div>
            <aside className="comments-side" aria-label="Focused comment">
              {shownCurrent ? (
                <CommentDetail
                  item={shownCurrent}
                  tags={tags}
                  annotateRequested={annotateFor === shownCurrent.id}
                  onAnnotateOpened={annotateOpened}
                  replyFocus={replyFocus}
                  onChanged={detailChanged}
                  onFollowThread={followThread}
                  onCommenter={showCommenter}
                  onCommenterView={dialogs.openCommenter}
                />
              ) : (
                <p className="muted">Choose a comment to read it in full.</p>
              )}
              <TagManager tags={tags} onChanged={reload} />
              <AnnotationsOverview postId={filter.postId} threadOf={filter.threadOf} version={version} onOpen={openThread} />
            </aside>
          </div>
          {help && (
            <KeyHelp
              onClose={() => {
                setHelp(false);
                focusList();
              }}
            />
          )}
        </>
      )}
    </section>
  );
}
