import { memo, type RefObject } from 'react';
import type { CommentFilter, CommentOrder, Tag } from '../../../common/api/comments';
import type { PostSummary } from '../../../common/domain';
import { DebouncedInput } from './DebouncedInput';
import { TagSelect } from './TagSelect';

interface Props {
  filter: CommentFilter;
  order: CommentOrder;
  posts: PostSummary[];
  tags: Tag[];
  searchRef: RefObject<HTMLInputElement | null>;
  onFilter: (patch: Partial<CommentFilter>) => void;
  onOrder: (o: CommentOrder) => void;
}

/** Every post as an option: hundreds of them, so rendered again only when they or the choice change, not on each search. */
const PostSelect = memo(function PostSelect({ posts, value, onFilter }: { posts: PostSummary[]; value: string; onFilter: Props['onFilter'] }) {
  return (
    <select aria-label="Post" value={value} onChange={(e) => onFilter({ postId: e.target.value || undefined })}>
      <option value="">All posts</option>
      {posts.map((p) => (
        <option key={p.id} value={p.id}>
          {p.title || p.slug} ({p.commentCount})
        </option>
      ))}
    </select>
  );
});

const tri = (v: boolean | undefined) => (v === undefined ? '' : v ? 'yes' : 'no');
const untri = (s: string) => (s === '' ? undefined : s === 'yes');

/** Search and filters. Thread order needs a post, so it is offered once one is chosen. */
export const FilterBar = memo(function FilterBar({ filter, order, posts, tags, searchRef, onFilter, onOrder }: Props) {
  return (
    <form className="filters" role="search" aria-label="Filter comments" onSubmit={(e) => e.preventDefault()}>
      <label className="filters__search">
        <span>
          Search <kbd>/</kbd>
        </span>
        <DebouncedInput inputRef={searchRef} type="search" value={filter.search ?? ''} placeholder="Words in comments or names" onValue={(v) => onFilter({ search: v || undefined })} />
      </label>
      <label>
        Post
        <PostSelect posts={posts} value={filter.postId ?? ''} onFilter={onFilter} />
      </label>
      <label>
        Order
        <select aria-label="Order" value={order} onChange={(e) => onOrder(e.target.value as CommentOrder)}>
          <option value="newest">Newest first</option>
          <option value="oldest">Oldest first</option>
          <option value="score">Spam score, highest first</option>
          <option value="thread" disabled={!filter.postId && !filter.threadOf}>
            Threads{!filter.postId && !filter.threadOf ? ' (choose a post)' : ''}
          </option>
        </select>
      </label>
      <label>
        Tag
        <TagSelect tags={tags} value={filter.tagId ?? ''} onChange={(tagId) => onFilter({ tagId: tagId || undefined })} noneLabel="Any" ariaLabel="Tag" />
      </label>
      <label>
        Annotated
        <select aria-label="Annotated" value={tri(filter.annotated)} onChange={(e) => onFilter({ annotated: untri(e.target.value) })}>
          <option value="">Either</option>
          <option value="yes">Yes</option>
          <option value="no">No</option>
        </select>
      </label>
      <label>
        Reply draft
        <select aria-label="Reply draft" value={tri(filter.hasReplyDraft)} onChange={(e) => onFilter({ hasReplyDraft: untri(e.target.value) })}>
          <option value="">Either</option>
          <option value="yes">Has one</option>
          <option value="no">None</option>
        </select>
      </label>
      <label>
        Author
        <DebouncedInput value={filter.author ?? ''} placeholder="Name starts with" onValue={(v) => onFilter({ author: v || undefined })} />
      </label>
      <label>
        From
        <input type="date" value={filter.from ?? ''} onChange={(e) => onFilter({ from: e.target.value || undefined })} />
      </label>
      <label>
        To
        <input type="date" value={filter.to ?? ''} onChange={(e) => onFilter({ to: e.target.value || undefined })} />
      </label>
    </form>
  );
});
