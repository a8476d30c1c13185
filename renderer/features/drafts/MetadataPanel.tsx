import { useEffect, useId, useMemo, useState } from 'react';
import type { Author, Post } from '../../../common/domain';
import { DEFAULT_WORKFLOW } from '../../../common/domain-values';
import type { SeriesDetail, SeriesInfo } from '../../../common/api/series';
import { countCharacters, readingMinutes } from '../../../common/text';
import { editorStateText } from '../../../common/editor/state-text';
import { useClient } from '../../api/ClientContext';
import type { DraftPatch } from './DraftSidePanels';
import { SlugField } from './SlugField';
import { AuthorsField } from './AuthorsField';
import { TagsField } from './TagsField';
import { SeriesField } from './SeriesField';
import { MetaDateField } from './MetaDateField';
import { OwnerReviewerFields } from './OwnerReviewerFields';
import { statusLabel } from '../../../common/series/workflow';

interface Props {
  post: Post;
  /** Whether a generated slug follows this post's title (not when the title is a colleague's: theirs brings its slug). */
  followTitle?: boolean;
  onChange: (patch: DraftPatch) => void;
  /** Asked before a status change (the pre-publish checklist): refuse, or go, confirmed or not. */
  gate?: (status: string, workflow: readonly string[]) => Promise<{ go: boolean; acceptWarnings?: boolean }>;
}

/**
 * The post's metadata. Field edits go through onChange to the draft's one saver; series
 * membership and position are series operations and are stored at once.
 */
export function MetadataPanel({ post, followTitle = true, onChange, gate }: Props) {
  const client = useClient();
  const id = useId();
  const [label, setLabel] = useState(post.label);
  const [authors, setAuthors] = useState<Author[]>(post.authors);
  const [tags, setTags] = useState(post.tags);
  const [status, setStatus] = useState(post.status);
  const [place, setPlace] = useState({ seriesId: post.seriesId, position: post.position });
  const [series, setSeries] = useState<SeriesInfo[] | null>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const loadSeries = () => client.call('series.list', {}).then(setSeries, () => setSeries(null));
  useEffect(() => {
    void loadSeries();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client]);

  const workflow = series?.find((s) => s.id === place.seriesId)?.workflow ?? [...DEFAULT_WORKFLOW];
  const statuses = workflow.includes(status) ? workflow : [status, ...workflow];

  const fromDetail = (d: SeriesDetail) => {
    const mine = d.posts.find((p) => p.id === post.id);
    setPlace({ seriesId: mine ? d.series.id : null, position: mine?.position ?? null });
    if (mine) setStatus(mine.status);
  };
  const seriesOp = async (op: () => Promise<void>) => {
    setBusy(true);
    setError('');
    try {
      await op();
      await loadSeries();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const onSeries = (seriesId: string | null) =>
    seriesOp(async () => {
      if (seriesId === null) {
        await client.call('series.removePost', { postId: post.id });
        setPlace({ seriesId: null, position: null });
      } else if (place.seriesId === null) fromDetail(await client.call('series.addPost', { seriesId, postId: post.id }));
      else fromDetail((await client.call('series.transferPost', { postId: post.id, seriesId })).to);
    });
  const onPosition = (position: number) => seriesOp(async () => fromDetail(await client.call('series.movePost', { postId: post.id, position })));

  // The body's text and its count walk the whole draft: once per stored body, not on every render of the panel.
  const characters = useMemo(() => countCharacters(editorStateText(post.body)), [post.body]);
  return (
    <section className="draft-panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="draft-panel__title">
        Details
      </h2>
      <SlugField postId={post.id} slug={post.slug} title={post.title} followTitle={followTitle} published={post.status === 'published' || post.publishedAt !== null} onChange={onChange} />
      <div className="meta-field">
        <label htmlFor={`${id}-label`}>Label</label>
        <input
          id={`${id}-label`}
          className="input"
          value={label}
          maxLength={100}
          placeholder="Guest blog"
          onChange={(e) => {
            setLabel(e.target.value);
            onChange({ label: e.target.value });
          }}
        />
      </div>
      <AuthorsField
        authors={authors}
        onChange={(next) => {
          setAuthors(next);
          onChange({ authorIds: next.map((a) => a.id) });
        }}
      />
      <TagsField
        tags={tags}
        onChange={(next) => {
          setTags(next);
          onChange({ tags: next });
        }}
      />
      <SeriesField series={series} seriesId={place.seriesId} position={place.position} busy={busy} onSeries={(s) => void onSeries(s)} onPosition={(p) => void onPosition(p)} />
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <div className="meta-field">
        <label htmlFor={`${id}-status`}>Status</label>
        <select
          id={`${id}-status`}
          className="select"
          value={status}
          onChange={async (e) => {
            const next = e.target.value;
            const decision = gate ? await gate(next, workflow) : { go: true };
            if (!decision.go) return;
            setStatus(next);
            onChange({ status: next, ...(decision.acceptWarnings ? { acceptWarnings: true } : {}) });
          }}
        >
          {statuses.map((s) => (
            <option key={s} value={s}>
              {statusLabel(s)}
            </option>
          ))}
        </select>
      </div>
      <MetaDateField label="Planned date" value={post.plannedDate} onCommit={(plannedDate) => onChange({ plannedDate })} />
      <MetaDateField label="Deadline" value={post.deadline} onCommit={(deadline) => onChange({ deadline })} />
      <OwnerReviewerFields postId={post.id} />
      <dl className="draft-panel__counts" aria-label="Stored counts">
        <div>
          <dt>Words</dt>
          <dd data-testid="stored-words">{post.wordCount}</dd>
        </div>
        <div>
          <dt>Characters</dt>
          <dd>{characters}</dd>
        </div>
        <div>
          <dt>Reading time</dt>
          <dd>{readingMinutes(post.wordCount)} min</dd>
        </div>
      </dl>
    </section>
  );
}
