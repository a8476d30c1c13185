import type { Post } from '../../../common/domain';
import type { Input } from '../../../common/api';
import { MetadataPanel } from './MetadataPanel';
import { RevisionsPanel } from './RevisionsPanel';
import type { RefObject } from 'react';
import type { LexicalEditor } from 'lexical';
import { ChecklistPanel } from '../checklist/ChecklistPanel';
import { ConfirmWarningsDialog } from '../checklist/ConfirmWarningsDialog';
import { FeaturedImagePanel } from '../checklist/FeaturedImagePanel';
import { useDraftChecklist } from '../checklist/useDraftChecklist';
import { NotesPanel } from '../../editor/notes/NotesPanel';
import { SuggestionsPanel } from '../../editor/suggestions/SuggestionsPanel';
import './draft-panels.css';

/** A change to the open draft that the panels ask the editor's saver to store (same revision chain as the body). */
export type DraftPatch = Omit<Input<'posts.update'>, 'id' | 'baseRevision'>;

export interface DraftSidePanelsProps {
  post: Post;
  /** The post is a colleague's change taken into this window (the slug follows only titles saved here). */
  fromElsewhere?: boolean;
  /** Queue a change; the draft's saver stores it with the body, in order, with revision checks. */
  onChange: (patch: DraftPatch) => void;
  /** A revision was restored on the server: the editor reloads this post. */
  onReplaced: (post: Post) => void;
  /** The body editor, for the live checklist and its jumps. */
  editorRef: RefObject<LexicalEditor | null>;
  /** A guest author's: the details, picture and revisions are shown but are the editors' to change. */
  readOnly?: boolean;
}

/** Metadata, the pre-publish checklist, the featured image and revisions beside the editor. */
export function DraftSidePanels({ post, fromElsewhere = false, onChange, onReplaced, editorRef, readOnly = false }: DraftSidePanelsProps) {
  const checks = useDraftChecklist(post, editorRef);
  return (
    <aside className="draft-panels" aria-label="Post details">
      <NotesPanel postId={post.id} editorRef={editorRef} />
      <SuggestionsPanel editorRef={editorRef} />
      {/* A disabled fieldset turns every control inside it off, keyboard included. */}
      <fieldset className="draft-panels__locked" disabled={readOnly} aria-describedby={readOnly ? 'draft-panels-locked' : undefined}>
        {readOnly && (
          <p id="draft-panels-locked" className="draft-panels__locked-note">
            The details, featured image and revisions are the editors’ to change.
          </p>
        )}
        <MetadataPanel post={post} followTitle={!fromElsewhere} onChange={onChange} gate={checks.gate} />
        <ChecklistPanel checklist={checks.checklist} editorRef={editorRef} refusal={checks.refusal} />
        <FeaturedImagePanel post={post} context={checks.context} setFeatured={checks.setFeatured} />
        <RevisionsPanel post={post} onReplaced={onReplaced} />
      </fieldset>
      {checks.question && <ConfirmWarningsDialog question={checks.question} />}
    </aside>
  );
}
