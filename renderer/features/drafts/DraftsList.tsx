import { useEffect, useState } from 'react';
import type { PostSummary } from '../../../common/domain';
import { useClient } from '../../api/ClientContext';
import { navigate } from '../../shell/router';
import { useFirstScreenRows } from '../../shell/useFirstScreenRows';
import { DraftsFilters } from './DraftsFilters';
import { DraftImport } from './DraftImport';
import { DraftRow } from './DraftRow';
import { useDraftsQuery } from './useDraftsQuery';
import { draftViewLoader } from './load-draft-view';
import './drafts-list.css';

/** The drafts (or the trash): find, filter, sort, create, import, duplicate, trash and restore. */
export function DraftsList({ view }: { view: 'drafts' | 'trash' }) {
  const client = useClient();
  const trash = view === 'trash';
  const { filters, setFilters, posts, more, showMore, error, setError, reload, filtered } = useDraftsQuery(trash);
  const [busyId, setBusyId] = useState('');
  const listed = posts !== null;
  const drawn = useFirstScreenRows();
  const allDrawn = !posts || drawn >= posts.length;
  useEffect(() => (listed ? draftViewLoader.preload() : undefined), [listed]);
  const [notice, setNotice] = useState('');

  const act = async (post: PostSummary, what: () => Promise<string>) => {
    setBusyId(post.id);
    setError('');
    try {
      setNotice(await what());
      reload();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusyId('');
    }
  };
  const title = (p: PostSummary) => p.title || 'Untitled draft';
  const onDuplicate = (p: PostSummary) =>
    act(p, async () => {
      const copy = await client.call('posts.duplicate', { id: p.id });
      return `Duplicated as “${title(copy)}”.`;
    });
  const onTrash = (p: PostSummary) =>
    act(p, async () => {
      await client.call('posts.delete', { id: p.id });
      return `“${title(p)}” is in the trash; restore it from there.`;
    });
  const onRestore = (p: PostSummary) =>
    act(p, async () => {
      await client.call('posts.restore', { id: p.id });
      return `“${title(p)}” is back in the drafts.`;
    });
  const create = async () => {
    try {
      const post = await client.call('posts.create', { title: '' });
      navigate('drafts', post.id);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const [loadingDemo, setLoadingDemo] = useState(false);
  const loadDemo = async () => {
    setLoadingDemo(true);
    setError('');
    try {
      const demo = await client.call('demo.load', {});
      navigate('drafts', demo.postId);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setLoadingDemo(false);
    }
  };

  const list = posts && posts.length > 0 && (
    <>
      <ul className="drafts-list" aria-label={trash ? 'Drafts in the trash' : 'Drafts'}>
        {(allDrawn ? posts : posts.slice(0, drawn)).map((p) => (
          <DraftRow key={p.id} post={p} trash={trash} busy={busyId === p.id} onDuplicate={onDuplicate} onTrash={onTrash} onRestore={onRestore} />
        ))}
      </ul>
      {more && allDrawn && (
        <p className="drafts-list__more">
          <span className="muted">
            Showing the first {posts.length.toLocaleString('en-GB')} {trash ? 'posts in the trash' : 'drafts'}
            {filters.sort === 'planned' ? ' by planned date' : ', most recently changed first'}.
          </span>{' '}
          <button type="button" className="button" onClick={showMore}>
            Show more
          </button>
        </p>
      )}
    </>
  );
  const empty = posts && posts.length === 0 && (
    <div className="empty-state">
      {filtered ? (
        <>
          <h2>Nothing matches</h2>
          <p>No {trash ? 'post in the trash' : 'draft'} matches these filters. Try other words or clear the filters.</p>
        </>
      ) : trash ? (
        <>
          <h2>The trash is empty</h2>
          <p>Drafts you move to the trash wait here until you restore them.</p>
        </>
      ) : (
        <>
          <h2>No drafts yet</h2>
          <p>
            Start a guest post with <strong>New draft</strong>, or import a guest author's file: a Word document, Markdown, HTML, plain text, or the text of a published page with its comments.
          </p>
          <p>
            To look around first, load a real guest blog post with its five reader comments, placed third in a planned series.
          </p>
          <button type="button" className="button" disabled={loadingDemo} onClick={() => void loadDemo()}>
            {loadingDemo ? 'Loading the demo…' : 'Load demo content'}
          </button>
        </>
      )}
    </div>
  );

  return (
    <section className="pane drafts" aria-labelledby="drafts-title">
      <header className="pane__header">
        <h1 id="drafts-title">{trash ? 'Trash' : 'Drafts'}</h1>
        <nav className="drafts__nav" aria-label="Drafts views">
          <a href="#/drafts" aria-current={trash ? undefined : 'page'}>
            Drafts
          </a>
          <a href="#/drafts/trash" aria-current={trash ? 'page' : undefined}>
            Trash
          </a>
        </nav>
        {!trash && (
          <button type="button" className="button button--primary" onClick={() => void create()}>
            New draft
          </button>
        )}
      </header>
      <DraftsFilters filters={filters} onChange={setFilters} />
      <div role="status" aria-live="polite" className="drafts__notice">
        {notice}
      </div>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {trash ? (
        <>
          {list}
          {empty}
        </>
      ) : (
        <DraftImport onImported={reload}>
          {list}
          {empty}
        </DraftImport>
      )}
      {!posts && !error && <p className="muted">Loading…</p>}
    </section>
  );
}
