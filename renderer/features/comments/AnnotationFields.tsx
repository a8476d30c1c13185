import type { Tag } from '../../../common/api/comments';
import { TagSelect } from './TagSelect';

interface Props {
  tags: readonly Tag[];
  tagId: string;
  onTagId: (tagId: string) => void;
  note: string;
  onNote: (note: string) => void;
}

/** What an annotation says: its tag and its note, the same when adding one and when editing it. */
export function AnnotationFields({ tags, tagId, onTagId, note, onNote }: Props) {
  return (
    <>
      <label>
        Tag
        <TagSelect tags={tags} value={tagId} onChange={onTagId} noneLabel="No tag" />
      </label>
      <label>
        Note
        <textarea value={note} onChange={(e) => onNote(e.target.value)} rows={2} dir="auto" />
      </label>
    </>
  );
}
