import { useEffect, useRef } from 'react';
import type { ImportPreview } from '../../../../common/api/imports';
import { COMMENT_STATUSES } from '../../../../common/domain';
import { defaultedStatusText } from '../../../../common/import-notes';
import { plural } from './labels';

/** What the import will do: counts by post and status, the first comments as plain text, warnings. */
export function ImportPreviewView({ preview }: { preview: ImportPreview }) {
  const c = preview.comments;
  const total = c.imported + c.updated + c.unchanged;
  // The preview comes below the options (a CSV's column mapping fills the dialog): bring it into view.
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.scrollIntoView?.({ block: 'start' });
  }, [preview]);
  return (
    <div className="import-preview" ref={box}>
      <p className="import-preview__summary" data-testid="import-preview-summary">
        {plural(total, 'comment')} on {plural(preview.posts, 'post')}: {c.imported.toLocaleString()} new, {c.updated.toLocaleString()} updated,{' '}
        {c.unchanged.toLocaleString()} unchanged.
      </p>
      <p className="import-preview__statuses" data-testid="import-preview-statuses">
        They will arrive as:{' '}
        {COMMENT_STATUSES.map((s) => `${c.byStatus[s].toLocaleString()} ${s}`).join(', ')}.
      </p>
      {preview.defaultedStatus.length > 0 && (
        <ul className="import-preview__defaulted" data-testid="import-preview-defaulted">
          {preview.defaultedStatus.map((d) => (
            <li key={`${d.status}-${d.reason}`}>{defaultedStatusText(d, 'before')}; approve them in the review pane.</li>
          ))}
        </ul>
      )}
      <table className="import-table">
        <caption>By post and status</caption>
        <thead>
          <tr>
            <th scope="col">Post</th>
            <th scope="col">Approved</th>
            <th scope="col">Pending</th>
            <th scope="col">Spam</th>
            <th scope="col">Trash</th>
          </tr>
        </thead>
        <tbody>
          {preview.byPost.map((p) => (
            <tr key={p.postId}>
              <th scope="row">
                {p.title || p.slug}
                {p.isNew && <span className="import-badge">new post</span>}
              </th>
              <td>{p.byStatus.approved}</td>
              <td>{p.byStatus.pending}</td>
              <td>{p.byStatus.spam}</td>
              <td>{p.byStatus.trash}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {preview.firstComments.length > 0 && (
        <>
          <h3>First comments</h3>
          <ol className="import-comments">
            {preview.firstComments.map((fc, i) => (
              <li key={`${fc.postSlug}-${fc.sourceId}-${i}`}>
                <p className="import-comments__who">
                  {fc.author || 'Anonymous'} <span className="import-hint">({fc.status}{fc.postedAt ? `, ${fc.postedAt.slice(0, 10)}` : ''})</span>
                </p>
                {/* Plain text only: imported comments are never rendered as HTML here. */}
                <p className="import-comments__text">{fc.text}</p>
              </li>
            ))}
          </ol>
        </>
      )}
      {preview.warnings.length > 0 && (
        <details className="import-warnings" open={preview.warnings.length <= 5}>
          <summary>{plural(preview.warnings.length, 'warning')}</summary>
          <ul>
            {preview.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
