import { useEffect, useRef } from 'react';
import type { ImportDraftResult } from '../../../common/api/posts';

const FORMAT_NAMES: Record<ImportDraftResult['format'], string> = {
  docx: 'Word document',
  markdown: 'Markdown',
  html: 'HTML page',
  text: 'plain text',
  'page-text': 'copied page',
};

/** What an import produced, with a link to the new draft and what could not be kept. */
export function ImportResult({ result, onDismiss }: { result: ImportDraftResult; onDismiss: () => void }) {
  const link = useRef<HTMLAnchorElement>(null);
  useEffect(() => link.current?.focus(), [result]);
  const { post, words, comments, warnings, format } = result;
  return (
    <div className="import-result">
      <p>
        Imported <strong>{post.title || 'Untitled draft'}</strong> from a {FORMAT_NAMES[format]}: {words} words
        {comments > 0 && `, ${comments} reader comment${comments === 1 ? '' : 's'} added to its comments`}.{' '}
        <a ref={link} href={`#/drafts/${post.id}`}>
          Open the draft
        </a>
      </p>
      {warnings.length > 0 && (
        <ul className="import-result__warnings" aria-label="Import notes">
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <button type="button" className="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
