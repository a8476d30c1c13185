import { useState } from 'react';
import { seriesNotice } from '../../../common/series/ordinal';

/** The notice as each position would read it, updated as the template is typed. */
export function NoticePreview({ template, topic, title, count }: { template: string; topic: string; title: string; count: number }) {
  const [upTo, setUpTo] = useState(Math.min(100, Math.max(count, 3)));
  return (
    <div className="notice-preview">
      <div className="notice-preview__head">
        <h3 id="notice-preview-title">Preview</h3>
        <label>
          Positions 1 to{' '}
          <input
            className="input notice-preview__count"
            type="number"
            min={1}
            max={100}
            value={upTo}
            onChange={(e) => setUpTo(Math.min(100, Math.max(1, Math.floor(Number(e.target.value)) || 1)))}
          />
        </label>
      </div>
      <ol className="notice-preview__list" aria-labelledby="notice-preview-title">
        {Array.from({ length: upTo }, (_, i) => (
          <li key={i}>{seriesNotice(template, { position: i + 1, topic: topic || '…', title: title || '…' })}</li>
        ))}
      </ol>
    </div>
  );
}
